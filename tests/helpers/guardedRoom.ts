import * as Y from 'yjs'
import type { DocSchema } from '@wijktafel/shared'
import { createBoardSchema } from '../../server/src/records/boardSchema.js'
import { UpdateGuard } from '../../server/src/rooms/UpdateGuard.js'
import type { GuardVerdict, Writer } from '../../server/src/rooms/UpdateGuard.js'
import { createRuleChain } from '../../server/src/rules/index.js'
import { boardBasics, geoShape } from './records.js'

export const boardSchema = createBoardSchema()
export const currentSchema = boardSchema.serialize()
const rules = createRuleChain(boardSchema, { maxBoardBytes: Number.MAX_SAFE_INTEGER })
const editor: Writer = { role: 'editor', id: 1 }

/**
 * A room's doc holding `records` (and `schema` as its meta.schema), its UpdateGuard with the
 * server's rules, and a client that starts from the same state; for the guard's unit tests.
 * Offered updates go to the doc as Room does it, and `emitted` collects what the doc then
 * emits: what the room stores and sends to everyone.
 */
export function guardedRoom(
  records: object[] = [...boardBasics(), geoShape('dream', 'Een groene wijk')],
  schema: DocSchema = currentSchema,
) {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const record of records) doc.getMap('records').set((record as { id: string }).id, record)
    doc.getMap('meta').set('schema', schema)
  })
  const guard = new UpdateGuard(doc, rules, { boardId: 'board', storedBytes: () => 0 })
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
  const emitted: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => emitted.push(update))

  /** Offers `update` to the guard and applies what it hands back to the doc. */
  function offer(update: Uint8Array, writer: Writer = editor): GuardVerdict {
    const verdict = guard.check(update, writer)
    if (verdict.ok && verdict.update) Y.applyUpdate(doc, verdict.update)
    return verdict
  }

  /** Runs `change` on the client in one transaction and offers its update. */
  function send(change: (client: Y.Doc) => void, writer: Writer = editor): GuardVerdict {
    const updates: Uint8Array[] = []
    const onUpdate = (update: Uint8Array) => updates.push(update)
    client.on('update', onUpdate)
    client.transact(() => change(client))
    client.off('update', onUpdate)
    return offer(Y.mergeUpdates(updates), writer)
  }

  /** Gives the client what the doc emitted since `from`, as the room's broadcast would. */
  function deliver(from = 0): void {
    for (const update of emitted.slice(from)) Y.applyUpdate(client, update)
  }

  const recordsOf = (of: Y.Doc = doc) => of.getMap('records').toJSON()
  return { doc, guard, client, emitted, send, offer, deliver, records: recordsOf }
}

export const setRecord =
  (record: { id: string; [key: string]: unknown }) =>
  (client: Y.Doc): void => {
    client.getMap('records').set(record.id, record)
  }
