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

  it('puts a last page back with the shapes and bindings the same update deleted on it', () => {
    const child = { ...geoShape('child'), parentId: 'shape:dream' }
    const elsewhere = { ...geoShape('elsewhere'), parentId: 'page:gone' }
    const binding = {
      id: 'binding:arrow',
      typeName: 'binding',
      type: 'arrow',
      fromId: 'shape:arrow',
      toId: 'shape:child',
      props: {},
      meta: {},
    }
    const before = { ...board, ...byId(child, elsewhere, binding) }
    const deletes = ['shape:dream', 'shape:child', 'binding:arrow', 'page:page']
    const all = documentInvariantsRule.checkAll!(ruleContext({ records: { before, deletes } }))
    expect(all.map((r) => r.key).sort()).toEqual(deletes.sort())
    expect(new Set(all.map((r) => r.reason))).toEqual(
      new Set(['cannot delete the last page page:page']),
    )
  })
})
