import { migrateRecord } from '@wijktafel/shared'
import type { RecordScope, SerializedSchema, TLRecord, TLStore } from 'tldraw'

/** Where the sync code reports what it skipped. Never throws. */
export type Warn = (message: string, detail?: unknown) => void

export const consoleWarn: Warn = (message, detail) =>
  console.warn(`[wijktafel sync] ${message}`, ...(detail === undefined ? [] : [detail]))

export type RemoteCheck = { ok: true; record: TLRecord } | { ok: false; reason: string }

/**
 * Turns a value a peer sent into a record this store accepts, or says why not. The value must
 * be a plain object whose `id` is the key it came under, of a record type we know in `scope`
 * (a peer must never reach our session records, such as the camera, through the doc). With
 * `migrateFrom`, it is first migrated from that schema. Validation is the store's own, run
 * here rather than inside `store.put` [1].
 */
export function checkRemoteRecord(
  store: TLStore,
  id: string,
  value: unknown,
  scope: RecordScope,
  migrateFrom?: SerializedSchema | null,
): RemoteCheck {
  if (!isPlainObject(value)) return { ok: false, reason: 'not an object' }
  if (value.id !== id) return { ok: false, reason: `id ${String(value.id)} under key ${id}` }
  const typeName = value.typeName
  if (typeof typeName !== 'string' || !Object.hasOwn(store.schema.types, typeName)) {
    return { ok: false, reason: `unknown record type ${String(typeName)}` }
  }
  const type = store.schema.types[typeName as TLRecord['typeName']]
  if (type.scope !== scope) return { ok: false, reason: `${typeName} is not ${scope}-scoped` }

  let record = value as unknown as TLRecord
  if (migrateFrom) {
    try {
      const migrated = migrateRecord(store.schema, record, migrateFrom)
      if (!migrated.ok) return { ok: false, reason: `migration: ${migrated.error}` }
      record = migrated.record
    } catch (error) {
      return { ok: false, reason: `migration threw: ${String(error)}` }
    }
  }
  try {
    const before = store.unsafeGetWithoutCapture(record.id) ?? null
    const phase = before ? 'updateRecord' : 'createRecord'
    return { ok: true, record: store.schema.validateRecord(store, record, phase, before) }
  } catch (error) {
    return { ok: false, reason: `invalid: ${String(error)}` }
  }
}

/**
 * Applies checked records and removals as one remote change, so that they never enter the
 * local undo history. Should the batch still throw (a side effect, say), it is retried one
 * change at a time and whatever fails is skipped: one bad record must not stop the rest [2].
 */
export function applyRemoteChanges(
  store: TLStore,
  puts: readonly TLRecord[],
  removes: readonly TLRecord['id'][],
  warn: Warn,
): void {
  if (puts.length === 0 && removes.length === 0) return
  try {
    store.mergeRemoteChanges(() => {
      if (removes.length) store.remove([...removes])
      if (puts.length) store.put([...puts])
    })
  } catch (error) {
    warn('a remote batch failed; applying it change by change', error)
    for (const id of removes) {
      attempt(() => store.mergeRemoteChanges(() => store.remove([id])), `remove ${id}`, warn)
    }
    for (const record of puts) {
      attempt(() => store.mergeRemoteChanges(() => store.put([record])), `put ${record.id}`, warn)
    }
  }
}

/** The ids among `ids` that this store holds as records of `scope`. */
export function existingIdsInScope(
  store: TLStore,
  ids: Iterable<string>,
  scope: RecordScope,
): TLRecord['id'][] {
  const result: TLRecord['id'][] = []
  for (const id of ids) {
    const record = store.unsafeGetWithoutCapture(id as TLRecord['id'])
    if (record && store.scopedTypes[scope].has(record.typeName)) result.push(record.id)
  }
  return result
}

function attempt(fn: () => void, what: string, warn: Warn): void {
  try {
    fn()
  } catch (error) {
    warn(`skipped ${what}`, error)
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

// [1] `store.put` validates too, but throws on the first bad record, and a throw inside
//     `mergeRemoteChanges` rolls the atoms back while the store's history accumulator keeps
//     the entries made before the throw. Checking first keeps the normal path free of throws.
//     `validateRecord` with the record before lets tldraw validate only what changed.
// [2] ENGINEERING.md: one bad record inside a batch otherwise stops a client's syncing for
//     good. Each retry is its own `mergeRemoteChanges`, so the store stays usable after each.
