import * as Y from 'yjs'
import type { StoredDoc } from './BoardStore.js'

/**
 * Builds a Y.Doc from the stored state and log. Applying to a doc is linear; merging the
 * log with Y.mergeUpdates would be superlinear on long logs (ENGINEERING.md).
 */
export function loadBoardDoc(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  return doc
}
