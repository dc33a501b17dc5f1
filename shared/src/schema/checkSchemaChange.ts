import type { TLSchema } from '@tldraw/tlschema'
import { readDocSchema } from './readDocSchema.js'

/**
 * Whether a writer may change the doc's `meta.schema` from `previous` to `next` (undefined:
 * deleted): null when it may, else a short phrase that follows "meta.schema" in a refusal.
 * The new value must be a schema `schema` can migrate records from, and may not lower a
 * version the previous one had [1]. The server judges every update with it.
 */
export function checkSchemaChange(
  schema: TLSchema,
  next: unknown,
  previous: unknown,
): string | null {
  if (next === undefined) return 'cannot be deleted'
  const after = readDocSchema(next)
  if (!after) return 'is not a tldraw schema object'
  if (!schema.getMigrationsSince(after).ok) return 'has versions this server does not know'
  const before = readDocSchema(previous)
  if (!before) return null
  for (const [sequence, version] of Object.entries(before.sequences)) {
    if (!Object.hasOwn(schema.migrations, sequence)) continue
    const now = Object.hasOwn(after.sequences, sequence) ? after.sequences[sequence] : undefined
    if (now === undefined || now < version) return `lowers ${sequence}`
  }
  return null
}

// [1] A lowered or dropped version would make every reader (the server included) run
//     migrations again over records that already had them, which can break valid records
//     and get every honest writer refused. Honest clients only ever raise versions: a newer
//     client merges its sequences in (schemaToWrite), an older one stops writing.
