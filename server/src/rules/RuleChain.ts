import type { Refusal, Rule, RuleContext } from './Rule.js'

/**
 * More refused keys than this in one update is not a person's mistake but a flood: the
 * update is refused whole (4422) instead of corrected key by key [2].
 */
export const MAX_CORRECTIONS = 500
export const TOO_MANY_CORRECTIONS = `more than ${MAX_CORRECTIONS} refused records in one update`

/** A refusal and the rule that made it. */
export interface ChainRefusal extends Refusal {
  rule: string
}

/**
 * What the chain decided about one update: refused whole (the connection is closed), or
 * taken with the keys in `corrections` put back (none: taken as it is).
 */
export type ChainVerdict =
  { refused: ChainRefusal } | { refused: null; corrections: ChainRefusal[] }

/**
 * Puts the keys that `refusals` name back to their values before the update, where the
 * rules look (the guard's shadow), and returns the context the next rules judge: the same
 * update without those keys. Throws when a refusal names a key the update did not change.
 */
export type Corrector = (refusals: readonly ChainRefusal[]) => RuleContext

/**
 * Runs rules in the order given [1]. A refusal that names a key is corrected and the chain
 * goes on with the rest of the update; the first refusal without a key refuses the update
 * as a whole and ends the check. The earlier rules vouch for what the later ones assume (a
 * record's validity rule only sees JSON objects under their own id).
 */
export class RuleChain {
  readonly rules: readonly Rule[]

  constructor(rules: readonly Rule[]) {
    const names = new Set(rules.map((rule) => rule.name))
    if (names.size !== rules.length) throw new Error('every rule needs a name of its own')
    this.rules = rules
  }

  check(context: RuleContext, correct: Corrector): ChainVerdict {
    const corrections: ChainRefusal[] = []
    for (const rule of this.rules) {
      for (;;) {
        const found = rule.checkAll ? rule.checkAll(context) : maybe(rule.check(context))
        if (found.length === 0) break
        const named = found.map((refusal) => ({ ...refusal, rule: rule.name }))
        const whole = named.find((refusal) => !namesKey(refusal))
        if (whole) return { refused: whole }
        if (corrections.length + named.length > MAX_CORRECTIONS) {
          return { refused: { reason: TOO_MANY_CORRECTIONS, rule: rule.name } }
        }
        context = correct(named)
        corrections.push(...named)
        if (rule.checkAll) break // it has said everything at once
      }
    }
    return { refused: null, corrections }
  }
}

/** Whether a refusal is about one key, so that key alone can be put back. */
function namesKey(refusal: Refusal): boolean {
  return refusal.key !== undefined
}

function maybe(refusal: Refusal | null): Refusal[] {
  return refusal ? [refusal] : []
}

// [1] A rule with only `check` is asked again after each correction, which ends because a
//     corrected key leaves the context and the corrector throws on a key named twice; it
//     costs a pass per refused key, so a rule that may refuse many keys of one update gives
//     them all through `checkAll` (recordRule, metaRule) and is asked once.
// [2] Each correction costs about 50 µs on top of the check (tests/bench/corrections.ts), so
//     20,000 invalid records in one 1.3 MB update would take a second or two of server time.
//     An honest client writes a few records per update; a stale tab with an older schema is
//     sent away by the version handshake before it writes anything.
