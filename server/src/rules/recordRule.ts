import { shortKey } from '../rooms/closeReason.js'
import type { Refusal, Rule, RuleContext } from './Rule.js'

/**
 * A rule that judges each record the update adds or replaces, one at a time, by its value
 * after the update: `judge` returns null or a short phrase naming the problem. A refusal
 * names the record (`invalid record <key>: <problem>`) and carries its key, so only that
 * record is put back; `checkAll` finds every refused record in one pass.
 */
export function recordRule(
  name: string,
  judge: (key: string, value: unknown, context: RuleContext) => string | null,
): Rule {
  const refusals = (context: RuleContext, firstOnly: boolean): Refusal[] => {
    const found: Refusal[] = []
    for (const { key, action, after } of context.changes) {
      if (action === 'delete') continue
      const problem = judgeSafely(judge, key, after, context)
      if (!problem) continue
      found.push({ key, reason: `invalid record ${shortKey(key)}: ${problem}` })
      if (firstOnly) break
    }
    return found
  }
  return {
    name,
    check: (context) => refusals(context, true)[0] ?? null,
    checkAll: (context) => refusals(context, false),
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
