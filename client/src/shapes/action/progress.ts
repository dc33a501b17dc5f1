/**
 * How far an action's measurable goal is, from its baseline (0) to its target (1), by the
 * latest measurement; null when that cannot be said (a value missing, or target = baseline).
 * Works for goals that go down as well as up.
 */
export function goalProgress(
  baseline: number | null,
  target: number | null,
  latest: number | null,
): number | null {
  if (baseline === null || target === null || latest === null) return null
  if (target === baseline) return null
  const p = (latest - baseline) / (target - baseline)
  return Math.min(1, Math.max(0, p))
}
