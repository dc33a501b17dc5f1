import * as Y from 'yjs'
import type { RootWrite } from '../rules/index.js'

/** What an update would write, read from its bytes without integrating it anywhere. */
export type UpdateStructure =
  | { ok: true; roots: RootWrite[] }
  /** Yjs cannot read it, or would throw while integrating it [1]. */
  | { ok: false }

/** Where an item would hang once integrated. */
type Place =
  | { kind: 'root'; name: string; sub: string | null }
  /** Inside a type the doc already holds (a nested type: its item is not deleted). */
  | { kind: 'nested'; sub: string | null }
  /** Nowhere that counts: under a type of the same update, a deleted one, or as GC [2]. */
  | { kind: 'harmless' }
  /** Waits for something the update lacks: Yjs keeps it pending (the guard drops it). */
  | { kind: 'pending' }

type Struct = Y.Item | Y.GC | Y.Skip

/**
 * The types that `update` would write into, in the guard's shadow `doc`: one entry per item
 * it brings and per item it deletes, as structureRule judges `transaction.changed` after
 * integrating [3]. O(size of the update × log of the board), and the doc is left untouched,
 * so an update refused for its structure costs the same on any board.
 */
export function updateStructure(doc: Y.Doc, update: Uint8Array): UpdateStructure {
  try {
    return read(doc, update)
  } catch {
    return { ok: false }
  }
}

