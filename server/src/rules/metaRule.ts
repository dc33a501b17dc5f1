import type { TLSchema } from '@tldraw/tlschema'
import { YDOC_META_SCHEMA, checkSchemaChange } from '@wijktafel/shared'
import { shortKey } from '../rooms/closeReason.js'
import type { Rule } from './Rule.js'

/**
 * `meta` holds only `schema`, and a new schema must be one the server can migrate records
 * from, without lowering a version (`checkSchemaChange` in @wijktafel/shared).
 */
export function metaRule(schema: TLSchema): Rule {
  return {
    name: 'meta',
    check({ metaChanges }) {
      for (const { key, before, after } of metaChanges) {
        if (key !== YDOC_META_SCHEMA) return { reason: `meta.${shortKey(key, 24)} is not allowed` }
        const problem = checkSchemaChange(schema, after, before)
        if (problem) return { reason: `meta.schema ${problem}` }
      }
      return null
    },
  }
}
