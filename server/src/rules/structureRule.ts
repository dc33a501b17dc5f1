import { YDOC_IMPACT, YDOC_MEETING, YDOC_META, YDOC_RECORDS } from '@wijktafel/shared'
import { shortKey } from '../rooms/closeReason.js'
import type { Rule } from './Rule.js'

/** The root maps a board's Y.Doc holds; each is judged key by key by the later rules. */
const ROOT_MAPS: ReadonlySet<string> = new Set([YDOC_RECORDS, YDOC_META, YDOC_MEETING, YDOC_IMPACT])

/**
 * Only the `records`, `meta`, `meeting` and `impact` maps may be written, and only as maps. The guard
 * learns what an update wrote while its shadow integrates it (`RuleContext.roots`) [1].
 */
export const structureRule: Rule = {
  name: 'structure',
  check({ roots }) {
    for (const { name, listContent } of roots) {
      if (name === null || !ROOT_MAPS.has(name)) {
        const what = name === null ? 'a nested type' : shortKey(name, 24)
        return { reason: `only records, meta, meeting and impact may be written, not ${what}` }
      }
      // Items with a root parent and no key: list content hidden inside a map.
      if (listContent) return { reason: `${name} is not a list` }
    }
    return null
  },
}

// [1] Every new item hangs under a type that Yjs reports as changed (`transaction.changed`),
//     so a write anywhere else cannot go unnoticed; there is no other place to see it.
