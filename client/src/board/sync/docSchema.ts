import { isEqual, type SerializedSchema, type SerializedSchemaV2, type TLStoreSchema } from 'tldraw'
import { isPlainObject, type Warn } from './remoteRecords'

/**
 * How the schema a doc's records were written with compares to ours:
 * - `same`: nothing to migrate;
 * - `older`: migrations bring its records up to our version;
 * - `newer`: written by a newer app version (or an incompatible one); we cannot migrate.
 */
export type DocSchemaStatus = 'same' | 'older' | 'newer'

export function docSchemaStatus(
  schema: TLStoreSchema,
  docSchema: SerializedSchema | undefined,
): DocSchemaStatus {
  if (!docSchema) return 'same'
  const migrations = schema.getMigrationsSince(docSchema)
  if (!migrations.ok) return 'newer'
  return migrations.value.length > 0 ? 'older' : 'same'
}

/** The doc's schema from its meta map, or undefined when absent or malformed. */
export function readDocSchema(value: unknown): SerializedSchema | undefined {
  if (!isPlainObject(value)) return undefined
  if (value.schemaVersion === 2 && isPlainObject(value.sequences)) return value as never
  if (value.schemaVersion === 1 && isPlainObject(value.recordVersions)) return value as never
  return undefined
}

/**
 * The schema to write into the doc after loading it, or null when the doc's already says all
 * that ours does. Sequences only the doc knows (from a newer custom shape, say) are kept, so
 * another client that knows them still migrates those records correctly [1].
 */
export function schemaToWrite(
  schema: TLStoreSchema,
  docSchema: SerializedSchema | undefined,
): SerializedSchemaV2 | null {
  const ours = schema.serialize()
  if (!docSchema || docSchema.schemaVersion !== 2) return ours
  if (docSchemaStatus(schema, docSchema) === 'newer') return null
  const merged: SerializedSchemaV2 = {
    schemaVersion: 2,
    sequences: { ...docSchema.sequences, ...ours.sequences },
  }
  return isEqual(merged, docSchema) ? null : merged
}

/**
 * Migrates a doc's records (id -> stored value) to our schema. The whole snapshot is tried
 * first, which also runs store-level migrations; if that fails (one unknown or broken record
 * is enough), each record is migrated on its own and the ones that fail are listed in
 * `failed`. Ids missing from both results were removed by a migration.
 */
export function migrateDocRecords(
  schema: TLStoreSchema,
  docSchema: SerializedSchema,
  stored: ReadonlyMap<string, unknown>,
  warn: Warn,
): { records: Map<string, unknown>; failed: Set<string> } {
  const whole = schema.migrateStoreSnapshot({
    schema: docSchema,
    store: Object.fromEntries(stored) as never,
  })
  if (whole.type === 'success') {
    return { records: new Map(Object.entries(whole.value)), failed: new Set() }
  }
  warn(`the doc did not migrate as a whole (${whole.reason}); migrating record by record`)
  const records = new Map<string, unknown>()
  const failed = new Set<string>()
  for (const [id, value] of stored) {
    try {
      const result = schema.migratePersistedRecord(value as never, docSchema)
      if (result.type === 'success') records.set(id, result.value)
      else failed.add(id)
    } catch {
      failed.add(id)
    }
  }
  return { records, failed }
}

// [1] A sequence missing from a persisted schema is read as "version 0" for retroactive
//     sequences (all its migrations run again) and as "nothing to do" otherwise; both are
//     wrong for records written at a later version. So whenever ours knows a sequence the
//     doc's does not (a new custom shape), the schema is written, once, by the first writer.
