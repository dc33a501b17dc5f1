import type { SerializedSchema, UnknownRecord } from '@tldraw/store'
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { exchangeMetaValidator } from './exchangeArrow.js'

export type RecordCheck = { ok: true } | { ok: false; error: string }
export type RecordMigration = { ok: true; record: TLRecord } | { ok: false; error: string }

/**
 * Validates one store record (a shape, a binding, a page...) against the schema, and the meta
 * of exchange arrows. Never throws: a bad record gives a readable error such as
 * `At shape(type = wt-dream).props.horizonYears: Expected a horizon of 1 to 50 years, got 0`.
 */
export function validateWijktafelRecord(schema: TLSchema, record: unknown): RecordCheck {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, error: `Expected a record object, got ${describe(record)}` }
  }
  const typeName = (record as Partial<UnknownRecord>).typeName
  if (typeof typeName !== 'string') {
    return { ok: false, error: 'Expected a record with a typeName' }
  }
  const recordType = Object.hasOwn(schema.types, typeName)
    ? schema.types[typeName as keyof typeof schema.types]
    : undefined
  if (!recordType) return { ok: false, error: `Unknown record type '${typeName.slice(0, 40)}'` }
  try {
    recordType.validate(record)
    const shape = record as { typeName: string; type?: unknown; meta?: Record<string, unknown> }
    if (shape.typeName === 'shape' && shape.type === 'arrow' && shape.meta && 'wt' in shape.meta) {
      try {
        exchangeMetaValidator.validate(shape.meta)
      } catch (error) {
        if (error instanceof T.ValidationError) {
          throw new T.ValidationError(error.rawMessage, [
            'shape(type = arrow)',
            'meta',
            ...error.path,
          ])
        }
        throw error
      }
    }
    return { ok: true }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Brings a record written under `persistedSchema` (another client's or an older save) up to
 * this schema. A record from a newer version of Wijktafel is refused with a clear error
 * instead of tldraw's bare 'migration-error'.
 */
export function migrateWijktafelRecord(
  schema: TLSchema,
  record: TLRecord,
  persistedSchema: SerializedSchema,
): RecordMigration {
  if (persistedSchema.schemaVersion >= 2 && 'sequences' in persistedSchema) {
    const ours = schema.serialize().sequences
    for (const [sequenceId, theirs] of Object.entries(persistedSchema.sequences)) {
      const known = ours[sequenceId]
      if (known !== undefined && theirs > known) {
        return {
          ok: false,
          error: `The record was written by a newer version (${sequenceId} version ${theirs}; this version knows up to ${known}). Reload to update.`,
        }
      }
    }
  }
  const result = schema.migratePersistedRecord(record, persistedSchema, 'up')
  if (result.type === 'success') return { ok: true, record: result.value }
  return { ok: false, error: `The record could not be migrated: ${result.reason}` }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : typeof value
}
