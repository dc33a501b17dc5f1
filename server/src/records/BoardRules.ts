import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { validateBoardRecord } from './boardSchema.js'

/** @tldraw/store's BoardSchemaVersions: migration sequence id -> version. */
export interface BoardSchemaVersions {
  schemaVersion: 2
  sequences: Record<string, number>
}

/** tldraw's TLDOCUMENT_ID: the one document record every board has. */
export const DOCUMENT_ID = 'document:document'

/**
 * What a board's Y.Doc may hold, judged one value at a time. Every method returns null when
 * the value is fine and otherwise a short English phrase naming the problem (it ends up in a
 * WebSocket close reason, so the caller adds the key and shortens it).
 */
export class BoardRules {
  constructor(private readonly schema: TLSchema) {}

  /**
   * A value stored under `key` in the `records` map. `docSchema` is the doc's `meta.schema`
   * after the same update: records written at an older version are migrated first [1].
   */
  checkRecord(key: string, value: unknown, docSchema: unknown): string | null {
    try {
      if (!isJsonObject(value)) return 'not a JSON object'
      if (value.id !== key) return `its id is ${describe(value.id)}`
      const { typeName } = value
      const type = typeof typeName === 'string' ? ownValue(this.schema.types, typeName) : undefined
      if (!type || type.scope !== 'document') return `type ${describe(typeName)} not allowed`
      const record = this.migrate(value as unknown as TLRecord, docSchema)
      if (typeof record === 'string') return record
      const result = validateBoardRecord(this.schema, record)
      return result.ok ? null : condense(result.error)
    } catch (error) {
      // A validator or migration that throws (say, on absurdly deep nesting) is a refusal too.
      return `could not be checked (${error instanceof Error ? error.message : 'error'})`
    }
  }

  /**
   * A new value for `meta.schema` (undefined: deleted). It must be a schema the server can
   * migrate records from, and may not lower a version the previous one had [2].
   */
  checkSchema(next: unknown, previous: unknown): string | null {
    if (next === undefined) return 'cannot be deleted'
    const schema = readSchema(next)
    if (!schema) return 'is not a tldraw schema object'
    if (!this.schema.getMigrationsSince(schema).ok) return 'has versions this server does not know'
    const before = readSchema(previous)
    if (!before) return null
    for (const [sequence, version] of Object.entries(before.sequences)) {
      if (!ownValue(this.schema.migrations, sequence)) continue
      const now = ownValue(schema.sequences, sequence)
      if (now === undefined || now < version) return `lowers ${sequence}`
    }
    return null
  }

  /** The record at the server's schema version, or a problem. */
  private migrate(record: TLRecord, docSchema: unknown): TLRecord | string {
    const from = readSchema(docSchema)
    // No usable schema in the doc (a board from before schemas were written): as current.
    if (!from) return record
    const migrations = this.schema.getMigrationsSince(from)
    if (!migrations.ok) return 'the board schema is unknown to this server'
    if (migrations.value.length === 0) return record
    const result = this.schema.migratePersistedRecord(record, from)
    return result.type === 'success' ? result.value : `migration failed (${result.reason})`
  }
}

/** `meta.schema` as a v2 SerializedSchema (what tldraw 5 writes), or null. */
export function readSchema(value: unknown): BoardSchemaVersions | null {
  if (!isJsonObject(value) || value.schemaVersion !== 2) return null
  const { sequences } = value
  if (!isJsonObject(sequences)) return null
  for (const version of Object.values(sequences)) {
    if (!Number.isSafeInteger(version) || (version as number) < 0) return null
  }
  return value as unknown as BoardSchemaVersions
}

type JsonObject = { [key: string]: JsonValue }
type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject

/**
 * True for what JSON.parse could have produced: plain objects, arrays, strings, finite
 * numbers, booleans and null. Yjs can also carry undefined, NaN, bigints, binary and
 * objects with a `__proto__` key [3]; none of those belongs in a record.
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return isPlainObject(value) && Object.values(value).every(isJsonValue)
}

function isJsonValue(value: unknown): value is JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object':
      if (value === null) return true
      if (Array.isArray(value)) return value.every(isJsonValue)
      return isJsonObject(value)
    default:
      return false
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function ownValue<V>(object: Record<string, V>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined
}

/**
 * tldraw lists every allowed value of an enum in its message; the close reason has room for
 * the path and the offending value, not for twenty alternatives.
 */
function condense(error: string): string {
  return error.replace(/Expected ("[^"]*"(?: or "[^"]*"){3,})/, (_match, list: string) => {
    return `Expected one of ${list.split(' or ').length} values`
  })
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value
}

// [1] tldraw's own sync server does the same: a client's records are migrated up from the
//     client's schema, then validated. Here the "client schema" is the doc's, because records
//     and `meta.schema` travel together in the doc and every reader migrates from it.
// [2] A lowered or dropped version would make every reader (this server included) run
//     migrations again over records that already had them, which can break valid records
//     and get every honest writer refused. Honest clients only ever raise versions: a newer
//     client merges its sequences in, an older one stops writing (YjsStoreBridge).
// [3] lib0's decoder assigns keys one by one, so a `__proto__` key becomes the object's
//     prototype: its fields would pass a validator yet vanish on the next copy.
