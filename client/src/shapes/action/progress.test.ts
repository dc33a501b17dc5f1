import { describe, expect, it } from 'vitest'
import { goalProgress } from './progress'

describe('goalProgress', () => {
  it('is the share of the way from baseline to target that the latest measurement covers', () => {
    expect(goalProgress(0, 40, 10)).toBe(0.25)
    expect(goalProgress(10, 20, 20)).toBe(1)
  })

  it('works for a goal that goes down (less energy used)', () => {
    expect(goalProgress(100, 60, 80)).toBe(0.5)
  })

  it('stays between 0 and 1 when the measurement overshoots or goes backwards', () => {
    expect(goalProgress(0, 10, 15)).toBe(1)
    expect(goalProgress(0, 10, -5)).toBe(0)
  })

  it('cannot be said without all three numbers or with target equal to baseline', () => {
    expect(goalProgress(null, 10, 5)).toBeNull()
    expect(goalProgress(0, null, 5)).toBeNull()
    expect(goalProgress(0, 10, null)).toBeNull()
    expect(goalProgress(5, 5, 5)).toBeNull()
  })
})
