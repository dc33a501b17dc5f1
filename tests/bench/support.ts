import type { CreateBoardRequest, CreateBoardResponse } from '@wijktafel/shared'

export async function createBoard(
  baseUrl: string,
  title: string,
  options: Omit<CreateBoardRequest, 'title'> | Record<string, never> = {},
): Promise<CreateBoardResponse> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, ...options }),
  })
  if (res.status !== 201)
    throw new Error(`creating a board failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as CreateBoardResponse
}

/** Nearest-rank percentile of a sample. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((x, y) => x - y)
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export function median(values: number[]): number {
  return percentile(values, 50)
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** A number from the environment, or the default: the benchmarks' size knobs. */
export function knob(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number >= 0`)
  return value
}

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '-')
/** Microseconds, whole. */
export const us = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '-')

/**
 * A server's CPU time per update it delivered, µs: independent of how busy the clients
 * (which share the machine) were, unlike latency.
 */
export function cpuPerDelivery(cpuMicros: number, deliveries: number): number {
  return deliveries > 0 ? cpuMicros / deliveries : Number.NaN
}
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
export const kb = (bytes: number) => (bytes / 1024).toFixed(1)
/** A share of one CPU core as a percentage. */
export const pct = (share: number) => (Number.isFinite(share) ? `${Math.round(share * 100)}%` : '-')
export const ratio = (value: number, base: number) =>
  Number.isFinite(value / base) ? `${(value / base).toFixed(2)}x` : '-'

/** Prints a Markdown table: numbers are right-aligned, the first column left-aligned. */
export function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`
  console.log(`\n${title}`)
  console.log(line(header))
  console.log(
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  )
  for (const row of rows) console.log(line(row))
}

/** Rotates the order of the servers each round, so no server always goes first. */
export function rotated<T>(items: readonly T[], round: number): T[] {
  const k = round % items.length
  return [...items.slice(k), ...items.slice(0, k)]
}
