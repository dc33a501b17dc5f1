import * as Y from 'yjs'
import {
  createWijktafelSchema,
  deHorstImpact,
  initialBoardRecords,
  YDOC_IMPACT,
  YDOC_META,
  YDOC_META_SCHEMA,
  YDOC_RECORDS,
  type CreateBoardRequest,
} from '@wijktafel/shared'

// Built once: serialising the schema walks every shape's migrations.
const serializedSchema = createWijktafelSchema().serialize()

/**
 * The first state of a new board's Y.Doc: the chosen template's records and the schema they
 * were written with; for the example, also its `impact` map (a year of measurements and two
 * evaluation rounds). Made on the server so that everyone who opens a new board meets the same
 * template, however many open it at once.
 */
export function initialDocState(request: CreateBoardRequest): Uint8Array {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      const initial = initialBoardRecords(request)
      if (initial.length === 0) return
      const records = doc.getMap(YDOC_RECORDS)
      for (const record of initial) records.set(record.id, record)
      doc.getMap(YDOC_META).set(YDOC_META_SCHEMA, serializedSchema)
      if (request.template === 'example') {
        const impact = doc.getMap(YDOC_IMPACT)
        for (const [key, value] of deHorstImpact(initial)) impact.set(key, value)
      }
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
