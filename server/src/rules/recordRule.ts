import { shortKey } from '../rooms/closeReason.js'
import type { Rule, RuleContext } from './Rule.js'

/**
 * A rule that judges each record the update adds or replaces, one at a time, by its value
 * after the update: `judge` returns null or a short phrase naming the problem. A refusal
 * names the record (`invalid record <key>: <problem>`) and carries its key.
 */
export function recordRule(
  name: string,
  judge: (key: string, value: unknown, context: RuleContext) => string | null,
): Rule {
  return {
    name,
    check(context) {
      for (const { key, action, after } of context.changes) {
        if (action === 'delete') continue
        const problem = judgeSafely(judge, key, after, context)
        if (problem) return { key, reason: `invalid record ${shortKey(key)}: ${problem}` }
      }
      return null
    },
  }
}

function judgeSafely(
  judge: (key: string, value: unknown, context: RuleContext) => string | null,
  key: string,
  value: unknown,
  context: RuleContext,
): string | null {
  try {
    return judge(key, value, context)
  } catch (error) {
    // A validator or migration that throws (say, on absurdly deep nesting) is a refusal too.
    return `could not be checked (${error instanceof Error ? error.message : 'error'})`
  }
}
