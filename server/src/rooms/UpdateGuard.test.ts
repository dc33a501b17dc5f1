import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  currentSchema,
  guardedRoom as room,
  setRecord,
} from '../../../tests/helpers/guardedRoom.js'
import {
  boardBasics,
  documentRecord,
  geoShape,
  interestCard,
  pageRecord,
} from '../../../tests/helpers/records.js'
import type { GuardVerdict } from './UpdateGuard.js'

/** The verdict on an update that changes nothing. */
const nothing = { ok: true, update: null, corrections: [] }

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
      corrections: [],
    })
  })

  it.each([
    [
      'another root type',
      (c: Y.Doc) => c.getText('notes').insert(0, 'Bijeenkomst 12 maart'),
      'only records, meta, meeting and impact may be written, not notes',
    ],
    [
      'list content inside the records map',
      (c: Y.Doc) => c.getArray('records').insert(0, ['los']),
      'records is not a list',
    ],
  ])('refuses %s whole and leaves the doc unchanged', (_what, change, reason) => {
    const { send, records, emitted } = room()
    const before = records()
    expect(refusal(send(change))).toBe(reason)
    expect(records()).toEqual(before)
    expect(emitted).toEqual([])
  })

  it('rebuilds its shadow after a refusal, so the next update is judged on the real doc', () => {
    const { doc, send, offer, records } = room()
    refusal(send((c) => c.getText('notes').insert(0, 'los')))
    // The refused client's later changes follow the refused one in its clock: they wait for
    // it, and are dropped, so they can never bring it in through the back door.
    expect(send(setRecord(geoShape('later', 'later')))).toEqual(nothing)
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
  })

  it('allows replacing the last page with another in one update', () => {
    const { send } = room()
    const verdict = send((c) => {
      c.getMap('records').delete('page:page')
      setRecord(pageRecord('page:new'))(c)
    })
    expect(verdict.ok).toBe(true)
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

    expect(offer(second)).toEqual(nothing)
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
    expect(offer(Y.encodeStateAsUpdate(forger, gap))).toEqual(nothing)

    expect(send(setRecord(geoShape('honest', 'eerlijk'))).ok).toBe(true)
    expect(records()).toHaveProperty('shape:honest')
    expect(records()).not.toHaveProperty('shape:bad')
  })

  it('accepts an empty update without touching the doc', () => {
    const { offer, doc } = room()
    const stateBefore = Y.encodeStateVector(doc)
    expect(offer(new Uint8Array([0, 0]))).toEqual(nothing)
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
