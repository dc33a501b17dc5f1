import { describe, expect, it } from 'vitest'
import { byId, ruleContext } from '../../../tests/helpers/ruleContext.js'
import { boardBasics, geoShape, pageRecord } from '../../../tests/helpers/records.js'
import { documentInvariantsRule } from './documentInvariantsRule.js'

const board = byId(...boardBasics(), geoShape('dream'))
const check = (update: { writes?: Record<string, unknown>; deletes?: string[] }, before = board) =>
  documentInvariantsRule.check(ruleContext({ records: { before, ...update } }))

describe('documentInvariantsRule', () => {
  it('refuses deleting the document record', () => {
    expect(check({ deletes: ['document:document'] })).toEqual({
      key: 'document:document',
      reason: 'cannot delete document:document',
    })
  })

  it('refuses deleting the last page', () => {
    expect(check({ deletes: ['page:page'] })).toEqual({
      key: 'page:page',
      reason: 'cannot delete the last page page:page',
    })
  })

  it('allows deleting shapes and all but the last page', () => {
    expect(check({ deletes: ['shape:dream'] })).toBeNull()
    const twoPages = { ...board, ...byId(pageRecord('page:two', 'Pagina 2')) }
    expect(check({ deletes: ['page:page'] }, twoPages)).toBeNull()
    expect(check({ deletes: ['page:page', 'page:two'] }, twoPages)?.reason).toBe(
      'cannot delete the last page page:two',
    )
  })

  it('allows replacing the last page with another in one update', () => {
    expect(check({ writes: byId(pageRecord('page:new')), deletes: ['page:page'] })).toBeNull()
  })
})
