/**
 * The METRICS_TOKEN of every server the tests start (testContext, serverProcess): /metrics
 * is off without one.
 */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789'

/** Reads `GET /metrics` into `name{labels}` -> value, e.g. `wijktafel_rooms` or `wijktafel_refused_messages_total{reason="malformed"}`. */
export async function readMetrics(url: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/metrics`, {
    headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
  })
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`)
  return parseMetrics(await res.text())
}

export function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    const space = line.lastIndexOf(' ')
    samples.set(line.slice(0, space), Number(line.slice(space + 1)))
  }
  return samples
}

/** The sum of every sample of `name`, whatever its labels. */
export function sumOf(samples: Map<string, number>, name: string): number {
  let sum = 0
  for (const [key, value] of samples) {
    if (key === name || key.startsWith(`${name}{`)) sum += value
  }
  return sum
}
