import { IMPACT_ID, indicatorListValidator, newIndicator } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import { newIndicatorId } from './indicatorId'

describe('a new indicator id', () => {
  it('never takes the id of a removed indicator, so it does not inherit its measurements', () => {
    // i2 was removed; its measurements stay in the impact map under `i2`.
    const left = ['i1']
    const ids = Array.from({ length: 200 }, () => newIndicatorId(left))
    expect(ids).not.toContain('i2')
    expect(ids.filter((id) => /^i\d+$/.test(id))).toEqual([])
  })

  it('differs for two people adding one at the same moment', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newIndicatorId(['i1'])))
    expect(ids.size).toBe(1000)
  })

  it('keeps to the shared indicator id rule', () => {
    const id = newIndicatorId()
    expect(id).toMatch(IMPACT_ID)
    expect(id.length).toBeLessThanOrEqual(40)
    expect(() =>
      indicatorListValidator.validate([newIndicator('i1'), newIndicator(id)]),
    ).not.toThrow()
  })
})
