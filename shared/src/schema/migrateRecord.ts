import type { SerializedSchema } from '@tldraw/store'
import type { TLRecord, TLSchema } from '@tldraw/tlschema'

/**
 * A migrated record, or why not: `newer` when the record was written by a newer version of
 * Wijktafel (only a reload helps), `failed` when a migration refused it. `reason` is the
 * short cause, `error` a sentence for people.
 */
export type RecordMigration =
  | { ok: true; record: TLRecord }
  | { ok: false; problem: 'newer' | 'failed'; reason: string; error: string }

/**
 * Brings a record written under `persistedSchema` (the doc's `meta.schema`, another client's
 * or an older save) up to `schema`. Without a persisted schema the record counts as current.
 * A record from a newer version is refused with a clear error instead of tldraw's bare
 * 'migration-error' [1]. Throws only where tldraw's own migration code would.
 */
export function migrateRecord(
  schema: TLSchema,
  record: TLRecord,
  persistedSchema: SerializedSchema | null | undefined,
): RecordMigration {
  if (!persistedSchema) return { ok: true, record }
  const migrations = schema.getMigrationsSince(persistedSchema)
  if (!migrations.ok) return newerVersion(schema, persistedSchema)
  if (migrations.value.length === 0) return { ok: true, record }
  const result = schema.migratePersistedRecord(record, persistedSchema, 'up')
  if (result.type === 'success') return { ok: true, record: result.value }
  return {
    ok: false,
    problem: 'failed',
    reason: result.reason,
    error: `The record could not be migrated: ${result.reason}`,
  }
}

function newerVersion(schema: TLSchema, persistedSchema: SerializedSchema): RecordMigration {
  const ours = schema.serialize().sequences
  const theirs = 'sequences' in persistedSchema ? persistedSchema.sequences : {}
  for (const [sequenceId, version] of Object.entries(theirs)) {
    const known = Object.hasOwn(ours, sequenceId) ? ours[sequenceId] : undefined
    if (known !== undefined && version > known) {
      return {
        ok: false,
        problem: 'newer',
        reason: `${sequenceId} version ${version}`,
        error: `The record was written by a newer version (${sequenceId} version ${version}; this version knows up to ${known}). Reload to update.`,
      }
    }
  }
  return {
    ok: false,
    problem: 'newer',
    reason: 'incompatible schema',
    error: 'The record was written by a newer version. Reload to update.',
  }
}

// [1] tldraw answers a schema it has no migrations from (a version beyond its own) with
//     'migration-error' after logging "Incompatible schema?"; asking getMigrationsSince
//     first avoids both, and costs nothing: tldraw caches the answer per schema object.
