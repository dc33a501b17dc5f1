/**
 * All sync-server benchmarks (issue 4), one table per scenario. Not part of pass/fail:
 * it never fails on a number. Everything on loopback; servers in child processes.
 *
 *   pnpm build && npx tsx tests/bench/run.ts          (about 10 minutes on 2 cores)
 *   SCENARIOS=1,4 ROUNDS=3 npx tsx tests/bench/run.ts
 *
 * Knobs (environment):
 *   SCENARIOS=1,2,3,4,5,6,7     which scenarios (6: bytes on the wire per page load; 7: refused
 *                               updates by board size, the shadow's memory)
 *   S7_BOARDS=100,2000,10000 S7_ROUNDS=20 S7_MEMORY_CARDS=2000
 *   S8_ROUNDS=3                 8: start page JavaScript before it is usable; a board link on a
 *                               slow line with and without the board preloaded (startPage.ts)
 *   SERVERS=ours,ours-mem,stock,tldraw   servers compared in 1-3 (ours-mem: our server
 *                               with SQLite in memory, to show what the disk costs;
 *                               ours-1tx: one commit per update, as before group commit)
 *   ROUNDS=2                    alternating rounds per server in 1 and 2
 *   S1_SIZES=2,10,40 S1_SECONDS=6 S1_EDIT_HZ=2 S1_CURSOR_HZ=20
 *   S2_BOARDS=100 S2_CLIENTS=10 S2_EDIT_HZ=2 S2_SECONDS=10
 *   S3_CARDS=2000 S3_BOARDS=4 S3_JOINS=8
 *   S4_SHAPES=2000 S4_MOVES=100000
 *   S5_CARDS=2000 S5_OPENS=3 S5_EXPORT_CARDS=500 S5_EXPORTS=3 S5_CLIENTS=40 S5_ROUNDS=60
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { runBrowser } from './browser.js'
import { runDocLayout } from './docLayout.js'
import { runJoin } from './join.js'
import { runLatency } from './latency.js'
import { runManyRooms } from './manyRooms.js'
import { runMemory } from './memory.js'
import { runRefusals } from './refusals.js'
import { parseKinds } from './servers.js'
import { knob, printTable } from './support.js'
import { printTargets } from './targets.js'
import { runStartPage } from './startPage.js'
import { runTransfer } from './transfer.js'

const list = (name: string, fallback: string) =>
  (process.env[name] || fallback).split(',').map((s) => s.trim())
const scenarios = new Set(list('SCENARIOS', '1,2,3,4,5,6,7,8'))
const kinds = parseKinds(process.env.SERVERS, ['ours', 'ours-mem', 'stock', 'tldraw'])
const rounds = knob('ROUNDS', 2)

/** What one SQLite commit costs on this disk, in WAL mode, as our store writes an update. */
function commitCost(synchronous: 'FULL' | 'NORMAL'): number {
  const dir = mkdtempSync(join(tmpdir(), 'wijktafel-fsync-'))
  try {
    const db = new Database(join(dir, 'probe.sqlite'))
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${synchronous}`)
    db.exec('CREATE TABLE u (id INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL)')
    const insert = db.prepare('INSERT INTO u (data) VALUES (?)')
    const row = Buffer.alloc(600)
    const n = 500
    const start = performance.now()
    for (let i = 0; i < n; i++) insert.run(row)
    db.close()
    return (performance.now() - start) / n
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')

function printMachine(when: string): void {
  const cpu = cpus()
  printTable(
    `Machine (${when})`,
    ['what', 'value'],
    [
      ['CPU', `${cpu.length} x ${cpu[0]?.model ?? '?'}`],
      ['memory', `${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
      ['kernel, Node', `Linux ${release()}, Node ${process.version}`],
      ['load average 1/5/15 min', loadAverage()],
      ['SQLite WAL commit, synchronous=FULL', `${commitCost('FULL').toFixed(3)} ms`],
      ['SQLite WAL commit, synchronous=NORMAL', `${commitCost('NORMAL').toFixed(3)} ms`],
    ],
  )
}

async function main(): Promise<void> {
  // Every y-websocket provider adds a process 'exit' listener; 1,000 of them are expected.
  process.setMaxListeners(0)
  const started = performance.now()
  const loadAtStart = loadAverage()
  printMachine('start')
  if (scenarios.has('1')) {
    await runLatency({
      kinds,
      sizes: list('S1_SIZES', '2,10,40').map(Number),
      rounds,
      seconds: knob('S1_SECONDS', 6),
      warmupSeconds: 1.5,
      editHz: knob('S1_EDIT_HZ', 2),
      cursorHz: knob('S1_CURSOR_HZ', 20),
    })
  }
  if (scenarios.has('2')) {
    await runManyRooms({
      kinds,
      boards: knob('S2_BOARDS', 100),
      clientsPerBoard: knob('S2_CLIENTS', 10),
      editHz: knob('S2_EDIT_HZ', 2),
      rounds,
      seconds: knob('S2_SECONDS', 10),
      warmupSeconds: 2,
    })
  }
  if (scenarios.has('3')) {
    await runJoin({
      kinds,
      cards: knob('S3_CARDS', 2000),
      boards: knob('S3_BOARDS', 4),
      joins: knob('S3_JOINS', 8),
    })
  }
  if (scenarios.has('4')) {
    runDocLayout({ shapes: knob('S4_SHAPES', 2000), moves: knob('S4_MOVES', 100_000) })
  }
  if (scenarios.has('5')) {
    await runBrowser({
      cards: knob('S5_CARDS', 2000),
      opens: knob('S5_OPENS', 3),
      exportCards: knob('S5_EXPORT_CARDS', 500),
      exports: knob('S5_EXPORTS', 3),
      latencyClients: knob('S5_CLIENTS', 40),
      latencyRounds: knob('S5_ROUNDS', 60),
      editHz: knob('S1_EDIT_HZ', 2),
      cursorHz: knob('S1_CURSOR_HZ', 20),
    })
  }
  if (scenarios.has('6')) await runTransfer()
  if (scenarios.has('8')) await runStartPage(knob('S8_ROUNDS', 3))
  if (scenarios.has('7')) {
    runRefusals({
      boards: list('S7_BOARDS', '100,2000,10000').map(Number),
      rounds: knob('S7_ROUNDS', 20),
    })
    runMemory(knob('S7_MEMORY_CARDS', 2000))
  }
  printMachine(`end, after ${((performance.now() - started) / 60_000).toFixed(1)} min`)
  // Last, so the table of targets is what a reader sees first at the bottom.
  const cpu = cpus()
  printTargets(
    `${cpu.length} x ${cpu[0]?.model ?? '?'}, load average (1/5/15 min) ${loadAtStart} at the start, ${loadAverage()} at the end`,
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
