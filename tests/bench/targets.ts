/**
 * The targets of issue 14, collected from every scenario and printed once at the end of
 * `pnpm bench` as one table: each target with our figure, the reference figure, the ratio,
 * the limit and whether it was met. A scenario calls `recordTarget` for each target it
 * measures; run.ts calls `printTargets` last. Never fails on a number: it reports.
 */
import { printTable } from './support.js'

export interface TargetRow {
  /** What is measured, e.g. "latency p50, 2 clients, one room". */
  target: string
  /** Our figure with its unit, e.g. "2.4 ms". */
  ours: string
  /** The reference figure with its unit and what it is, e.g. "2.2 ms (stock)"; '-' for none. */
  reference: string
  /**
   * ours / reference (or ours / limit for absolute targets); null when there is none.
   * For budgets (bytes, seconds), the ratio to the budget.
   */
  ratio: number | null
  /** The limit as written in the issue, e.g. "≤ 1.1× stock" or "≤ 1.5 s". */
  limit: string
  /** Whether the limit was met; null when the scenario could not measure it. */
  met: boolean | null
}

const rows: TargetRow[] = []

export function recordTarget(row: TargetRow): void {
  rows.push(row)
}

/**
 * A target "at most 1.1× the stock server" (issue 14, group commit): our median against
 * stock's, from the same run. Not recorded when stock was not measured.
 */
export function recordVsStock(
  target: string,
  ours: number,
  stock: number,
  format: (value: number) => string,
  unit: string,
): void {
  if (!Number.isFinite(stock)) return
  const ratio = Number.isFinite(ours / stock) ? ours / stock : null
  recordTarget({
    target,
    ours: `${format(ours)} ${unit}`,
    reference: `${format(stock)} ${unit} (stock)`,
    ratio,
    limit: '≤ 1.1× stock',
    met: ratio === null ? null : ratio <= 1.1,
  })
}

export function recordedTargets(): readonly TargetRow[] {
  return rows
}

export function printTargets(machine: string): void {
  if (rows.length === 0) return
  printTable(
    `Targets (issue 14), ${machine}`,
    ['target', 'ours', 'reference', 'ratio', 'limit', 'met'],
    rows.map((r) => [
      r.target,
      r.ours,
      r.reference,
      r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`,
      r.limit,
      r.met === null ? 'not measured' : r.met ? 'met' : 'MISSED',
    ]),
  )
}
