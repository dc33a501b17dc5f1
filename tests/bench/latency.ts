/**
 * Scenario 1: edit-to-remote latency in one room with N clients that edit (whole-record
 * puts of their own shape) and move their cursor. Latency = receive time at each other
 * client - send time, same clock. Servers run in their own processes, started once; rounds
 * alternate between them (order rotated each round) and the table shows the median over
 * rounds of each round's p50 and p99.
 */
import { performance } from 'node:perf_hooks'
import { openRoom } from './load.js'
import { SERVER_LABELS, startServer, type BenchServer, type ServerKind } from './servers.js'
import {
  cpuPerDelivery,
  median,
  ms,
  pct,
  percentile,
  printTable,
  ratio,
  rotated,
  sleep,
  us,
} from './support.js'
import { recordVsStock } from './targets.js'

export interface LatencyOptions {
  kinds: ServerKind[]
  sizes: number[]
  rounds: number
  seconds: number
  warmupSeconds: number
  editHz: number
  cursorHz: number
}

interface RoundResult {
  p50: number
  p99: number
  count: number
  /** Shares of one core while recording: the server process, and this one (all clients). */
  serverCpu: number
  clientCpu: number
  /** Server CPU time per edit delivered to a client, µs (presence included, as sent). */
  serverMicrosPerDelivery: number
}

async function oneRound(
  server: BenchServer,
  size: number,
  o: LatencyOptions,
): Promise<RoundResult> {
  const board = await server.openBoard(`latency ${size}`)
  const sink = { recording: false, latencies: [] as number[] }
  const cpu = { server: NaN, client: NaN, perDelivery: NaN }
  const room = await openRoom(
    server,
    board,
    0,
    { clients: size, editHz: o.editHz, cursorHz: o.cursorHz },
    sink,
  )
  try {
    room.start()
    await sleep(o.warmupSeconds * 1000)
    const s0 = await server.sample()
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    sink.recording = true
    await sleep(o.seconds * 1000)
    const wallMicros = (performance.now() - t0) * 1000
    const c1 = process.cpuUsage(c0)
    const s1 = await server.sample()
    cpu.perDelivery = cpuPerDelivery(s1.cpuMicros - s0.cpuMicros, sink.latencies.length)
    cpu.server = (s1.cpuMicros - s0.cpuMicros) / wallMicros
    cpu.client = (c1.user + c1.system) / wallMicros
    room.stop()
    // What is in flight still counts; then the room goes quiet.
    await sleep(300)
    sink.recording = false
  } finally {
    room.close()
  }
  const xs = sink.latencies
  return {
    p50: percentile(xs, 50),
    p99: percentile(xs, 99),
    count: xs.length,
    serverCpu: cpu.server,
    clientCpu: cpu.client,
    serverMicrosPerDelivery: cpu.perDelivery,
  }
}

export async function runLatency(o: LatencyOptions): Promise<void> {
  const servers: BenchServer[] = []
  try {
    for (const kind of o.kinds) servers.push(await startServer(kind))
    const results = new Map<string, RoundResult[]>()
    for (const size of o.sizes) {
      for (let round = 0; round < o.rounds; round++) {
        for (const server of rotated(servers, round)) {
          const result = await oneRound(server, size, o)
          const key = `${size}/${server.kind}`
          results.set(key, [...(results.get(key) ?? []), result])
          process.stderr.write(
            `  scenario 1: ${size} clients, ${server.kind}, round ${round + 1}: p50 ${ms(result.p50)} p99 ${ms(result.p99)} ms (${result.count} deliveries)\n`,
          )
        }
      }
    }
    const rows: string[][] = []
    for (const size of o.sizes) {
      const base = results.get(`${size}/stock`)
      const baseP50 = base ? median(base.map((r) => r.p50)) : NaN
      const baseP99 = base ? median(base.map((r) => r.p99)) : NaN
      const baseCpu = base ? median(base.map((r) => r.serverMicrosPerDelivery)) : NaN
      for (const kind of o.kinds) {
        const rs = results.get(`${size}/${kind}`)!
        const p50 = median(rs.map((r) => r.p50))
        const p99 = median(rs.map((r) => r.p99))
        const cpu = median(rs.map((r) => r.serverMicrosPerDelivery))
        rows.push([
          `${size} clients, ${SERVER_LABELS[kind]}`,
          ms(p50),
          ms(p99),
          ratio(p50, baseP50),
          ratio(p99, baseP99),
          rs.map((r) => ms(r.p99)).join(' / '),
          String(Math.round(median(rs.map((r) => r.count)))),
          pct(median(rs.map((r) => r.serverCpu))),
          us(cpu),
          ratio(cpu, baseCpu),
          pct(median(rs.map((r) => r.clientCpu))),
        ])
        if (kind !== 'ours') continue
        const where = `${size} clients, one room`
        recordVsStock(`latency p50, ${where}`, p50, baseP50, ms, 'ms')
        recordVsStock(`latency p99, ${where}`, p99, baseP99, ms, 'ms')
        recordVsStock(`server CPU per delivered edit, ${where}`, cpu, baseCpu, us, 'µs')
      }
    }
    printTable(
      `Scenario 1: edit-to-remote latency, one room, each client ${o.editHz} edits/s + ${o.cursorHz} cursor moves/s, ` +
        `${o.rounds} alternating rounds of ${o.seconds} s; ms, median over rounds`,
      [
        'clients, server',
        'p50',
        'p99',
        'p50 vs stock',
        'p99 vs stock',
        'p99 per round',
        'deliveries/round',
        'server CPU',
        'server µs/delivery',
        'vs stock',
        'clients CPU',
      ],
      rows,
    )
  } finally {
    await Promise.all(servers.map((s) => s.stop()))
  }
}
