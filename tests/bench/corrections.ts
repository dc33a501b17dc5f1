/**
 * What a refused record costs the server (issue 7): the UpdateGuard and the room's doc, in
 * this process, on a board of SHAPES geo shapes. Times guard.check plus applying what it
 * hands back to the doc, as Room does, per update:
 *   valid       a one-shape edit that every rule accepts
 *   corrected   a one-shape edit with an invalid prop: applied with the record put back
 *   many        one update writing BAD invalid records (and one valid one), all put back
 * The updates come from one client that gets everything the doc emits, as the room's
 * broadcast would send it (corrections included), so it stays in step. Not pass/fail.
 *
 *   npx tsx --conditions=source tests/bench/corrections.ts
 *   SHAPES=2000 ROUNDS=300 BAD=2000 npx tsx --conditions=source tests/bench/corrections.ts
 */
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { createBoardSchema } from '../../server/src/records/boardSchema.js'
import { UpdateGuard } from '../../server/src/rooms/UpdateGuard.js'
import { createRuleChain } from '../../server/src/rules/index.js'
import { boardBasics, geoShape } from '../helpers/records.js'
import { knob, median, printTable } from './support.js'

const shapes = knob('SHAPES', 2000)
const rounds = knob('ROUNDS', 300)
const bad = knob('BAD', 2000)

const schema = createBoardSchema()
const doc = new Y.Doc()
doc.transact(() => {
  for (const record of boardBasics()) doc.getMap('records').set(record.id, record)
  for (let i = 0; i < shapes; i++) {
    const record = geoShape(`s${i}`, `kaart ${i}`, { x: i })
    doc.getMap('records').set(record.id, record)
  }
  doc.getMap('meta').set('schema', schema.serialize())
})
const rules = createRuleChain(schema, { maxBoardBytes: Number.MAX_SAFE_INTEGER })
const guard = new UpdateGuard(doc, rules, { boardId: 'bench', storedBytes: () => 0 })
const writer = { role: 'editor', id: 1 } as const
const client = new Y.Doc()
Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
doc.on('update', (update: Uint8Array) => Y.applyUpdate(client, update))

/** Milliseconds for the guard and the doc to take one update that `change` makes. */
function time(change: (records: Y.Map<unknown>, round: number) => void, round: number): number {
  const before = Y.encodeStateVector(client)
  client.transact(() => change(client.getMap('records'), round))
  const update = Y.encodeStateAsUpdate(client, before)
  const started = performance.now()
  const verdict = guard.check(update, writer)
  if (!verdict.ok) throw new Error(`refused whole: ${verdict.reason}`)
  if (verdict.update) Y.applyUpdate(doc, verdict.update)
  return performance.now() - started
}

function run(
  what: string,
  n: number,
  change: (records: Y.Map<unknown>, round: number) => void,
): [string, string] {
  for (let i = 0; i < 50; i++) time(change, n + i) // warm up
  const times = Array.from({ length: n }, (_, i) => time(change, i))
  return [what, `${median(times).toFixed(3)} ms`]
}

const edit = (props: Record<string, unknown>) => (records: Y.Map<unknown>, round: number) => {
  const record = geoShape(`s${round % shapes}`, `rond ${round}`, { props })
  records.set(record.id, record)
}
printTable(
  `UpdateGuard on a board of ${shapes} shapes (${Y.encodeStateAsUpdate(doc).length} bytes), median`,
  ['update', 'guard + apply'],
  [
    run('valid one-shape edit', rounds, edit({})),
    run('one invalid record, put back', rounds, edit({ geo: 'bogus' })),
    run(`${bad} invalid records and one valid, all put back`, 10, (records, round) => {
      for (let i = 0; i < bad; i++) {
        const record = geoShape(`bad${round}-${i}`, '', { props: { w: -1 } })
        records.set(record.id, record)
      }
      records.set(`shape:ok${round}`, geoShape(`ok${round}`, 'goed'))
    }),
  ],
)
