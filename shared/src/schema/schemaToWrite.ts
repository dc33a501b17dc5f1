import type { SerializedSchemaV2 } from '@tldraw/store'
import type { TLSchema } from '@tldraw/tlschema'
import { isEqual } from '@tldraw/utils'
import { docSchemaStatus } from './docSchemaStatus.js'

/**
 * The schema to write into the doc after loading it, or null when the doc's already says all
 * that ours does (or is newer: then we write nothing at all). Sequences only the doc knows
 * (from a newer custom shape, say) are kept, so another client that knows them still
 * migrates those records correctly [1].
 */
export function schemaToWrite(
  schema: TLSchema,
  docSchema: SerializedSchemaV2 | null | undefined,
): SerializedSchemaV2 | null {
  const ours = schema.serialize()
  if (!docSchema) return ours
  if (docSchemaStatus(schema, docSchema) === 'newer') return null
  const merged: SerializedSchemaV2 = {
    schemaVersion: 2,
    sequences: { ...docSchema.sequences, ...ours.sequences },
  }
  return isEqual(merged, docSchema) ? null : merged
}

// [1] A sequence missing from a persisted schema is read as "version 0" for retroactive
//     sequences (all its migrations run again) and as "nothing to do" otherwise; both are
//     wrong for records written at a later version. So whenever ours knows a sequence the
//     doc's does not (a new custom shape), the schema is written, once, by the first writer.
