import * as Y from 'yjs'

/**
 * Whether applying `update` would change `doc`: items the doc does not have, or deletions of
 * items it still holds. A client that has the whole board answers the server's step 1 with
 * the board's delete set even when it has nothing new [1], so the size of an update says
 * nothing about whether it writes.
 */
export function updateChanges(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    return changes(doc, update)
  } catch {
    return true // bytes Yjs cannot read: not nothing, and never applied (a viewer's are dropped)
  }
}

function changes(doc: Y.Doc, update: Uint8Array): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if (clock > (known.get(client) ?? 0)) return true
  }
  const deletes = Y.decodeUpdate(update).ds.clients
  if (deletes.size === 0) return false
  const deleted = Y.createDeleteSetFromStructStore(doc.store).clients
  for (const [client, ranges] of deletes) {
    const done = deleted.get(client) ?? []
    for (const { clock, len } of ranges) {
      if (len > 0 && !covered(done, clock, clock + len)) return true
    }
  }
  return false
}

/** Whether [from, to) lies inside one of the sorted, merged ranges (a Yjs delete set's). */
function covered(ranges: readonly { clock: number; len: number }[], from: number, to: number) {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const range = ranges[mid]!
    if (range.clock + range.len <= from) low = mid + 1
    else if (range.clock > from) high = mid - 1
    else return to <= range.clock + range.len
  }
  return false
}

// [1] y-protocols' `writeSyncStep2` is `Y.encodeStateAsUpdate(doc, theirStateVector)`, and an
//     update always carries the sender's whole delete set. A projector reloaded with its
//     offline copy sent tens of kilobytes of deletions the server already had, and was told
//     "read-only" for writing nothing.
