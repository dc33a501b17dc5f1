import type { CreateBoardResponse } from '@wijktafel/shared'

export async function createBoard(baseUrl: string, title: string): Promise<CreateBoardResponse> {
  const res = await fetch(`${baseUrl}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
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
