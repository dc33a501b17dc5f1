import { describe, expect, it } from 'vitest'
import { ruleContext } from '../../../tests/helpers/ruleContext.js'
import { structureRule } from './structureRule.js'

const check = (roots: { name: string | null; listContent: boolean }[]) =>
  structureRule.check(ruleContext({ roots }))

describe('structureRule', () => {
  it('lets an update write the records, meta and meeting maps', () => {
    expect(
      check([
        { name: 'records', listContent: false },
        { name: 'meta', listContent: false },
        { name: 'meeting', listContent: false },
      ]),
    ).toBeNull()
  })

  it('refuses list content hidden inside the meeting map', () => {
    expect(check([{ name: 'meeting', listContent: true }])?.reason).toBe('meeting is not a list')
  })

  it('refuses a write to another root type, naming it', () => {
    expect(check([{ name: 'notes', listContent: false }])).toEqual({
      reason: 'only records, meta, meeting and impact may be written, not notes',
    })
  })

  it('shortens a long root name', () => {
    const refusal = check([{ name: 'x'.repeat(200), listContent: false }])
    expect(refusal?.reason).toBe(
      `only records, meta, meeting and impact may be written, not ${'x'.repeat(21)}…`,
    )
  })

  it('refuses a write into a type nested in another', () => {
    expect(check([{ name: null, listContent: false }])?.reason).toBe(
      'only records, meta, meeting and impact may be written, not a nested type',
    )
  })

  it('refuses list content hidden inside the records map', () => {
    expect(check([{ name: 'records', listContent: true }])?.reason).toBe('records is not a list')
  })

  it('reports the first problem in the order Yjs saw them', () => {
    const roots = [
      { name: 'meta', listContent: true },
      { name: 'notes', listContent: false },
    ]
    expect(check(roots)?.reason).toBe('meta is not a list')
  })
})
