import type { SerializedSchema } from '@tldraw/store'
import type { TLSchema } from '@tldraw/tlschema'

/**
 * How the schema a doc's records were written with compares to ours:
 * - `same`: nothing to migrate (also when the doc has no readable schema);
 * - `older`: migrations bring its records up to our version;
 * - `newer`: written by a newer app version (or an incompatible one); we cannot migrate.
 */
export type DocSchemaStatus = 'same' | 'older' | 'newer'

export function docSchemaStatus(
  schema: TLSchema,
  docSchema: SerializedSchema | null | undefined,
): DocSchemaStatus {
  if (!docSchema) return 'same'
  const migrations = schema.getMigrationsSince(docSchema)
  if (!migrations.ok) return 'newer'
  return migrations.value.length > 0 ? 'older' : 'same'
}
