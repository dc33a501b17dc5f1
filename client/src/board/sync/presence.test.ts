import { atom, TLPOINTER_ID, type TLInstancePresence, type TLStore, type TLUser } from 'tldraw'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness'
import * as Y from 'yjs'
import { bindPresence, presenceIdFor, toTLUser, trailingThrottle } from './presence'
import { newStore, recordingWarn } from './testKit'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
  vi.useRealTimers()
})

/** A store as an open editor has it: instance, pointer, camera and page state. */
function editorLikeStore(): TLStore {
  const store = newStore()
  store.mergeRemoteChanges(() => {}) // runs tldraw's integrity check, as mounting an Editor does
  return store
}

function person(id: string, name: string, color: string) {
  const awareness = new Awareness(new Y.Doc())
  const store = editorLikeStore()
  const $user = atom<TLUser | null>('user', toTLUser({ id, name, color }))
  const warn = recordingWarn()
  const stop = bindPresence({ store, awareness, $user, throttleMs: 0, warn })
  cleanups.push(() => awareness.destroy(), stop)
  return { awareness, store, $user, warn, stop }
}

/** Relays awareness updates between two clients, as the server does. */
function relay(a: Awareness, b: Awareness) {
  const forward = (from: Awareness, to: Awareness) => {
    const handler = (change: { added: number[]; updated: number[]; removed: number[] }) => {
      const clients = [...change.added, ...change.updated, ...change.removed]
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, clients), 'relay')
    }
    from.on('update', handler)
    applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [...from.getStates().keys()]), 'relay')
  }
  forward(a, b)
  forward(b, a)
}

function presenceOf(store: TLStore, clientId: number) {
  return store.get(presenceIdFor(clientId)) as TLInstancePresence | undefined
}

describe('presence', () => {
  test("A's cursor, name and colour appear in B's store and go when A leaves", () => {
    const anna = person('anna', 'Anna', '#d9480f')
    const bob = person('bob', 'Bob', '#1971c2')
    relay(anna.awareness, bob.awareness)

    const seen = presenceOf(bob.store, anna.awareness.clientID)
    expect(seen).toMatchObject({
      userId: 'user:anna',
      userName: 'Anna',
      color: '#d9480f',
      currentPageId: 'page:page',
      selectedShapeIds: [],
    })
    // Our own presence is not mirrored into our own store.
    expect(presenceOf(anna.store, anna.awareness.clientID)).toBeUndefined()

    // Anna's clock is a day behind; her activity is stamped with Bob's clock on arrival.
    const pointer = anna.store.get(TLPOINTER_ID)!
    const before = Date.now()
    anna.store.put([{ ...pointer, x: 120, y: 80, lastActivityTimestamp: before - 86_400_000 }])
    const moved = presenceOf(bob.store, anna.awareness.clientID)
    expect(moved).toMatchObject({ cursor: { x: 120, y: 80 } })
    expect(moved?.lastActivityTimestamp).toBeGreaterThanOrEqual(before)

    anna.$user.set(toTLUser({ id: 'anna', name: 'Anna K.', color: '#2f9e44' }))
    expect(presenceOf(bob.store, anna.awareness.clientID)).toMatchObject({
      userName: 'Anna K.',
      color: '#2f9e44',
    })

    removeAwarenessStates(anna.awareness, [anna.awareness.clientID], 'left')
    expect(presenceOf(bob.store, anna.awareness.clientID)).toBeUndefined()
  })

  test('an invalid presence is skipped with a warning and removes nothing else', () => {
    const anna = person('anna', 'Anna', '#d9480f')
    const bob = person('bob', 'Bob', '#1971c2')
    relay(anna.awareness, bob.awareness)
    const faulty = new Awareness(new Y.Doc())
    cleanups.push(() => faulty.destroy())
    relay(faulty, bob.awareness)
    faulty.setLocalStateField('presence', { userName: 42, cursor: 'here' })
    expect(presenceOf(bob.store, faulty.clientID)).toBeUndefined()
    expect(presenceOf(bob.store, anna.awareness.clientID)).toBeDefined()
    expect(bob.warn.messages.some((m) => m.includes(`client ${faulty.clientID}`))).toBe(true)
  })

  test("stopping removes the others' presence from the store and clears ours", () => {
    const anna = person('anna', 'Anna', '#d9480f')
    const bob = person('bob', 'Bob', '#1971c2')
    relay(anna.awareness, bob.awareness)
    expect(presenceOf(anna.store, bob.awareness.clientID)).toBeDefined()
    anna.stop()
    expect(presenceOf(anna.store, bob.awareness.clientID)).toBeUndefined()
    expect(presenceOf(bob.store, anna.awareness.clientID)).toBeUndefined()
  })

  test('publishing is throttled and the last value always goes out', () => {
    vi.useFakeTimers()
    const sent: number[] = []
    const throttled = trailingThrottle((n: number) => sent.push(n), 50)
    throttled.call(1)
    throttled.call(2)
    throttled.call(3)
    expect(sent).toEqual([1])
    vi.advanceTimersByTime(49)
    expect(sent).toEqual([1])
    vi.advanceTimersByTime(1)
    expect(sent).toEqual([1, 3])
    vi.advanceTimersByTime(100)
    throttled.call(4)
    expect(sent).toEqual([1, 3, 4])
  })
})