function read(doc: Y.Doc, update: Uint8Array): UpdateStructure {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  const own = new Map<number, Struct[]>()
  for (const struct of structs) {
    const list = own.get(struct.id.client) ?? own.set(struct.id.client, []).get(struct.id.client)!
    list.push(struct)
  }
  const places = new Map<Y.Item, Place>()
  const visiting = new Set<Y.Item>()

  /** The struct holding `id`: in the doc when the doc has that clock, else in the update. */
  const find = (id: Y.ID): Struct | null => {
    if (id.clock < Y.getState(store, id.client)) {
      const list = store.clients.get(id.client)!
      return list[Y.findIndexSS(list, id.clock)]!
    }
    const list = own.get(id.client)
    const last = list?.[list.length - 1]
    if (!list || !last || id.clock < list[0]!.id.clock) return null
    if (id.clock >= last.id.clock + last.length) return null
    return list[Y.findIndexSS(list as Y.Item[], id.clock)]!
  }
  const inDoc = (struct: Struct) => struct.id.clock < Y.getState(store, struct.id.client)

  /** A type the doc holds, by what a write into it is. */
  const typePlace = (type: Y.AbstractType<unknown>, sub: string | null): Place => {
    const item = type._item
    if (item === null) return { kind: 'root', name: Y.findRootTypeKey(type), sub }
    return item.deleted ? { kind: 'harmless' } : { kind: 'nested', sub }
  }

  /** What `id` is to `of`: a place in the doc, a struct of the update, GC, or missing. */
  const link = (id: Y.ID, of: Y.Item): Place | Y.Item | 'gc' => {
    // Yjs assumes an item's own earlier clocks are integrated; a later one throws [1].
    if (id.client === of.id.client && id.clock >= of.id.clock) throw new Error('forward')
    const struct = find(id)
    if (struct === null || struct instanceof Y.Skip) return { kind: 'pending' }
    if (struct instanceof Y.GC) return 'gc'
    if (!inDoc(struct)) return struct
    return typePlace(struct.parent as Y.AbstractType<unknown>, struct.parentSub)
  }

  /** The items of the update whose places `item`'s place is made of. */
  const links = (item: Y.Item): (Place | Y.Item | 'gc')[] => {
    const found = [item.origin, item.rightOrigin].map((id) => (id ? link(id, item) : null))
    return found.filter((place) => place !== null)
  }

  // As Item.getMissing and Item.integrate in yjs 13.6 [4].
  const resolve = (item: Y.Item): Place => {
    const place = (id: Y.ID | null): Place | 'gc' | null => {
      if (id === null) return null
      const found = link(id, item)
      if (!(found instanceof Y.Item)) return found
      return places.get(found) ?? { kind: 'pending' } // unresolved: a cycle, never integrated
    }
    const left = place(item.origin)
    const right = place(item.rightOrigin)
    if (left === 'gc' || right === 'gc') return { kind: 'harmless' }
    if (left?.kind === 'pending' || right?.kind === 'pending') return { kind: 'pending' }
    if (left) return left
    if (right) return right
    const parent = item.parent as string | Y.ID | null
    if (typeof parent === 'string') return { kind: 'root', name: parent, sub: item.parentSub }
    if (parent === null) return { kind: 'harmless' }
    if (parent.client === item.id.client && parent.clock >= item.id.clock)
      throw new Error('forward')
    const struct = find(parent)
    if (struct === null || struct instanceof Y.Skip) return { kind: 'pending' }
    if (struct instanceof Y.GC || !(struct.content instanceof Y.ContentType)) {
      return { kind: 'harmless' }
    }
    if (inDoc(struct)) return typePlace(struct.content.type, item.parentSub)
    return { kind: 'harmless' } // a type this update creates: judged as the key it is set to
  }

  /** Without recursion: a chain of thousands of items (an offline drag) is an honest update. */
  const placeOf = (start: Y.Item): Place => {
    const stack = [start]
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!
      if (places.has(item)) {
        stack.pop()
        continue
      }
      const waiting = links(item).filter(
        (found): found is Y.Item => found instanceof Y.Item && !places.has(found),
      )
      if (waiting.length > 0 && !visiting.has(item)) {
        visiting.add(item)
        stack.push(...waiting)
        continue
      }
      visiting.delete(item)
      places.set(item, resolve(item))
      stack.pop()
    }
    return places.get(start)!
  }

  const roots: RootWrite[] = []
  const write = (place: Place) => {
    if (place.kind === 'root') roots.push({ name: place.name, listContent: place.sub === null })
    else if (place.kind === 'nested') roots.push({ name: null, listContent: place.sub === null })
  }
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    // What the doc already holds is skipped by Yjs, whatever the update says about it.
    if (struct.id.clock + struct.length <= Y.getState(store, struct.id.client)) continue
    write(placeOf(struct))
  }
  for (const [client, ranges] of ds.clients) {
    const list = store.clients.get(client)
    if (!list) continue
    const state = Y.getState(store, client)
    for (const { clock, len } of ranges) {
      if (clock >= state || len <= 0) continue
      for (let i = Y.findIndexSS(list, clock); i < list.length; i++) {
        const struct = list[i]!
        if (struct.id.clock >= clock + len) break
        if (struct instanceof Y.Item && !struct.deleted) {
          write(typePlace(struct.parent as Y.AbstractType<unknown>, struct.parentSub))
        }
      }
    }
  }
  return { ok: true, roots }
}

// [1] Y.decodeUpdate throws on bytes it cannot read. An item whose origin, right origin or
//     parent is a later clock of its own client makes Yjs throw halfway through integrating
//     (it looks the id up in the store without checking, as its own clocks come in order):
//     refused as unappliable before anything is integrated.
// [2] An item next to a garbage-collected one becomes GC itself; one under a deleted type is
//     deleted as it is integrated; one under a type that the same update creates is part of
//     that type's value, which the rules judge under the key it is set to. None of them is
//     reported in `transaction.changed`.
// [3] The same RootWrite entries the guard collects from `transaction.changed`, so
//     structureRule judges both the same way. The ones that are pending are left out: the
//     guard drops them unintegrated. An item that is already in the doc is skipped whatever
//     parent the update claims for it, as Yjs skips it.
// [4] An item with an origin takes its parent from the left neighbour, else from the right
//     one; a neighbour that is GC makes it GC; without origins, the parent is a root name or
//     the id of the item holding the parent type.
