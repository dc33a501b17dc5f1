import type { SerializedSchemaV2 } from '@tldraw/store'
import { isJsonObject } from './isJsonObject.js'

/** The schema a doc's records were written with, as `readDocSchema` reads it. */
export type DocSchema = SerializedSchemaV2

/**
 * The schema a doc's records were written with, read from its `meta.schema`: a v2
 * SerializedSchema (what tldraw 5 writes) whose versions are whole numbers from 0, or null
 * when the value is absent or anything else, a v1 schema included [1]. Returns the value
 * itself, not a copy: tldraw caches migration plans per schema object.
 */
export function readDocSchema(value: unknown): DocSchema | null {
  if (!isJsonObject(value) || value.schemaVersion !== 2) return null
  const { sequences } = value
  if (!isJsonObject(sequences)) return null
  for (const version of Object.values(sequences)) {
    if (!Number.isSafeInteger(version) || (version as number) < 0) return null
  }
  return value as unknown as DocSchema
}

// [1] tldraw has written v2 schemas since 2.0 and Wijktafel started on tldraw 5, and the
//     server has always refused any other `meta.schema`; so no board holds a v1 schema.
//     Reading one as "no schema" is what server and clients then agree on: the server judges
//     the records as current, a client treats the doc as at its own version and writes its
//     own schema over the unreadable one (which the server accepts: nothing is lowered).
