import { describe, expect, it } from 'vitest'
import { ruleContext } from '../../../tests/helpers/ruleContext.js'
import { createBoardSchema } from '../records/boardSchema.js'
import { metaRule } from './metaRule.js'

const schema = createBoardSchema()
const rule = metaRule(schema)
const ours = schema.serialize()

describe('metaRule', () => {
  it('lets a writer set the first schema and raise it later', () => {
    expect(rule.check(ruleContext({ meta: { writes: { schema: ours } } }))).toBeNull()
    const older = { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.geo': 11 } }
    expect(
      rule.check(ruleContext({ meta: { before: { schema: older }, writes: { schema: ours } } })),
    ).toBeNull()
  })

  it('refuses any meta key but schema, naming the key so only it is put back', () => {
    expect(rule.check(ruleContext({ meta: { writes: { owner: 'mallory' } } }))).toEqual({
      map: 'meta',
      key: 'owner',
      reason: 'meta.owner is not allowed',
    })
  })

  it('finds every refused meta key at once', () => {
    const context = ruleContext({
      meta: { writes: { owner: 'mallory', schema: ours, colour: 'red' } },
    })
    expect(rule.checkAll!(context)).toEqual([
      { map: 'meta', key: 'owner', reason: 'meta.owner is not allowed' },
      { map: 'meta', key: 'colour', reason: 'meta.colour is not allowed' },
    ])
  })

  it('refuses what the schema check refuses, saying so after "meta.schema"', () => {
    const deleted = ruleContext({ meta: { before: { schema: ours }, deletes: ['schema'] } })
    expect(rule.check(deleted)).toEqual({
      map: 'meta',
      key: 'schema',
      reason: 'meta.schema cannot be deleted',
    })
    const lowered = { ...ours, sequences: { ...ours.sequences, 'com.tldraw.shape.geo': 3 } }
    const lowering = ruleContext({
      meta: { before: { schema: ours }, writes: { schema: lowered } },
    })
    expect(rule.check(lowering)).toEqual({
      map: 'meta',
      key: 'schema',
      reason: 'meta.schema lowers com.tldraw.shape.geo',
    })
  })
})
