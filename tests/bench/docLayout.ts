/**
 * Scenario 4: document growth by record layout. N shapes, then M random moves (x and y
 * change, one transaction each, as a drag's flushes would be), in three Y.Doc layouts:
 *   map-json   one Y.Map `records`: record id -> whole record as JSON (what we use)
 *   nested     one Y.Map `records`: record id -> Y.Map of the record's top-level fields
 *   keyvalue   y-utility YKeyValue over a Y.Array: { key, val } entries, old ones deleted
 * Measures the log (sum of update sizes: what our server appends between compactions),
 * the compacted state (Y.encodeStateAsUpdate with gc), time per move on the writer,
 * replaying the whole log into a fresh doc (a server loading an uncompacted board), and
 * the heap of a doc loaded from the compacted state. Runs in this process, no server.
 * Then the target of issue 14 on our own layout (a) with our own cards (wt-interest): the
 * stored board after the moves, compacted, at most 2x the freshly created board [1], both as
 * the store writes them (Y.encodeStateAsUpdateV2 [2]), with the V1 figures beside them.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { YKeyValue } from 'y-utility/y-keyvalue'
import { interestCard } from '../helpers/records.js'
import { geoShape } from './records.js'
import { kb, mb, printTable } from './support.js'
import { recordTarget } from './targets.js'

export interface DocLayoutOptions {
  shapes: number
  moves: number
}

type Layout = 'map-json' | 'nested' | 'keyvalue'
const LAYOUTS: Layout[] = ['map-json', 'nested', 'keyvalue']
const DESCRIPTIONS: Record<Layout, string> = {
  'map-json': '(a) Y.Map of JSON records',
  nested: '(b) Y.Map of Y.Maps (field keys)',
  keyvalue: '(c) y-utility YKeyValue',
}

type BoardRecord = { id: string } & Record<string, unknown>

interface Writer {
  create(records: BoardRecord[]): void
  move(n: number, x: number, y: number): void
}

function writerFor(layout: Layout, doc: Y.Doc): Writer {
  const current = new Map<number, BoardRecord>()
  switch (layout) {
    case 'map-json': {
      const map = doc.getMap<unknown>('records')
      return {
        create: (records) =>
          doc.transact(() => records.forEach((r, n) => (current.set(n, r), map.set(r.id, r)))),
        move(n, x, y) {
          const next = { ...current.get(n)!, x, y }
          current.set(n, next)
          map.set(next.id, next)
        },
      }
    }
    case 'nested': {
      const map = doc.getMap<Y.Map<unknown>>('records')
      const fields = new Map<number, Y.Map<unknown>>()
      return {
        create: (records) =>
          doc.transact(() =>
            records.forEach((r, n) => {
              const record = new Y.Map<unknown>(Object.entries(r))
              map.set(r.id, record)
              fields.set(n, record)
            }),
          ),
        move(n, x, y) {
          const record = fields.get(n)!
          doc.transact(() => (record.set('x', x), record.set('y', y)))
        },
      }
    }
    case 'keyvalue': {
      const kv = new YKeyValue<unknown>(doc.getArray('records'))
      return {
        create: (records) =>
          doc.transact(() => records.forEach((r, n) => (current.set(n, r), kv.set(r.id, r)))),
        move(n, x, y) {
          const next = { ...current.get(n)!, x, y }
          current.set(n, next)
          kv.set(next.id, next)
        },
      }
    }
  }
}

const gc: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()
/** Heap bytes in use after full garbage collections (memory.ts uses it too). */
export const heap = () => {
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage().heapUsed
}

/** A fixed pseudo-random sequence, so every layout gets the same moves. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

/** tldraw geo shapes, as the other layouts were first measured with. */
const geoShapes = (n: number): BoardRecord[] =>
  Array.from({ length: n }, (_, i) => geoShape(i, i * 3, i * 2) as unknown as BoardRecord)

/** Our interest cards with a Dutch text, as a neighbourhood's board holds them. */
const ourCards = (n: number): BoardRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    ...interestCard(`c${i}`, { text: `Kom halen: buurtmoestuin ${i}` }),
    x: (i % 50) * 220,
    y: Math.floor(i / 50) * 140,
  }))

