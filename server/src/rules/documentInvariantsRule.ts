import { shortKey } from '../rooms/closeReason.js'
import type { RecordsView, Rule } from './Rule.js'

/** tldraw's TLDOCUMENT_ID: the one document record every board has. */
export const DOCUMENT_ID = 'document:document'

/**
 * A board keeps its document record and at least one page: tldraw cannot show a board
 * without them, and every client would have to repair it at once.
 */
export const documentInvariantsRule: Rule = {
  name: 'document invariants',
  check({ changes, records }) {
    let deletedPage: string | null = null
    for (const { key, action, before } of changes) {
      if (action !== 'delete') continue
      if (key === DOCUMENT_ID) return { key, reason: `cannot delete ${DOCUMENT_ID}` }
      if (isPage(before)) deletedPage = key
    }
    // Only an update that deletes a page pays for this scan.
    if (deletedPage && !hasPage(records)) {
      return { key: deletedPage, reason: `cannot delete the last page ${shortKey(deletedPage)}` }
    }
    return null
  },
}

function isPage(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && 'typeName' in value && value.typeName === 'page'
  )
}

function hasPage(records: RecordsView): boolean {
  for (const value of records.values()) if (isPage(value)) return true
  return false
}
