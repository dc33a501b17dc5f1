/**
 * Scenario 2: many rooms. B boards with C clients each, every client making E edits per
 * second (no cursors). Each round starts a fresh server process, fills it, measures for S
 * seconds after a warm-up, and stops it; rounds alternate between servers. Reports
 * fan-out latency, server CPU (share of one core) and memory, and how busy this process
 * (all clients) was: when it is near 100% of a core, the latency is the clients' too.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { openRoom, type LoadedRoom } from './load.js'
import { SERVER_LABELS, startServer, type ServerKind } from './servers.js'
import {
  cpuPerDelivery,
  mb,
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

export interface ManyRoomsOptions {
  kinds: ServerKind[]
  boards: number
  clientsPerBoard: number
  editHz: number
  rounds: number
  seconds: number
  warmupSeconds: number
}

interface RoundResult {
  p50: number
  p99: number
  deliveries: number
  serverCpu: number
  /** Server CPU time per edit delivered to a client, µs. */
  serverMicrosPerDelivery: number
  serverElu: number
  rssMb: number
  heapMb: number
  clientCpu: number
  clientLagP99: number
  connectSeconds: number
}

/** Rooms opened this many at a time: 1,000 simultaneous handshakes only measure the SYN queue. */
const OPEN_CONCURRENCY = 10

async function oneRound(kind: ServerKind, o: ManyRoomsOptions): Promise<RoundResult> {
  const server = await startServer(kind)
  const rooms: LoadedRoom[] = []
  const sink = { recording: false, latencies: [] as number[] }
  try {
    const connectStart = performance.now()
    const boards = []
    for (let b = 0; b < o.boards; b++) boards.push(await server.openBoard(`room ${b}`))
    for (let b = 0; b < o.boards; b += OPEN_CONCURRENCY) {
      const batch = boards.slice(b, b + OPEN_CONCURRENCY).map((board, i) =>
        openRoom(
          server,
          board,
          (b + i) * o.clientsPerBoard,
          {
            clients: o.clientsPerBoard,
            editHz: o.editHz,
            cursorHz: 0,
          },
          sink,
        ),
      )
      rooms.push(...(await Promise.all(batch)))
    }
    const connectSeconds = (performance.now() - connectStart) / 1000
    for (const room of rooms) room.start()
    await sleep(o.warmupSeconds * 1000)

    const lag = monitorEventLoopDelay({ resolution: 10 })
    const s0 = await server.sample()
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    lag.enable()
    sink.recording = true
    await sleep(o.seconds * 1000)
    sink.recording = false
    lag.disable()
    const wallMicros = (performance.now() - t0) * 1000
    const c1 = process.cpuUsage(c0)
    const s1 = await server.sample()
    const deliveries = sink.latencies.length
    return {
      p50: percentile(sink.latencies, 50),
      p99: percentile(sink.latencies, 99),
      deliveries,
      serverCpu: (s1.cpuMicros - s0.cpuMicros) / wallMicros,
      serverMicrosPerDelivery: cpuPerDelivery(s1.cpuMicros - s0.cpuMicros, deliveries),
      serverElu: s1.elu,
      rssMb: s1.rss / 2 ** 20,
      heapMb: s1.heapUsed / 2 ** 20,
      clientCpu: (c1.user + c1.system) / wallMicros,
      clientLagP99: lag.percentile(99) / 1e6,
      connectSeconds,
    }
  } finally {
    for (const room of rooms) room.close()
    await server.stop()
  }
}

export async function runManyRooms(o: ManyRoomsOptions): Promise<void> {
  const results = new Map<ServerKind, RoundResult[]>()
  for (let round = 0; round < o.rounds; round++) {
    for (const kind of rotated(o.kinds, round)) {
      const r = await oneRound(kind, o)
      results.set(kind, [...(results.get(kind) ?? []), r])
      process.stderr.write(
        `  scenario 2: ${kind}, round ${round + 1}: p50 ${ms(r.p50)} p99 ${ms(r.p99)} ms, server CPU ${pct(r.serverCpu)}, ` +
          `clients CPU ${pct(r.clientCpu)}, connect ${r.connectSeconds.toFixed(1)} s\n`,
      )
    }
  }
  const med = (kind: ServerKind, pick: (r: RoundResult) => number) =>
    results.has(kind) ? median(results.get(kind)!.map(pick)) : NaN
  const rows = o.kinds.map((kind) => [
    SERVER_LABELS[kind],
    ms(med(kind, (r) => r.p50)),
    ms(med(kind, (r) => r.p99)),
    ratio(
      med(kind, (r) => r.p99),
      med('stock', (r) => r.p99),
    ),
    results
      .get(kind)!
      .map((r) => ms(r.p99))
      .join(' / '),
    pct(med(kind, (r) => r.serverCpu)),
    us(med(kind, (r) => r.serverMicrosPerDelivery)),
    ratio(
      med(kind, (r) => r.serverMicrosPerDelivery),
      med('stock', (r) => r.serverMicrosPerDelivery),
    ),
    pct(med(kind, (r) => r.serverElu)),
    mb(med(kind, (r) => r.rssMb) * 2 ** 20),
    mb(med(kind, (r) => r.heapMb) * 2 ** 20),
    pct(med(kind, (r) => r.clientCpu)),
    ms(med(kind, (r) => r.clientLagP99)),
  ])
  printTable(
    `Scenario 2: ${o.boards} boards x ${o.clientsPerBoard} clients, ${o.editHz} edits/s per client ` +
      `(${o.boards * o.clientsPerBoard * o.editHz} edits/s in, x${o.clientsPerBoard - 1} fan-out), ` +
      `${o.rounds} alternating rounds of ${o.seconds} s; median over rounds`,
    [
      'server',
      'p50 ms',
      'p99 ms',
      'p99 vs stock',
      'p99 per round',
      'server CPU',
      'server µs/delivery',
      'vs stock',
      'server loop busy',
      'server RSS MB',
      'server heap MB',
      'clients CPU',
      'clients loop lag p99 ms',
    ],
    rows,
  )
  if (!results.has('ours')) return
  const where = `${o.boards} boards x ${o.clientsPerBoard} clients`
  const p99 = (r: RoundResult) => r.p99
  const cpu = (r: RoundResult) => r.serverMicrosPerDelivery
  recordVsStock(`latency p99, ${where}`, med('ours', p99), med('stock', p99), ms, 'ms')
  recordVsStock(
    `server CPU per delivered edit, ${where}`,
    med('ours', cpu),
    med('stock', cpu),
    us,
    'µs',
  )
}
