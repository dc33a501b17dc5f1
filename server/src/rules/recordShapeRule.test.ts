import { describe, expect, it } from 'vitest'
import { byId, ruleContext } from '../../../tests/helpers/ruleContext.js'
import { documentRecord, geoShape, pageRecord } from '../../../tests/helpers/records.js'
import { createBoardSchema } from '../records/boardSchema.js'
import { recordShapeRule } from './recordShapeRule.js'

const rule = recordShapeRule(createBoardSchema())
const write = (key: string, value: unknown) =>
  rule.check(ruleContext({ records: { writes: { [key]: value } } }))?.reason ?? null

describe('recordShapeRule', () => {
  it('lets JSON records of document types through under their own id', () => {
    const records = byId(documentRecord(), pageRecord(), geoShape('dream'))
    expect(rule.check(ruleContext({ records: { writes: records } }))).toBeNull()
  })

  it.each([
    ['a number', 1],
    ['a string', 'Een groene wijk'],
    ['an array', [geoShape('dream')]],
    ['NaN inside', { ...geoShape('dream'), x: Number.NaN }],
    // lib0 decodes a `__proto__` key into the prototype.
    ['a __proto__ key', Object.setPrototypeOf(geoShape('dream'), { x: 1 })],
  ])('refuses %s as not a JSON object', (_what, value) => {
    expect(write('shape:dream', value)).toBe('invalid record shape:dream: not a JSON object')
  })

  it('refuses a record under another record’s key', () => {
    expect(write('shape:other', geoShape('dream'))).toBe(
      'invalid record shape:other: its id is "shape:dream"',
    )
    expect(write('shape:x', { ...geoShape('x'), id: 7 })).toBe(
      'invalid record shape:x: its id is number',
    )
  })

  it('refuses session records and unknown types', () => {
    expect(write('instance:instance', { id: 'instance:instance', typeName: 'instance' })).toBe(
      'invalid record instance:instance: type "instance" not allowed',
    )
    expect(write('card:1', { id: 'card:1', typeName: 'card' })).toBe(
      'invalid record card:1: type "card" not allowed',
    )
    expect(write('x:1', { id: 'x:1', typeName: 'toString' })).toBe(
      'invalid record x:1: type "toString" not allowed',
    )
  })

  it('refuses a record nested too deep to check', () => {
    let deep: unknown = {}
    for (let i = 0; i < 100_000; i++) deep = { deep }
    expect(write('shape:deep', deep)).toMatch(/^invalid record shape:deep: could not be checked/)
  })
})
