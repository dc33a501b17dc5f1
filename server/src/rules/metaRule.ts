import type { TLSchema } from '@tldraw/tlschema'
import { YDOC_META_SCHEMA, checkSchemaChange } from '@wijktafel/shared'
import { shortKey } from '../rooms/closeReason.js'
import type { Refusal, Rule, RuleContext } from './Rule.js'

/**
 * `meta` holds only `schema`, and a new schema must be one the server can migrate records
 * from, without lowering a version (`checkSchemaChange` in @wijktafel/shared). A refused
 * meta key is put back; the records of the same update are judged without it.
 */
export function metaRule(schema: TLSchema): Rule {
  const refusals = ({ metaChanges }: RuleContext, firstOnly: boolean): Refusal[] => {
    const found: Refusal[] = []
    for (const { key, before, after } of metaChanges) {
      const problem =
        key === YDOC_META_SCHEMA
          ? prefixed(checkSchemaChange(schema, after, before))
          : `meta.${shortKey(key, 24)} is not allowed`
      if (!problem) continue
      found.push({ map: 'meta', key, reason: problem })
      if (firstOnly) break
    }
    return found
  }
  return {
    name: 'meta',
    check: (context) => refusals(context, true)[0] ?? null,
    checkAll: (context) => refusals(context, false),
  }
}

function prefixed(problem: string | null): string | null {
  return problem && `meta.schema ${problem}`
}
