import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { guardedRoom as room, setRecord } from '../../../tests/helpers/guardedRoom.js'
import { geoShape } from '../../../tests/helpers/records.js'
import { MAX_CORRECTIONS, TOO_MANY_CORRECTIONS } from '../rules/RuleChain.js'
import type { GuardVerdict, UpdateGuard } from './UpdateGuard.js'

/** The guard's shadow, which must hold exactly what the doc holds after every verdict. */
const shadowOf = (guard: UpdateGuard) => (guard as unknown as { shadow: Y.Doc }).shadow

function inStep(guard: UpdateGuard, doc: Y.Doc): void {
  const shadow = shadowOf(guard)
  // Byte by byte: the same items, the same deletions, the same pending nothing.
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))
  expect(same(Y.encodeStateAsUpdate(shadow), Y.encodeStateAsUpdate(doc))).toBe(true)
}

function reason(verdict: GuardVerdict): string {
  if (verdict.ok) throw new Error('expected the update to be refused')
  return verdict.reason
}

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32
}

describe('UpdateGuard, an update refused whole', () => {
  it.each([
    ['another root type', (c: Y.Doc) => c.getText('notes').insert(0, 'los'), /not notes$/],
    ['list content in records', (c: Y.Doc) => c.getArray('records').insert(0, [1]), /list/],
    ['bytes Yjs cannot read', null, /could not be applied/],
  ])('%s is refused without rebuilding the shadow', (_what, change, why) => {
    const { doc, guard, send, offer, records } = room()
    const before = records()
    const verdict = change ? send(change) : offer(new Uint8Array([1, 1, 0xff, 0xff, 0xff]))
    expect(reason(verdict)).toMatch(why)
    expect(guard.rebuilds).toBe(1) // the constructor's
    expect(records()).toEqual(before)
    inStep(guard, doc)
  })

  it('a write into a nested type the doc holds is refused without rebuilding', () => {
    const { doc, guard, client, offer } = room()
    doc.getMap('meeting').set('nested', new Y.Map([['a', 1]]))
    guard.rebuild()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    const state = Y.encodeStateVector(client)
    ;(client.getMap('meeting').get('nested') as Y.Map<unknown>).set('a', 2)
    const verdict = offer(Y.encodeStateAsUpdate(client, state))
    expect(reason(verdict)).toMatch(/nested type/)
    expect(guard.rebuilds).toBe(2)
    inStep(guard, doc)
  })

  it(`more than ${MAX_CORRECTIONS} refused records are taken back, not rebuilt`, () => {
    const { doc, guard, client, send, records } = room()
    const before = records()
    const verdict = send((c) => {
      for (let i = 0; i <= MAX_CORRECTIONS; i++) {
        setRecord(geoShape(`bad${i}`, '', { props: { geo: 'bogus' } }))(c)
      }
      setRecord(geoShape('dream', 'overschreven'))(c)
    })
    expect(reason(verdict)).toBe(TOO_MANY_CORRECTIONS)
    expect(guard.rebuilds).toBe(1)
    // Nothing of it on the board, not even the valid record it overwrote.
    expect(records()).toEqual(before)
    inStep(guard, doc)
    // Someone else, in step with the doc, writes the same keys: judged and taken as usual.
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    const state = Y.encodeStateVector(other)
    other.getMap('records').set('shape:bad1', geoShape('bad1', 'goed'))
    const next = guard.check(Y.encodeStateAsUpdate(other, state), { role: 'editor', id: 2 })
    expect(next.ok).toBe(true)
    if (next.ok && next.update) Y.applyUpdate(doc, next.update)
    expect(records()).toEqual(other.getMap('records').toJSON())
    inStep(guard, doc)
    expect(client.getMap('records').get('shape:bad1')).toBeDefined() // the writer still has it
  })

  it('mangled updates never rebuild the shadow and never put it out of step', () => {
    const { doc, guard, client, send, offer } = room()
    const rnd = random(8)
    let refused = 0
    for (let round = 0; round < 60; round++) {
      const state = Y.encodeStateVector(client)
      // Overwrites an existing key (an item with an origin) or adds one (a root parent).
      client.transact(() => {
        setRecord(geoShape(round % 2 ? 'dream' : `new${round}`, `ronde ${round}`))(client)
        if (round % 3 === 0) client.getMap('meta').set(`k${round}`, round)
      })
      const update = Y.encodeStateAsUpdate(client, state)
      for (let i = 0; i < 10; i++) {
        const mangled = update.slice(0, Math.max(1, update.length - Math.floor(rnd() * 4)))
        for (let flips = 1 + Math.floor(rnd() * 3); flips > 0; flips--) {
          mangled[Math.floor(rnd() * mangled.length)] = Math.floor(rnd() * 256)
        }
        if (!offer(mangled).ok) refused++
        inStep(guard, doc)
      }
      offer(update)
      // The client converges to the doc again, as a refused client reconnecting would.
      Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
      send(() => {})
    }
    expect(refused).toBeGreaterThan(180)
    expect(guard.rebuilds).toBe(1)
  }, 60_000)
})
