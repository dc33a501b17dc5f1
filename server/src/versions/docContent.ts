import * as Y from 'yjs'
import {
  YDOC_IMPACT,
  YDOC_META,
  YDOC_META_SCHEMA,
  YDOC_RECORDS,
  readDocSchema,
} from '@wijktafel/shared'
import type { DocSchema } from '@wijktafel/shared'

/**
 * A board's records (id -> record) and the schema they were written with, and its `impact`
 * map (key -> measurement, round or round status; shared/src/impact).
 */
export interface DocContent {
  schema: DocSchema | null
  records: Map<string, unknown>
  impact: Map<string, unknown>
}

/** The records and impact map of a board's doc as plain JSON, with its `meta.schema`. */
export function readDocContent(doc: Y.Doc): DocContent {
  return {
    schema: readDocSchema(doc.getMap(YDOC_META).get(YDOC_META_SCHEMA)),
    records: new Map(Object.entries(doc.getMap(YDOC_RECORDS).toJSON())),
    impact: new Map(Object.entries(doc.getMap(YDOC_IMPACT).toJSON())),
  }
}

/** The content of a stored state (a version), read through a doc made for the purpose. */
export function readStateContent(state: Uint8Array): DocContent {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return readDocContent(doc)
  } finally {
    doc.destroy()
  }
}

/** What a version keeps of a doc: its full state and its snapshot (VersionStore). */
export function captureDoc(doc: Y.Doc): { state: Uint8Array; snapshot: Uint8Array } {
  return {
    state: Y.encodeStateAsUpdate(doc),
    snapshot: Y.encodeSnapshot(Y.snapshot(doc)),
  }
}

/** Whether `doc` inserted or deleted anything since `snapshot` was taken of it. */
export function changedSince(doc: Y.Doc, snapshot: Uint8Array): boolean {
  return !Y.equalSnapshots(Y.snapshot(doc), Y.decodeSnapshot(snapshot))
}
