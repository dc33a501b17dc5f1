import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  boardBasics,
  documentRecord,
  geoShape,
  interestCard,
  pageRecord,
} from '../../../tests/helpers/records.js'
import { createBoardSchema } from '../records/boardSchema.js'
import { createRuleChain } from '../rules/index.js'
import { UpdateGuard } from './UpdateGuard.js'
import type { GuardVerdict } from './UpdateGuard.js'

const schema = createBoardSchema()
const rules = createRuleChain(schema, { maxBoardBytes: Number.MAX_SAFE_INTEGER })
const board = { boardId: 'board', storedBytes: () => 0 }
const editor = { role: 'editor', id: 1 } as const
const currentSchema = schema.serialize()

/** A room's doc holding `records`, its guard, and a client that starts from the same state. */
function room(records: object[] = [...boardBasics(), geoShape('dream', 'Een groene wijk')]) {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const record of records) doc.getMap('records').set((record as { id: string }).id, record)
    doc.getMap('meta').set('schema', currentSchema)
  })
  const guard = new UpdateGuard(doc, rules, board)
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))

  /** Runs `change` on the client and offers its update to the guard, as the room does. */
  function send(change: (client: Y.Doc) => void): GuardVerdict {
    const updates: Uint8Array[] = []
    const onUpdate = (update: Uint8Array) => updates.push(update)
    client.on('update', onUpdate)
    client.transact(() => change(client))
    client.off('update', onUpdate)
    return offer(Y.mergeUpdates(updates))
  }

  function offer(update: Uint8Array): GuardVerdict {
    const verdict = guard.check(update, editor)
    if (verdict.ok && verdict.update) Y.applyUpdate(doc, verdict.update)
    return verdict
  }

  const records_ = () => doc.getMap('records').toJSON()
  return { doc, guard, client, send, offer, records: records_ }
}

const setRecord = (record: { id: string; [key: string]: unknown }) => (client: Y.Doc) =>
  client.getMap('records').set(record.id, record)

function refusal(verdict: GuardVerdict): string {
  if (verdict.ok) throw new Error('expected the update to be refused')
  return verdict.reason
}

