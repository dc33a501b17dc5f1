import type { Refusal, Rule, RuleContext } from './Rule.js'

/** A refusal and the rule that made it. */
export interface ChainRefusal extends Refusal {
  rule: string
}

/**
 * Runs rules in the order given and stops at the first refusal: the update is refused as a
 * whole, by the first rule that objects, so the earlier rules can vouch for what the later
 * ones assume (a record's validity rule only sees JSON objects under their own id).
 */
export class RuleChain {
  readonly rules: readonly Rule[]

  constructor(rules: readonly Rule[]) {
    const names = new Set(rules.map((rule) => rule.name))
    if (names.size !== rules.length) throw new Error('every rule needs a name of its own')
    this.rules = rules
  }

  check(context: RuleContext): ChainRefusal | null {
    for (const rule of this.rules) {
      const refusal = rule.check(context)
      if (refusal) return { ...refusal, rule: rule.name }
    }
    return null
  }
}
