import * as Y from 'yjs'
import type { StateEncoding, StoredDoc } from './BoardStore.js'

/**
 * Builds a Y.Doc from the stored state (in its encoding) and the log (V1). Applying to a doc
 * is linear; merging the log with Y.mergeUpdates would be superlinear on long logs
 * (ENGINEERING.md). Everything that reads a stored board, tests included, goes through here.
 */
export function loadBoardDoc(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc({ gc: true })
  doc.transact(() => {
    if (stored.state) applyState(doc, stored.state, stored.stateEncoding)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  return doc
}

function applyState(doc: Y.Doc, state: Uint8Array, encoding: StateEncoding): void {
  if (encoding === 'v2') Y.applyUpdateV2(doc, state)
  else Y.applyUpdate(doc, state)
}