describe('UpdateGuard', () => {
  it('accepts valid records and hands back an update that brings the doc along', () => {
    const { send, records, client } = room()
    const verdict = send((c) => {
      c.getMap('records').set('shape:action', geoShape('action', 'Buurtfeest'))
      c.getMap('records').set('shape:dream', geoShape('dream', 'Een groenere wijk', { x: 40 }))
      c.getMap('records').set('page:second', pageRecord('page:second', 'Pagina 2'))
    })
    expect(verdict.ok).toBe(true)
    expect(records()).toEqual(client.getMap('records').toJSON())
  })

  it('the test fixtures are valid records', () => {
    const { send } = room([])
    const fixtures = [
      ...boardBasics(),
      geoShape('x', 'hallo'),
      interestCard('card', { text: 'Hi' }),
    ]
    expect(send((c) => fixtures.forEach((record) => setRecord(record)(c)))).toEqual({
      ok: true,
      update: expect.any(Uint8Array),
    })
  })

  it.each([
    [
      'an invalid shape prop',
      setRecord(geoShape('dream', '', { props: { geo: 'bogus' } })),
      'invalid record shape:dream: At shape(type = geo).props.geo: Expected one of 20 values, got bogus',
    ],
    [
      'a card with a category that does not exist',
      setRecord(interestCard('interest', { category: 'bogus' })),
      'invalid record shape:interest: At shape(type = wt-interest).props.category: Expected one of 4 values, got bogus',
    ],
    [
      'a number instead of a record',
      (c: Y.Doc) => c.getMap('records').set('shape:x', 1),
      'invalid record shape:x: not a JSON object',
    ],
    [
      'a record under another id’s key',
      (c: Y.Doc) => c.getMap('records').set('shape:other', geoShape('dream')),
      'invalid record shape:other: its id is "shape:dream"',
    ],
    [
      'a string instead of a record',
      (c: Y.Doc) => c.getMap('records').set('shape:dream', 'Een groene wijk'),
      'invalid record shape:dream: not a JSON object',
    ],
    [
      'a nested Yjs type instead of a record',
      (c: Y.Doc) => c.getMap('records').set('shape:dream', new Y.Map()),
      'invalid record shape:dream: not a JSON object',
    ],
    [
      'a number that JSON cannot hold',
      setRecord(geoShape('dream', '', { x: Number.NaN })),
      'invalid record shape:dream: not a JSON object',
    ],
    [
      'a record with a __proto__ key',
      setRecord({ ...geoShape('dream'), ...JSON.parse('{"__proto__": {"x": 1}}') }),
      'invalid record shape:dream: not a JSON object',
    ],
    [
      'a session record',
      setRecord({ id: 'instance:instance', typeName: 'instance' }),
      'invalid record instance:instance: type "instance" not allowed',
    ],
    [
      'an unknown record type',
      setRecord({ id: 'card:1', typeName: 'card' }),
      'invalid record card:1: type "card" not allowed',
    ],
    [
      'deleting the document record',
      (c: Y.Doc) => c.getMap('records').delete('document:document'),
      'cannot delete document:document',
    ],
    [
      'deleting the last page',
      (c: Y.Doc) => c.getMap('records').delete('page:page'),
      'cannot delete the last page page:page',
    ],
    [
      'a meta key other than schema',
      (c: Y.Doc) => c.getMap('meta').set('owner', 'mallory'),
      'meta.owner is not allowed',
    ],
    [
      'a schema that is not an object',
      (c: Y.Doc) => c.getMap('meta').set('schema', 'latest'),
      'meta.schema is not a tldraw schema object',
    ],
    [
      'deleting the schema',
      (c: Y.Doc) => c.getMap('meta').delete('schema'),
      'meta.schema cannot be deleted',
    ],
    [
      'a schema newer than the server’s',
      (c: Y.Doc) =>
        c.getMap('meta').set('schema', {
          schemaVersion: 2,
          sequences: { ...currentSchema.sequences, 'com.tldraw.shape.geo': 99 },
        }),
      'meta.schema has versions this server does not know',
    ],
    [
      'a schema that lowers a version',
      (c: Y.Doc) =>
        c.getMap('meta').set('schema', {
          schemaVersion: 2,
          sequences: { ...currentSchema.sequences, 'com.tldraw.shape.geo': 3 },
        }),
      'meta.schema lowers com.tldraw.shape.geo',
    ],
    [
      'another root type',
      (c: Y.Doc) => c.getText('notes').insert(0, 'Bijeenkomst 12 maart'),
      'only records and meta may be written, not notes',
    ],
    [
      'list content inside the records map',
      (c: Y.Doc) => c.getArray('records').insert(0, ['los']),
      'records is not a list',
    ],
  ])('refuses %s and leaves the doc unchanged', (_what, change, reason) => {
    const { send, records } = room()
    const before = records()
    expect(refusal(send(change))).toBe(reason)
    expect(records()).toEqual(before)
  })

  it('keeps the reason short enough for a close frame, whatever the record holds', () => {
    const { send } = room()
    const long = 'é'.repeat(5000)
    const reason = refusal(send(setRecord(geoShape(long, '', { props: { geo: long } }))))
    expect(reason).toMatch(/^invalid record shape:é+…: /)
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123)
  })

  it('refuses the whole update when one of its records is invalid', () => {
    const { send, records } = room()
    const before = records()
    const verdict = send((c) => {
      setRecord(geoShape('fine', 'ok'))(c)
      setRecord(geoShape('broken', '', { props: { w: -1 } }))(c)
    })
    expect(refusal(verdict)).toMatch(/^invalid record shape:broken: .*props\.w/)
    expect(records()).toEqual(before)
  })

  it('rebuilds its shadow after a refusal, so the next update is judged on the real doc', () => {
    const { doc, send, offer, records } = room()
    refusal(send(setRecord(geoShape('bad', '', { props: { geo: 'bogus' } }))))
    // The refused client's later changes follow the refused one in its clock: they wait for
    // it, and are dropped, so they can never bring it in through the back door.
    expect(send(setRecord(geoShape('later', 'later')))).toEqual({ ok: true, update: null })
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(other)
    other.getMap('records').set('shape:good', geoShape('good', 'goed'))
    expect(offer(Y.encodeStateAsUpdate(other, before)).ok).toBe(true)
    expect(Object.keys(records()).sort()).toEqual([
      'document:document',
      'page:page',
      'shape:dream',
      'shape:good',
    ])
  })

  it('allows deleting shapes and all but the last page', () => {
    const { send, records } = room([
      ...boardBasics(),
      pageRecord('page:two', 'Pagina 2'),
      geoShape('dream'),
    ])
    expect(send((c) => c.getMap('records').delete('shape:dream')).ok).toBe(true)
    expect(send((c) => c.getMap('records').delete('page:page')).ok).toBe(true)
    expect(Object.keys(records()).sort()).toEqual(['document:document', 'page:two'])
    expect(refusal(send((c) => c.getMap('records').delete('page:two')))).toBe(
      'cannot delete the last page page:two',
    )
  })

  it('allows replacing the last page with another in one update', () => {
    const { send } = room()
    const verdict = send((c) => {
      c.getMap('records').delete('page:page')
      setRecord(pageRecord('page:new'))(c)
    })
    expect(verdict.ok).toBe(true)
  })

  it('migrates a record written at an older schema version before validating it', () => {
    const olderSchema = {
      schemaVersion: 2,
      sequences: { ...currentSchema.sequences, 'com.tldraw.shape.geo': 11 },
    }
    const doc = new Y.Doc()
    doc.transact(() => {
      for (const record of boardBasics()) doc.getMap('records').set(record.id, record)
      doc.getMap('meta').set('schema', olderSchema)
    })
    const guard = new UpdateGuard(doc, rules, board)
    // Geo version 12 added flipX and flipY; an older client writes shapes without them.
    const { flipX: _x, flipY: _y, ...olderProps } = geoShape('old').props as Record<string, unknown>
    const older = { ...geoShape('old'), props: olderProps }
    const update = (meta: object) => {
      const client = new Y.Doc()
      Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
      const before = Y.encodeStateVector(client)
      client.transact(() => {
        client.getMap('records').set(older.id, older)
        client.getMap('meta').set('schema', meta)
      })
      return Y.encodeStateAsUpdate(client, before)
    }
    const accepted = guard.check(update(olderSchema), editor)
    expect(accepted.ok).toBe(true)
    if (accepted.ok && accepted.update) Y.applyUpdate(doc, accepted.update)
    // The same record claimed to be current is missing props.
    expect(refusal(guard.check(update(currentSchema), editor))).toMatch(
      /^invalid record shape:old: /,
    )
  })

  it('judges concurrent writes to one key by the value that wins', () => {
    const { doc, client, offer, records } = room()
    const rival = new Y.Doc()
    Y.applyUpdate(rival, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(doc)
    client.getMap('records').set('shape:dream', geoShape('dream', 'van A'))
    rival.getMap('records').set('shape:dream', geoShape('dream', 'van B'))
    expect(offer(Y.encodeStateAsUpdate(client, before)).ok).toBe(true)
    expect(offer(Y.encodeStateAsUpdate(rival, before)).ok).toBe(true)
    Y.applyUpdate(client, Y.encodeStateAsUpdate(rival))
    expect(records()).toEqual(client.getMap('records').toJSON())
  })

  it('refuses an update Yjs cannot apply and leaves the doc unchanged', () => {
    const { send, offer, records } = room()
    const before = records()
    const captured: Uint8Array[] = []
    const probe = new Y.Doc()
    probe.on('update', (u: Uint8Array) => captured.push(u))
    probe.getMap('records').set('shape:x', geoShape('x'))
    const broken = new Uint8Array([...captured[0]!.slice(0, -1), 0x05, 0xff, 0xff, 0xff, 0xff])
    expect(refusal(offer(broken))).toBe('update could not be applied')
    expect(records()).toEqual(before)
    expect(send(setRecord(geoShape('after', 'nog steeds'))).ok).toBe(true)
  })

  it('drops what depends on changes it never saw, and takes them all from the sync step 2', () => {
    const { doc, client, offer, records } = room()
    const serverState = Y.encodeStateVector(doc)
    // Made while offline: the second write replaces the first, so it depends on it.
    client.getMap('records').set('shape:offline', geoShape('offline', 'eerste'))
    const afterFirst = Y.encodeStateVector(client)
    client.getMap('records').set('shape:offline', geoShape('offline', 'tweede'))
    const second = Y.encodeStateAsUpdate(client, afterFirst)

    expect(offer(second)).toEqual({ ok: true, update: null })
    expect(records()).not.toHaveProperty('shape:offline')
    expect(offer(Y.encodeStateAsUpdate(client, serverState)).ok).toBe(true)
    expect(records()).toEqual(client.getMap('records').toJSON())
    expect(doc.store.pendingStructs).toBeNull()
  })

  it('never blames an honest client for waiting changes that someone else sent', () => {
    const { doc, client, offer, send, records } = room()
    // Mallory forges the honest client's id and sends a bad record at its next-but-one
    // clock: it waits for the clock in between, which the honest client is about to use.
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(doc))
    forger.clientID = client.clientID
    forger.getMap('records').set('shape:filler', geoShape('filler'))
    const gap = Y.encodeStateVector(forger)
    forger.getMap('records').set('shape:bad', geoShape('bad', '', { props: { geo: 'bogus' } }))
    expect(offer(Y.encodeStateAsUpdate(forger, gap))).toEqual({ ok: true, update: null })

    expect(send(setRecord(geoShape('honest', 'eerlijk'))).ok).toBe(true)
    expect(records()).toHaveProperty('shape:honest')
    expect(records()).not.toHaveProperty('shape:bad')
  })

  it('accepts an empty update without touching the doc', () => {
    const { offer, doc } = room()
    const stateBefore = Y.encodeStateVector(doc)
    expect(offer(new Uint8Array([0, 0]))).toEqual({ ok: true, update: null })
    expect(Y.encodeStateVector(doc)).toEqual(stateBefore)
  })

  it('a first writer can set up an empty board', () => {
    const { send } = room([])
    const verdict = send((c) => {
      for (const record of [documentRecord(), pageRecord()]) setRecord(record)(c)
      c.getMap('meta').set('schema', currentSchema)
    })
    expect(verdict.ok).toBe(true)
  })
})
