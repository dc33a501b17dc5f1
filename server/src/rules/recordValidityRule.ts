import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { migrateRecord } from '@wijktafel/shared'
import { validateBoardRecord } from '../records/boardSchema.js'
import { recordRule } from './recordRule.js'
import type { Rule } from './Rule.js'

/**
 * A record is valid at the server's schema: migrated up from the schema its writer declared
 * (else the doc's, after the same update) [1], then validated with the shared validators
 * (tldraw's own shapes too). Runs after the record shape rule, so every value here is a
 * JSON object of a known type.
 */
export function recordValidityRule(schema: TLSchema): Rule {
  return recordRule('record validity', (_key, value, { writerSchema }) => {
    const migrated = migrateRecord(schema, value as TLRecord, writerSchema)
    if (!migrated.ok) {
      return migrated.problem === 'newer'
        ? 'written at a schema this server does not know'
        : `migration failed (${migrated.reason})`
    }
    const result = validateBoardRecord(schema, migrated.record)
    return result.ok ? null : condense(result.error)
  })
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

// [1] tldraw's own sync server does the same: a client's records are migrated up from the
//     client's schema, then validated. A connection that declared its schema when it
//     connected writes at that schema, whatever the doc's `meta.schema` says by then (a
//     newer client may have raised it meanwhile); one that declared none writes at the doc's,
//     because records and `meta.schema` travel together in the doc.
