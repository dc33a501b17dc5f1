import { CloseCode } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import { ruleContext } from '../../../tests/helpers/ruleContext.js'
import { boardSizeRule } from './boardSizeRule.js'

const rule = boardSizeRule(1000)
const notMeasured = () => {
  throw new Error('measured the board although the stored bytes fit')
}

describe('boardSizeRule', () => {
  it('measures nothing while the stored bytes, with the update, fit the limit', () => {
    const size = { storedBytes: 1000, after: notMeasured, before: notMeasured }
    expect(rule.check(ruleContext({ size }))).toBeNull()
  })

  it('lets an update through when the stored bytes are past the limit but the board is not', () => {
    expect(rule.check(ruleContext({ size: { storedBytes: 5000, after: () => 900 } }))).toBeNull()
  })

  it('refuses with 4413 an update that grows the board past the limit', () => {
    const size = { storedBytes: 5000, after: () => 1001, before: () => 990 }
    expect(rule.check(ruleContext({ size }))).toEqual({
      reason: 'board too large (limit 1000 bytes)',
      code: CloseCode.TOO_LARGE,
    })
  })

  it('lets a board that is already too large shrink, or stay as large', () => {
    const shrinks = { storedBytes: 5000, after: () => 1500, before: () => 1600 }
    expect(rule.check(ruleContext({ size: shrinks }))).toBeNull()
    const same = { storedBytes: 5000, after: () => 1500, before: () => 1500 }
    expect(rule.check(ruleContext({ size: same }))).toBeNull()
  })
})
