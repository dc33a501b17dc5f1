import { T } from '@tldraw/validate'
import {
  MAX_IMPACT_NUMBER,
  MAX_INDICATOR_TEXT,
  MAX_INDICATORS,
  MAX_UNIT_LABEL,
  UNIT_KINDS,
  UNIT_RULES,
  type Indicator,
  type UnitKind,
} from './impact.js'

/** An indicator's or measurement's id: letters, digits, `_` and `-`, 1 to 40 characters. */
export const IMPACT_ID = /^[A-Za-z0-9_-]{1,40}$/

const fail = (message: string): never => {
  throw new T.ValidationError(message)
}

/**
 * Why `value` cannot be a value in `unit`, or null when it can: finite, within the unit's
 * bounds, whole where the unit counts [1].
 */
export function unitValueProblem(unit: UnitKind, value: number): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'is not a number'
  if (Math.abs(value) > MAX_IMPACT_NUMBER) return `is beyond ${MAX_IMPACT_NUMBER}`
  const rule = UNIT_RULES[unit]
  if (rule.min !== null && value < rule.min) return `is below ${rule.min} (${unit})`
  if (rule.max !== null && value > rule.max) return `is above ${rule.max} (${unit})`
  if (rule.whole && !Number.isInteger(value)) return `is not a whole number (${unit})`
  return null
}

const text = (max: number) =>
  T.string.check((s) => {
    if (s.length > max) fail(`Expected at most ${max} characters, got ${s.length}`)
  })

const impactNumber = T.nullable(T.number)

const indicatorValidator: T.Validatable<Indicator> = T.object({
  id: T.string.check((s) => {
    if (!IMPACT_ID.test(s)) fail(`Expected an indicator id of 1 to 40 letters or digits`)
  }),
  what: text(MAX_INDICATOR_TEXT),
  unit: T.literalEnum(...UNIT_KINDS),
  unitLabel: text(MAX_UNIT_LABEL),
  baseline: impactNumber,
  target: impactNumber,
  measuredBy: text(MAX_INDICATOR_TEXT),
  euroPerUnit: impactNumber,
  undatedLatest: impactNumber,
}).check((indicator) => {
  for (const name of ['baseline', 'target', 'undatedLatest'] as const) {
    const value = indicator[name]
    if (value === null) continue
    const problem = unitValueProblem(indicator.unit, value)
    if (problem) fail(`${name} ${problem}`)
  }
  const euro = indicator.euroPerUnit
  if (euro !== null && Math.abs(euro) > MAX_IMPACT_NUMBER) fail('euroPerUnit is too large')
})

/** An action's indicators: at most 10, each id once, every number finite and fitting its unit. */
export const indicatorListValidator: T.Validatable<Indicator[]> = T.arrayOf(
  indicatorValidator,
).check((list) => {
  if (list.length > MAX_INDICATORS) {
    fail(`Expected at most ${MAX_INDICATORS} indicators, got ${list.length}`)
  }
  const ids = new Set<string>()
  for (const indicator of list) {
    if (ids.has(indicator.id)) fail(`Expected unique indicator ids, got '${indicator.id}' twice`)
    ids.add(indicator.id)
  }
})

/** A new, empty indicator (residents measure, counted in numbers). */
export function newIndicator(id: string): Indicator {
  return {
    id,
    what: '',
    unit: 'aantal',
    unitLabel: '',
    baseline: null,
    target: null,
    measuredBy: 'bewoners',
    euroPerUnit: null,
    undatedLatest: null,
  }
}

// [1] The rules per unit are UNIT_RULES in impact.ts; the same check serves an indicator's
//     numbers (the card validator) and a measurement's value (the server's impact rule).
