import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import {
  ACTION_SHAPE,
  canWriteImpactKey,
  impactBoardProblem,
  impactValueProblem,
  migrateRecord,
  parseImpactKey,
  readImpact,
} from '@wijktafel/shared'
import type { ImpactBoard, Indicator } from '@wijktafel/shared'
import { shortKey } from '../rooms/closeReason.js'
import type { KeyChange, Refusal, Rule, RuleContext } from './Rule.js'

/**
 * The `impact` map (shared/src/impact): measurements added by anyone who edits and never
 * changed or deleted afterwards, not even by the facilitator [1]; rounds only by the
 * facilitator; a round's action status by anyone who edits. Every value well-formed (a
 * measurement's value a finite number, its date a real day at most a year after today on the
 * server's clock) and fitting the board as it will be after the update: its action card and
 * indicator exist, the value fits the indicator's unit (no negative count, no 120 %), its
 * round and the measurement it corrects exist. Every refused key is put back, with its reason.
 */
export function impactRule(schema: TLSchema, now: () => number = Date.now): Rule {
  const refusals = (context: RuleContext): Refusal[] => {
    const found: Refusal[] = []
    const accepted: KeyChange[] = []
    for (const change of context.impactChanges) {
      const problem = safely(() => keyProblem(context, change, now()))
      if (problem) found.push({ map: 'impact', key: change.key, reason: problem })
      else accepted.push(change)
    }
    if (accepted.length === 0) return found
    const board = boardAfter(context, schema, found)
    for (const { key, after } of accepted) {
      const problem = safely(() => impactBoardProblem(key, after, board))
      if (problem) found.push({ map: 'impact', key, reason: `impact: ${problem}` })
    }
    return found
  }
  return { name: 'impact', check: (context) => refusals(context)[0] ?? null, checkAll: refusals }
}

function keyProblem(context: RuleContext, change: KeyChange, now: number): string | null {
  const { key, action, before, after } = change
  const name = shortKey(key, 48)
  const parsed = parseImpactKey(key)
  if (!parsed) return `impact.${name} is not an impact key`
  if (!canWriteImpactKey(context.role, key, before !== undefined)) {
    if (parsed.kind === 'measurement') {
      return action === 'delete'
        ? 'a measurement is never deleted; add a correction instead'
        : 'a measurement is never changed; add a correction instead'
    }
    return `impact.${name} is for the facilitator only`
  }
  return impactValueProblem(key, after, { now })
}

/**
 * The board the values are judged against: action cards after the update (migrated to the
 * server's schema when the doc still holds an older one) and the impact map after it, with
 * the keys refused so far back at their values before the update.
 */
function boardAfter(context: RuleContext, schema: TLSchema, refused: Refusal[]): ImpactBoard {
  const putBack = new Map(
    refused.map((r) => [r.key!, context.impactChanges.find((c) => c.key === r.key)!.before]),
  )
  const entries = function* (): Generator<[string, unknown]> {
    for (const [key, value] of context.impact.entries()) if (!putBack.has(key)) yield [key, value]
    for (const [key, value] of putBack) if (value !== undefined) yield [key, value]
  }
  const cache = new Map<string, readonly Indicator[] | undefined>()
  return {
    impact: readImpact(entries()),
    indicatorsOf(actionId) {
      if (!cache.has(actionId)) cache.set(actionId, indicatorsOf(context, schema, actionId))
      return cache.get(actionId)
    },
  }
}

function indicatorsOf(
  context: RuleContext,
  schema: TLSchema,
  actionId: string,
): readonly Indicator[] | undefined {
  const record = context.records.get(actionId) as TLRecord | undefined
  if (!record || record.typeName !== 'shape' || record.type !== ACTION_SHAPE) return undefined
  let props = record.props as { indicators?: unknown }
  if (!Array.isArray(props.indicators)) {
    const migrated = migrateRecord(schema, record, context.docSchema)
    props = migrated.ok ? ((migrated.record as typeof record).props as typeof props) : {}
  }
  return Array.isArray(props.indicators) ? (props.indicators as Indicator[]) : []
}

/** A check that throws (absurdly deep nesting: a RangeError) is a refusal too. */
function safely(problem: () => string | null): string | null {
  try {
    return problem()
  } catch (error) {
    return `impact value could not be checked (${error instanceof Error ? error.message : 'error'})`
  }
}

// [1] A measurement is what someone counted on a day; the table's history over several years
//     is the point of measuring (issue 12). A typo is corrected by a new measurement with
//     `corrects`; the first stays visible. Restoring a version keeps them too
//     (server/src/versions/restoreChange.ts).
