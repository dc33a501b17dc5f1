import { describe, expect, it } from 'vitest'
import { chartLayout } from './chart'

describe('the measurement chart', () => {
  const box = { width: 320, height: 96, pad: 8 }

  it('puts each dated measurement at its day and value, the step line holding each value until the next', () => {
    const chart = chartLayout(
      {
        points: [
          { date: '2026-01-01', value: 0 },
          { date: '2026-01-11', value: 10 },
          { date: '2026-01-31', value: 5 },
        ],
        baseline: 0,
        target: 20,
      },
      box,
    )
    // 30 days over 304 px: the 10th day at a third.
    expect(chart.points.map((p) => p.x)).toEqual([8, 109.3, 312])
    // 0..20 over 80 px, top is 20.
    expect(chart.points.map((p) => p.y)).toEqual([88, 48, 68])
    expect(chart.path).toBe('M8 88 H109.3 V48 H312 V68')
    expect(chart.baselineY).toBe(88)
    expect(chart.targetY).toBe(8)
    expect(chart.points.map((p) => p.date)).toEqual(['2026-01-01', '2026-01-11', '2026-01-31'])
  })

  it('counts down when the target is below the baseline, and draws the range of all three', () => {
    const chart = chartLayout(
      { points: [{ date: '2026-03-01', value: 30 }], baseline: 40, target: 10 },
      box,
    )
    expect(chart.min).toBe(10)
    expect(chart.max).toBe(40)
    // One measurement: in the middle, a third of the way down from the baseline.
    expect(chart.points[0]).toMatchObject({ x: 160, y: 34.7 })
    expect(chart.baselineY).toBe(8)
    expect(chart.targetY).toBe(88)
    expect(chart.path).toBe('M160 34.7')
  })

  it('has no points and no line without measurements, and no target line without a target', () => {
    const chart = chartLayout({ points: [], baseline: 5, target: null }, box)
    expect(chart.points).toEqual([])
    expect(chart.path).toBe('')
    expect(chart.targetY).toBeNull()
    expect(chart.baselineY).toBe(48)
  })
})
