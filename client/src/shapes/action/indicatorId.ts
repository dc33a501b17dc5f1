import { IMPACT_ID } from '@wijktafel/shared'

/**
 * A new indicator's id: random, like a measurement's (client/src/board/impact/impactActions.ts),
 * so it never takes the id of an indicator that was removed, whose measurements would become
 * its history, and two people adding one at the same moment do not both make the same id [1].
 * Within the shared id rule (IMPACT_ID: letters, digits, `_` and `-`, at most 40).
 */
export function newIndicatorId(taken: readonly string[] = []): string {
  for (;;) {
    const random = crypto.getRandomValues(new Uint32Array(2))
    const id = `i-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`
    if (IMPACT_ID.test(id) && !taken.includes(id)) return id
  }
}

// [1] Measurements live in the board's `impact` map keyed by action and indicator id, and are
//     never deleted (shared/src/impact/impact.ts): an id reused after a removal inherits them.
//     `i<n>` counted from the list's length did exactly that, and two phones both made `i2`.
