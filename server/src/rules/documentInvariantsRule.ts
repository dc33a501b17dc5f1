import { shortKey } from '../rooms/closeReason.js'
import { deletedUnder, isObject } from './deletedUnder.js'
import type { RecordsView, Refusal, Rule, RuleContext } from './Rule.js'

/** tldraw's TLDOCUMENT_ID: the one document record every board has. */
export const DOCUMENT_ID = 'document:document'

/**
 * A board keeps its document record and at least one page: tldraw cannot show a board
 * without them, and every client would have to repair it at once. A last page that is put
 * back comes back with everything the same update deleted on it [1].
 */
export const documentInvariantsRule: Rule = {
  name: 'document invariants',
  check: (context) => refusals(context)[0] ?? null,
  checkAll: refusals,
}

function refusals({ changes, records }: RuleContext): Refusal[] {
  let deletedPage: string | null = null
  for (const { key, action, before } of changes) {
    if (action !== 'delete') continue
    if (key === DOCUMENT_ID) return [{ key, reason: `cannot delete ${DOCUMENT_ID}` }]
    if (typeName(before) === 'page') deletedPage = key
  }
  // Only an update that deletes a page pays for this scan.
  if (!deletedPage || hasPage(records)) return []
  const reason = `cannot delete the last page ${shortKey(deletedPage)}`
  return [deletedPage, ...deletedUnder(deletedPage, changes)].map((key) => ({ key, reason }))
}

function typeName(value: unknown): unknown {
  return isObject(value) ? value.typeName : undefined
}

function hasPage(records: RecordsView): boolean {
  for (const value of records.values()) if (typeName(value) === 'page') return true
  return false
}

// [1] tldraw deletes a page's shapes (and their bindings) in the same change as the page.
//     When two people delete the two pages of a board at once, the second deletion is put
//     back; without its shapes it would come back empty, and that person's work would be
//     gone for everyone although nothing said so.
