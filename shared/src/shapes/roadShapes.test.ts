import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { ROAD_ACTION_SHAPE, ROAD_SHAPE } from './roadShapes.js'
import { validateWijktafelRecord } from './validateWijktafelRecord.js'
import { createWijktafelSchema, getWijktafelDefaultProps } from './wijktafelSchema.js'

const schema = createWijktafelSchema()

function shape(type: string, props: object): TLRecord {
  return {
    id: 'shape:test',
    typeName: 'shape',
    type,
    parentId: 'page:page',
    index: 'a1',
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props,
  } as unknown as TLRecord
}

const road = (props: object) =>
  validateWijktafelRecord(
    schema,
    shape(ROAD_SHAPE, { ...getWijktafelDefaultProps(ROAD_SHAPE), ...props }),
  )
const ref = (props: object) =>
  validateWijktafelRecord(
    schema,
    shape(ROAD_ACTION_SHAPE, { ...getWijktafelDefaultProps(ROAD_ACTION_SHAPE), ...props }),
  )

describe('the road shapes in the shared schema', () => {
  it('accepts a road with real start and end dates and a title', () => {
    expect(road({ start: '2026-11-28', end: '2031-11-28', title: 'De weg' })).toEqual({ ok: true })
  })

  it.each([
    ['an empty start', { start: '' }, 'start'],
    ['a day that does not exist', { end: '2027-02-30' }, 'end'],
    ['a width past the limit', { w: 4001 }, 'w'],
    ['a title of 201 characters', { title: 'x'.repeat(201) }, 'title'],
  ])('refuses a road with %s', (_what, props, prop) => {
    const check = road(props)
    expect(check.ok).toBe(false)
    expect(JSON.stringify(check)).toContain(prop)
  })

  it('accepts a reference to a shape id and nothing else: no copy of the action', () => {
    expect(ref({ actionId: 'shape:abc' })).toEqual({ ok: true })
    expect(ref({ actionId: 'abc' }).ok).toBe(false)
    expect(ref({ actionId: 'shape:' }).ok).toBe(false)
    expect(ref({ what: 'a copied text' }).ok).toBe(false)
  })

  it('keeps a milestone card like every card: text, horizon, due', () => {
    const milestone = getWijktafelDefaultProps('wt-milestone')
    expect(milestone).toMatchObject({ text: '', horizon: 'kort', due: '' })
    const ok = shape('wt-milestone', { ...milestone, horizon: 'lang', due: '2031-11-28' })
    expect(validateWijktafelRecord(schema, ok)).toEqual({ ok: true })
    const bad = shape('wt-milestone', { ...milestone, horizon: '' })
    expect(validateWijktafelRecord(schema, bad).ok).toBe(false)
  })
})
