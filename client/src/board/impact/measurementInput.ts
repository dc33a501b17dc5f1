import { MAX_IMPACT_NUMBER, UNIT_RULES, type MessageKey, type UnitKind } from '@wijktafel/shared'

/**
 * A number as people type it on a phone: "12", "3,5" (Dutch decimal comma), "3.5", "-2",
 * with spaces around; null for anything else ("", "12a", and "1.000,5", which could be read
 * two ways).
 */
export function parseNumber(raw: string | number): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null
  const text = raw.trim().replace(/\s/g, '')
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/.test(text)) return null
  const n = Number(text.replace(',', '.'))
  return Number.isFinite(n) ? n : null
}

/**
 * Why a value does not fit its unit, in words for the person (a negative count, a
 * percentage over 100, a count with a comma), or null. The same rules as the server's
 * (UNIT_RULES, unitValueProblem in shared/src/impact/indicators.ts).
 */
export function unitProblem(unit: UnitKind, value: number): MessageKey | null {
  const rule = UNIT_RULES[unit]
  if (Math.abs(value) > MAX_IMPACT_NUMBER) return 'impact.problem.tooBig'
  if (unit === 'procent' && (value < 0 || value > 100)) return 'impact.problem.percent'
  if (rule.min !== null && value < rule.min) return 'impact.problem.negative'
  if (rule.max !== null && value > rule.max) return 'impact.problem.tooBig'
  if (rule.whole && !Number.isInteger(value)) return 'impact.problem.whole'
  return null
}

/** The local calendar day of a moment, `YYYY-MM-DD` (what "today" means to the person). */
export function dayOf(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
