/**
 * Scenario 3: join time to a board of N cards, and server memory per loaded board.
 * Every server gets B boards of N geo shapes, written by one client each in one
 * transaction (one push for tldraw); those clients stay connected so the boards stay
 * loaded. Memory per board = (heap / RSS after GC with B boards) - (before), divided by B.
 * Then J joins, alternating between servers: a new client connects and the time until it
 * holds all N shapes is taken; it leaves again.
 */
import { performance } from 'node:perf_hooks'
import { waitFor } from '../helpers/waitFor.js'
import { connectClient, type BenchClient } from './clients.js'
import { geoShape } from './records.js'
import {
  SERVER_LABELS,
  startServer,
  type BenchServer,
  type Board,
  type ServerKind,
} from './servers.js'
import { mb, median, ms, percentile, printTable, ratio, rotated } from './support.js'

export interface JoinOptions {
  kinds: ServerKind[]
  cards: number
  boards: number
  joins: number
}

interface Loaded {
  server: BenchServer
  boards: Board[]
  writers: BenchClient[]
  heapPerBoard: number
  rssPerBoard: number
  joinMs: number[]
}

async function fill(server: BenchServer, cards: number, count: number): Promise<Loaded> {
  const before = await server.sample(true)
  const boards: Board[] = []
  const writers: BenchClient[] = []
  for (let b = 0; b < count; b++) {
    const board = await server.openBoard(`join ${b}`)
    const writer = connectClient(server, board, 0)
    await writer.ready
    const shapes = []
    for (let i = 0; i < cards; i++)
      shapes.push(geoShape(i, (i % 50) * 260, Math.floor(i / 50) * 180))
    writer.putMany(shapes)
    boards.push(board)
    writers.push(writer)
    // A second client seeing every card proves the server holds (and stored) them all.
    await timedJoin(server, board, cards)
  }
  const after = await server.sample(true)
  return {
    server,
    boards,
    writers,
    heapPerBoard: (after.heapUsed + after.external - before.heapUsed - before.external) / count,
    rssPerBoard: (after.rss - before.rss) / count,
    joinMs: [],
  }
}

async function timedJoin(server: BenchServer, board: Board, cards: number): Promise<number> {
  const start = performance.now()
  const client = connectClient(server, board, 1)
  try {
    await client.ready
    await waitFor(() => client.recordCount() >= cards, {
      timeoutMs: 60_000,
      message: `a client joining ${server.kind} holds ${cards} cards`,
    })
    return performance.now() - start
  } finally {
    client.close()
  }
}

export async function runJoin(o: JoinOptions): Promise<void> {
  const loaded: Loaded[] = []
  try {
    for (const kind of o.kinds) {
      const server = await startServer(kind)
      try {
        loaded.push(await fill(server, o.cards, o.boards))
      } catch (error) {
        await server.stop()
        throw error
      }
      process.stderr.write(`  scenario 3: ${kind} holds ${o.boards} boards of ${o.cards} cards\n`)
    }
    for (let j = 0; j < o.joins; j++) {
      for (const l of rotated(loaded, j)) {
        l.joinMs.push(await timedJoin(l.server, l.boards[j % l.boards.length]!, o.cards))
      }
    }
    const stock = loaded.find((l) => l.server.kind === 'stock')
    const rows = loaded.map((l) => [
      SERVER_LABELS[l.server.kind],
      ms(median(l.joinMs)),
      ms(percentile(l.joinMs, 90)),
      ms(Math.max(...l.joinMs)),
      ratio(median(l.joinMs), stock ? median(stock.joinMs) : NaN),
      mb(l.heapPerBoard),
      mb(l.rssPerBoard),
    ])
    printTable(
      `Scenario 3: joining a board of ${o.cards} cards (${o.joins} joins per server, alternating), ` +
        `and server memory per loaded board (${o.boards} boards loaded)`,
      [
        'server',
        'join p50 ms',
        'join p90 ms',
        'join max ms',
        'p50 vs stock',
        'heap+buffers MB/board',
        'RSS MB/board',
      ],
      rows,
    )
  } finally {
    for (const l of loaded) for (const w of l.writers) w.close()
    await Promise.all(loaded.map((l) => l.server.stop()))
  }
}
