/**
 * The small measurement chart of an indicator, as numbers: where each dated measurement sits
 * in a box of `width` × `height`, a step line through them (a value holds until the next is
 * measured [1]), and the heights of the baseline and target lines. Drawn as SVG by
 * StepChart.tsx in the overview and by the infographic; pure, so it is tested without a
 * browser.
 */
export interface ChartInput {
  points: readonly { date: string; value: number }[]
  baseline: number | null
  target: number | null
}

export interface ChartPoint {
  x: number
  y: number
  date: string
  value: number
}

export interface Chart {
  points: ChartPoint[]
  /** SVG path data of the step line; '' without points. */
  path: string
  /** y of the baseline and the target, null when not set. */
  baselineY: number | null
  targetY: number | null
  /** The value range drawn, bottom to top. */
  min: number
  max: number
}

const DAY = 86_400_000

export function chartLayout(
  input: ChartInput,
  box: { width: number; height: number; pad?: number },
): Chart {
  const pad = box.pad ?? 6
  const values = input.points.map((p) => p.value)
  const marks = [input.baseline, input.target].filter((v): v is number => v !== null)
  const all = [...values, ...marks]
  let min = all.length ? Math.min(...all) : 0
  let max = all.length ? Math.max(...all) : 1
  if (max === min) {
    min -= 1
    max += 1
  }
  const days = input.points.map((p) => Date.parse(`${p.date}T00:00:00Z`) / DAY)
  const first = days.length ? Math.min(...days) : 0
  const last = days.length ? Math.max(...days) : 0
  const span = last - first
  const x = (day: number) =>
    span === 0 ? box.width / 2 : pad + ((day - first) / span) * (box.width - 2 * pad)
  const y = (value: number) => pad + ((max - value) / (max - min)) * (box.height - 2 * pad)
  const points = input.points.map((p, i) => ({
    x: round(x(days[i]!)),
    y: round(y(p.value)),
    date: p.date,
    value: p.value,
  }))
  let path = ''
  points.forEach((p, i) => {
    if (i === 0) path = `M${p.x} ${p.y}`
    else path += ` H${p.x} V${p.y}`
  })
  return {
    points,
    path,
    baselineY: input.baseline === null ? null : round(y(input.baseline)),
    targetY: input.target === null ? null : round(y(input.target)),
    min,
    max,
  }
}

function round(n: number) {
  return Math.round(n * 10) / 10
}

// [1] A count (trees planted, households with a package) stays what it was until it is
//     counted again; a sloped line would suggest measurements that were never taken.