function measure(layout: Layout, o: DocLayoutOptions, make = geoShapes) {
  const doc = new Y.Doc({ gc: true })
  const log: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => log.push(update))
  const writer = writerFor(layout, doc)
  writer.create(make(o.shapes))
  const initial = Y.encodeStateAsUpdate(doc).length
  const initialV2 = Y.encodeStateAsUpdateV2(doc).length
  const rnd = random(42)
  const t0 = performance.now()
  for (let i = 0; i < o.moves; i++) {
    writer.move(Math.floor(rnd() * o.shapes), Math.round(rnd() * 5000), Math.round(rnd() * 5000))
  }
  const moveMicros = ((performance.now() - t0) * 1000) / Math.max(1, o.moves)
  const logBytes = log.reduce((sum, u) => sum + u.length, 0)
  const compacted = Y.encodeStateAsUpdate(doc)
  const compactedV2 = Y.encodeStateAsUpdateV2(doc).length

  // Replaying the log is what loading an uncompacted board costs (ENGINEERING.md: apply, do
  // not mergeUpdates).
  const t1 = performance.now()
  const replay = new Y.Doc({ gc: true })
  for (const update of log) Y.applyUpdate(replay, update)
  const replayed = Y.encodeStateAsUpdate(replay).length
  const replayMs = performance.now() - t1
  replay.destroy()
  doc.destroy()
  log.length = 0

  const before = heap()
  const t2 = performance.now()
  const loaded = new Y.Doc({ gc: true })
  Y.applyUpdate(loaded, compacted)
  const loadMs = performance.now() - t2
  const loadedHeap = heap() - before
  loaded.destroy()
  return {
    initial,
    initialV2,
    moveMicros,
    logBytes,
    compacted: compacted.length,
    compactedV2,
    replayed,
    replayMs,
    loadMs,
    loadedHeap,
  }
}

export function runDocLayout(o: DocLayoutOptions): void {
  const rows: string[][] = []
  for (const layout of LAYOUTS) {
    const r = measure(layout, o)
    process.stderr.write(`  scenario 4: ${layout} done\n`)
    rows.push([
      DESCRIPTIONS[layout],
      kb(r.initial),
      mb(r.logBytes),
      kb(r.compacted),
      (r.compacted / r.initial).toFixed(2),
      kb(r.compactedV2),
      (r.compactedV2 / r.initialV2).toFixed(2),
      r.moveMicros.toFixed(1),
      (r.replayMs / 1000).toFixed(2),
      r.loadMs.toFixed(1),
      mb(r.loadedHeap),
    ])
  }
  printTable(
    `Scenario 4: Y.Doc layout, ${o.shapes} shapes then ${o.moves} random moves (x, y), one transaction each`,
    [
      'layout',
      'initial KB',
      'log MB',
      'compacted KB',
      'compacted / initial',
      'V2 compacted KB',
      'V2 compacted / initial',
      'µs per move',
      'replay log s',
      'load compacted ms',
      'loaded heap MB',
    ],
    rows,
  )
  const ours = measure('map-json', o, ourCards)
  const growth = ours.compactedV2 / ours.initialV2
  const growthV1 = (ours.compacted / ours.initial).toFixed(2)
  recordTarget({
    target: `stored board after ${o.moves} moves, ${o.shapes} of our cards, compacted (V2)`,
    ours: `${kb(ours.compactedV2)} KB (V1 ${kb(ours.compacted)} KB, ${growthV1}×)`,
    reference: `${kb(ours.initialV2)} KB fresh (V1 ${kb(ours.initial)} KB)`,
    ratio: growth,
    limit: '≤ 2× fresh',
    met: growth <= 2,
  })
}

// [1] Every move leaves its overwritten value as a deleted item: gc drops the JSON but keeps
//     the item's id and origin (a few bytes), because a Y.Map item stays in its key's list.
//     So the stored board grows with the number of moves, not with the board's content.
// [2] The store keeps a board's compacted state in V2 (BoardStore [1]): V2 writes ids and
//     clocks column-wise, so those leftover items cost about a byte each instead of ten.
//     The log and the wire stay V1; the board size limit counts V1 bytes.
