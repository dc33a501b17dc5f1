import type { KeyChange } from './Rule.js'

/**
 * The keys an update deleted that lived under `ancestorId` (a page or a shape): shapes whose
 * parent chain leads to it (through shapes deleted in the same update) and bindings to such
 * shapes. A page or a zone put back comes back with them [1].
 */
export function deletedUnder(ancestorId: string, changes: readonly KeyChange[]): string[] {
  const deleted = deletedRecords(changes)
  const onPage = new Set<string>()
  const isOnPage = (key: string, depth = 0): boolean => {
    if (onPage.has(key)) return true
    const record = deleted.get(key)
    if (!record || record.typeName !== 'shape' || depth > MAX_DEPTH) return false
    const parent = record.parentId
    const found =
      parent === ancestorId || (typeof parent === 'string' && isOnPage(parent, depth + 1))
    if (found) onPage.add(key)
    return found
  }
  for (const key of deleted.keys()) isOnPage(key)
  return [...onPage, ...deletedBindings(onPage, deleted)]
}

/** The deleted bindings of this update that join a shape in `shapes`. */
export function deletedBindings(
  shapes: ReadonlySet<string>,
  deleted: ReadonlyMap<string, Record<string, unknown>>,
): string[] {
  const found: string[] = []
  for (const [key, record] of deleted) {
    if (record.typeName !== 'binding') continue
    if (shapes.has(String(record.fromId)) || shapes.has(String(record.toId))) found.push(key)
  }
  return found
}

/** Each record this update deleted, as it was before. */
export function deletedRecords(
  changes: readonly KeyChange[],
): Map<string, Record<string, unknown>> {
  const deleted = new Map<string, Record<string, unknown>>()
  for (const { key, action, before } of changes) {
    if (action === 'delete' && isObject(before)) deleted.set(key, before)
  }
  return deleted
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Deeper parent chains are not a board but an attack on the stack. */
export const MAX_DEPTH = 1000

// [1] tldraw deletes a page's shapes (and their bindings) in the same change as the page,
//     and a shape's descendants with the shape. A page or a zone that comes back without
//     them would be empty, and what was on it gone for everyone although nothing said so
//     (documentInvariantsRule, structureLockRule).
