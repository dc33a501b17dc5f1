import { describe, expect, it } from 'vitest'
import { ruleContext } from '../../../tests/helpers/ruleContext.js'
import { recordRule } from './recordRule.js'

describe('recordRule', () => {
  const noRed = recordRule('no red', (_key, value) =>
    (value as { color?: string }).color === 'red' ? 'is red' : null,
  )

  it('judges each written record by its value after the update', () => {
    const context = ruleContext({
      records: {
        before: { 'shape:a': { color: 'red' } },
        writes: { 'shape:a': { color: 'blue' } },
      },
    })
    expect(noRed.check(context)).toBeNull()
  })

  it('names the record it refuses and carries its key', () => {
    const context = ruleContext({
      records: { writes: { 'shape:a': { color: 'blue' }, 'shape:b': { color: 'red' } } },
    })
    expect(noRed.check(context)).toEqual({
      key: 'shape:b',
      reason: 'invalid record shape:b: is red',
    })
  })

  it('finds every refused record in one pass', () => {
    const context = ruleContext({
      records: {
        writes: {
          'shape:a': { color: 'red' },
          'shape:b': { color: 'blue' },
          'shape:c': { color: 'red' },
        },
      },
    })
    expect(noRed.checkAll!(context)).toEqual([
      { key: 'shape:a', reason: 'invalid record shape:a: is red' },
      { key: 'shape:c', reason: 'invalid record shape:c: is red' },
    ])
  })

  it('leaves deletes alone', () => {
    const context = ruleContext({
      records: { before: { 'shape:a': { color: 'red' } }, deletes: ['shape:a'] },
    })
    expect(noRed.check(context)).toBeNull()
  })

  it('turns a judge that throws into a refusal of that record', () => {
    const throws = recordRule('throws', () => {
      throw new RangeError('Maximum call stack size exceeded')
    })
    expect(throws.check(ruleContext({ records: { writes: { 'shape:a': {} } } }))).toEqual({
      key: 'shape:a',
      reason: 'invalid record shape:a: could not be checked (Maximum call stack size exceeded)',
    })
  })
})
