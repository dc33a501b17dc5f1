import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { migrateRecord } from './migrateRecord.js'

/**
 * Migrates a doc's records (id -> stored value) to `schema`. The whole snapshot is tried
 * first, which also runs store-level migrations; if that fails (one unknown or broken record
 * is enough), each record is migrated on its own and the ones that fail are listed in
 * `failed`. Ids missing from both results were removed by a migration.
 */
export function migrateDocRecords(
  schema: TLSchema,
  docSchema: SerializedSchema,
  stored: ReadonlyMap<string, unknown>,
  warn: (message: string) => void,
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
      const result = migrateRecord(schema, value as TLRecord, docSchema)
      if (result.ok) records.set(id, result.record)
      else failed.add(id)
    } catch {
      failed.add(id)
    }
  }
  return { records, failed }
}
