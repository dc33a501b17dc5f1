import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  currentSchema,
  guardedRoom as room,
  setRecord,
} from '../../../tests/helpers/guardedRoom.js'
import {
  boardBasics,
  geoShape,
  interestCard,
  olderGeoShape,
  pageRecord,
} from '../../../tests/helpers/records.js'
import type { Correction, GuardVerdict } from './UpdateGuard.js'

const atGeo = (version: number) => ({
  schemaVersion: 2 as const,
  sequences: { ...currentSchema.sequences, 'com.tldraw.shape.geo': version },
})

function corrections(verdict: GuardVerdict): readonly Correction[] {
  if (!verdict.ok) throw new Error(`expected corrections, got a refusal: ${verdict.reason}`)
  return verdict.corrections
}

/** A doc's two maps as plain objects. */
function state(doc: Y.Doc) {
  return { records: doc.getMap('records').toJSON(), meta: doc.getMap('meta').toJSON() }
}

/** Whether `text` appears anywhere in `bytes` (Yjs writes strings as UTF-8). */
function holds(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(text)
}

describe('UpdateGuard corrections', () => {
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
      (c: Y.Doc) => c.getMap('meta').set('schema', atGeo(99)),
      'meta.schema has versions this server does not know',
    ],
    [
      'a schema that lowers a version',
      (c: Y.Doc) => c.getMap('meta').set('schema', atGeo(3)),
      'meta.schema lowers com.tldraw.shape.geo',
    ],
  ])('puts back %s, and the writer converges to the board', (_what, change, reason) => {
    const { doc, client, send, deliver, emitted } = room()
    const before = state(doc)
    expect(corrections(send(change)).map((correction) => correction.reason)).toEqual([reason])
    expect(state(doc)).toEqual(before)
    expect(emitted).toHaveLength(1)
    deliver()
    expect(state(client)).toEqual(before)
  })

  it('names the rule, the map and the key of each correction', () => {
    const { send } = room()
    expect(corrections(send((c) => c.getMap('meta').set('owner', 'mallory')))).toEqual([
      { rule: 'meta', map: 'meta', key: 'owner', reason: 'meta.owner is not allowed' },
    ])
    expect(corrections(send((c) => c.getMap('records').delete('page:page')))).toEqual([
      {
        rule: 'document invariants',
        map: 'records',
        key: 'page:page',
        reason: 'cannot delete the last page page:page',
      },
    ])
  })

  it('leaves no trace of a refused value in what it stores and sends, or in the writer', () => {
    const { doc, client, send, deliver, emitted } = room()
    const verdict = send((c) => {
      setRecord(interestCard('secret', { text: 'GEHEIM-nieuw', category: 'bogus' }))(c)
      setRecord(geoShape('dream', 'GEHEIM-oud', { props: { geo: 'bogus' } }))(c)
    })
    expect(corrections(verdict)).toHaveLength(2)
    expect(holds(Y.encodeStateAsUpdate(client), 'GEHEIM')).toBe(true) // until corrected
    expect(holds(emitted[0]!, 'GEHEIM')).toBe(false)
    expect(holds(Y.encodeStateAsUpdate(doc), 'GEHEIM')).toBe(false)
    deliver()
    expect(holds(Y.encodeStateAsUpdate(client), 'GEHEIM')).toBe(false)
    expect(client.getMap('records').get('shape:dream')).toEqual(
      geoShape('dream', 'Een groene wijk'),
    )
  })

  it('takes the valid records of an update and puts back every invalid one, in one update', () => {
    const { send, records, emitted } = room()
    const verdict = send((c) => {
      setRecord(geoShape('broken', '', { props: { w: -1 } }))(c)
      setRecord(geoShape('fine', 'ok'))(c)
      setRecord(interestCard('bogus', { category: 'bogus' }))(c)
      c.getMap('records').set('shape:dream', 'kapot')
    })
    expect(corrections(verdict).map((correction) => correction.key)).toEqual([
      'shape:dream',
      'shape:broken',
      'shape:bogus',
    ])
    expect(Object.keys(records()).sort()).toEqual([
      'document:document',
      'page:page',
      'shape:dream',
      'shape:fine',
    ])
    expect(emitted).toHaveLength(1)
  })

  it('keeps the reason short enough for a message, whatever the record holds', () => {
    const { send } = room()
    const long = 'é'.repeat(5000)
    const [correction] = corrections(send(setRecord(geoShape(long, '', { props: { geo: long } }))))
    expect(correction!.reason).toMatch(/^invalid record shape:é+…: /)
    expect(Buffer.byteLength(correction!.reason)).toBeLessThanOrEqual(123)
  })

  it('two writers who delete the two pages at once both end with the page put back', () => {
    const { doc, client, send, offer, deliver } = room([
      ...boardBasics(),
      pageRecord('page:two', 'Pagina 2'),
    ])
    const rival = new Y.Doc()
    Y.applyUpdate(rival, Y.encodeStateAsUpdate(doc))
    const base = Y.encodeStateVector(rival)
    rival.getMap('records').delete('page:page')
    expect(corrections(offer(Y.encodeStateAsUpdate(rival, base)))).toEqual([])
    expect(corrections(send((c) => c.getMap('records').delete('page:two')))).toMatchObject([
      { key: 'page:two', reason: 'cannot delete the last page page:two' },
    ])
    deliver()
    Y.applyUpdate(rival, Y.encodeStateAsUpdate(doc))
    for (const each of [doc, client, rival]) {
      expect(Object.keys(each.getMap('records').toJSON()).sort()).toEqual([
        'document:document',
        'page:two',
      ])
    }
  })

  it('takes the writer’s later changes, which follow the corrected one in its clock', () => {
    const { send, records } = room()
    corrections(send(setRecord(geoShape('bad', '', { props: { geo: 'bogus' } }))))
    // Not delivered yet: the writer's next update depends on the refused one.
    const later = send(setRecord(geoShape('later', 'later')))
    expect(later).toMatchObject({ ok: true, update: expect.any(Uint8Array), corrections: [] })
    expect(records()).toHaveProperty('shape:later')
    expect(records()).not.toHaveProperty('shape:bad')
  })

  it('converges when the writer edits a refused record again before the correction arrives', () => {
    const { doc, client, send, deliver, records } = room()
    corrections(send(setRecord(geoShape('dream', 'eerst', { props: { geo: 'bogus' } }))))
    // Concurrent with the correction: whichever value wins is judged, and valid.
    send(setRecord(geoShape('dream', 'daarna')))
    deliver()
    expect(client.getMap('records').toJSON()).toEqual(records())
    expect([geoShape('dream', 'Een groene wijk'), geoShape('dream', 'daarna')]).toContainEqual(
      records()['shape:dream'],
    )
    expect(doc.store.pendingStructs).toBeNull()
  })

  it('keeps its shadow in step with the doc, so others can build on a correction', () => {
    const { doc, send, offer, records } = room()
    corrections(send((c) => c.getMap('records').set('shape:dream', 'kapot')))
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const before = Y.encodeStateVector(other)
    other.getMap('records').set('shape:dream', geoShape('dream', 'verbeterd'))
    expect(offer(Y.encodeStateAsUpdate(other, before))).toMatchObject({ ok: true, corrections: [] })
    expect(records()['shape:dream']).toEqual(geoShape('dream', 'verbeterd'))
  })

  it('migrates a record from the schema its writer declared, even when the doc’s is newer', () => {
    const { send, records } = room()
    const older = { role: 'editor', id: 2, schema: atGeo(11) } as const
    expect(corrections(send(setRecord(olderGeoShape('old')), older))).toEqual([])
    expect(records()).toHaveProperty('shape:old')
    // Without a declared schema the record is judged at the doc's: it lacks flipX and flipY.
    const [correction] = corrections(send(setRecord(olderGeoShape('old2'))))
    expect(correction!.reason).toMatch(/^invalid record shape:old2: .*flip/)
  })

  it('migrates a record from the doc’s older schema when the writer declared none', () => {
    const { send, records } = room(boardBasics(), atGeo(11))
    expect(corrections(send(setRecord(olderGeoShape('old'))))).toEqual([])
    expect(records()).toHaveProperty('shape:old')
    // The same record claimed to be current, in the same update as the raised schema.
    const claimed = send((c) => {
      setRecord(olderGeoShape('claimed'))(c)
      c.getMap('meta').set('schema', currentSchema)
    })
    expect(corrections(claimed).map((correction) => correction.key)).toEqual(['shape:claimed'])
  })
})
