import { toRichText, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { newIndicator } from '../impact/indicators.js'
import { isExchangeArrow } from './exchangeArrow.js'
import {
  createWijktafelSchema,
  getWijktafelDefaultProps,
  WIJKTAFEL_SHAPES,
  type WijktafelShapeType,
} from './wijktafelSchema.js'
import { validateWijktafelRecord } from './validateWijktafelRecord.js'

const schema = createWijktafelSchema()
const TYPES = Object.keys(WIJKTAFEL_SHAPES) as WijktafelShapeType[]

function shape(type: string, props: object, extra: Partial<TLShape> = {}): TLRecord {
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
    ...extra,
  } as unknown as TLRecord
}

const withProp = (type: WijktafelShapeType, prop: string, value: unknown) =>
  shape(type, { ...getWijktafelDefaultProps(type), [prop]: value })

function check(record: unknown) {
  return validateWijktafelRecord(schema, record)
}

// Every text prop with its limit, so each is tested at and past it.
const LONG_TEXT = 1000
const SHORT_TEXT = 200
const TEXT_PROPS: [WijktafelShapeType, string, number][] = [
  ['wt-dream', 'text', LONG_TEXT],
  ['wt-assignment', 'text', LONG_TEXT],
  ['wt-participant', 'name', SHORT_TEXT],
  ['wt-participant', 'organisation', SHORT_TEXT],
  ['wt-interest', 'text', LONG_TEXT],
  ['wt-shared-interest', 'text', LONG_TEXT],
  ['wt-role', 'partner', SHORT_TEXT],
  ['wt-decision', 'what', LONG_TEXT],
  ['wt-decision', 'who', SHORT_TEXT],
  ['wt-expectation', 'text', LONG_TEXT],
  ['wt-communication', 'channel', SHORT_TEXT],
  ['wt-communication', 'frequency', SHORT_TEXT],
  ['wt-communication', 'contact', SHORT_TEXT],
  ['wt-communication', 'language', SHORT_TEXT],
  ['wt-rule', 'text', LONG_TEXT],
  ['wt-action', 'what', LONG_TEXT],
  ['wt-bottleneck', 'text', LONG_TEXT],
  ['wt-bottleneck', 'whoCanRemove', SHORT_TEXT],
  ['wt-lesson', 'text', LONG_TEXT],
  ['wt-zone', 'title', SHORT_TEXT],
]

const ENUM_PROPS: [WijktafelShapeType, string, string][] = [
  ['wt-participant', 'kind', 'bewoner'],
  ['wt-participant', 'level', 'organisatie'],
  ['wt-interest', 'category', 'halen'],
  ['wt-role', 'role', 'trekker'],
  ['wt-decision', 'rule', 'consent'],
  ['wt-action', 'status', 'idee'],
  ['wt-zone', 'kind', 'lane'],
  ['wt-zone', 'section', 'decisions'],
  ['wt-legend', 'map', 'partnerschapskaart'],
]

const REF_PROPS: [WijktafelShapeType, string][] = [
  ['wt-interest', 'participantId'],
  ['wt-role', 'participantId'],
  ['wt-expectation', 'fromId'],
  ['wt-expectation', 'toId'],
  ['wt-action', 'ownerId'],
  ['wt-zone', 'participantId'],
]

describe('card validators', () => {
  it.each(TYPES)('%s accepts its default props', (type) => {
    expect(check(shape(type, getWijktafelDefaultProps(type)))).toEqual({ ok: true })
  })

  it.each(TYPES)('%s refuses a size of 0, a negative size and one above 4000', (type) => {
    expect(check(withProp(type, 'w', -10))).toEqual({
      ok: false,
      error: `At shape(type = ${type}).props.w: Expected a size above 0, got -10`,
    })
    expect(check(withProp(type, 'h', 0))).toMatchObject({ ok: false, error: /props\.h: .*above 0/ })
    expect(check(withProp(type, 'w', 4001))).toMatchObject({ ok: false, error: /at most 4000/ })
    expect(check(withProp(type, 'w', Number.NaN))).toMatchObject({ ok: false, error: /NaN/ })
  })

  it.each(TYPES)('%s refuses an extra prop and a missing one', (type) => {
    expect(check(withProp(type, 'colour', 'red'))).toEqual({
      ok: false,
      error: `At shape(type = ${type}).props.colour: Unexpected property`,
    })
    const { h: _, ...missing } = getWijktafelDefaultProps(type)
    expect(check(shape(type, missing))).toEqual({
      ok: false,
      error: `At shape(type = ${type}).props.h: Expected number, got undefined`,
    })
  })

  it.each(TEXT_PROPS)('%s.%s takes up to %i characters and not one more', (type, prop, max) => {
    expect(check(withProp(type, prop, 'x'.repeat(max)))).toEqual({ ok: true })
    expect(check(withProp(type, prop, 'x'.repeat(max + 1)))).toEqual({
      ok: false,
      error: `At shape(type = ${type}).props.${prop}: Expected at most ${max} characters, got ${max + 1}`,
    })
    expect(check(withProp(type, prop, 42))).toMatchObject({ ok: false, error: /Expected string/ })
  })

  it.each(ENUM_PROPS)('%s.%s takes its ids and refuses others', (type, prop, valid) => {
    expect(check(withProp(type, prop, valid))).toEqual({ ok: true })
    const refused = check(withProp(type, prop, 'burgemeester'))
    expect(refused).toMatchObject({ ok: false })
    expect(!refused.ok && refused.error).toMatch(
      new RegExp(
        `^At shape\\(type = ${type}\\)\\.props\\.${prop}: Expected .*"${valid}".*got burgemeester$`,
      ),
    )
  })

  it.each(REF_PROPS)('%s.%s takes a participant shape id or null', (type, prop) => {
    expect(check(withProp(type, prop, 'shape:p1'))).toEqual({ ok: true })
    expect(check(withProp(type, prop, null))).toEqual({ ok: true })
    expect(check(withProp(type, prop, 'p1'))).toMatchObject({
      ok: false,
      error: /Expected a participant shape id \('shape:\.\.\.'\), got 'p1'/,
    })
    expect(check(withProp(type, prop, 'shape:'))).toMatchObject({ ok: false })
  })

  it.each([
    ['wt-shared-interest', 'participantIds'],
    ['wt-rule', 'agreedBy'],
  ] as const)('%s.%s holds up to 50 unique participant ids', (type, prop) => {
    const ids = Array.from({ length: 50 }, (_, i) => `shape:p${i}`)
    expect(check(withProp(type, prop, ids))).toEqual({ ok: true })
    expect(check(withProp(type, prop, [...ids, 'shape:p50']))).toMatchObject({
      ok: false,
      error: /Expected at most 50 items, got 51/,
    })
    expect(check(withProp(type, prop, ['shape:a', 'shape:a']))).toMatchObject({
      ok: false,
      error: /Expected unique items, got 'shape:a' twice/,
    })
    expect(check(withProp(type, prop, ['p1']))).toMatchObject({
      ok: false,
      error: /props\.\w+\.0:/,
    })
  })

  it.each([
    ['wt-dream', 'horizonYears'],
    ['wt-assignment', 'horizonYears'],
  ] as const)('%s.%s is a whole number of years from 1 to 50', (type, prop) => {
    for (const good of [1, 5, 50]) expect(check(withProp(type, prop, good))).toEqual({ ok: true })
    for (const bad of [0, 51, 2.5, -1]) {
      expect(check(withProp(type, prop, bad)), String(bad)).toMatchObject({ ok: false })
    }
  })

  it.each([
    ['wt-action', 'due'],
    ['wt-lesson', 'date'],
  ] as const)('%s.%s is a real date as YYYY-MM-DD, or empty', (type, prop) => {
    for (const good of ['', '2026-10-14', '2028-02-29']) {
      expect(check(withProp(type, prop, good)), good).toEqual({ ok: true })
    }
    for (const bad of ['2026-02-30', '14-10-2026', '2026-1-4', 'morgen', '2026-10-14T00:00']) {
      expect(check(withProp(type, prop, bad)), bad).toMatchObject({
        ok: false,
        error: /Expected a date as YYYY-MM-DD or ''/,
      })
    }
  })

  it('keeps an action measurable: unique kinds of value, indicators that fit their unit', () => {
    expect(check(withProp('wt-action', 'values', ['sociaal', 'welzijn']))).toEqual({ ok: true })
    expect(check(withProp('wt-action', 'values', ['sociaal', 'sociaal']))).toMatchObject({
      ok: false,
    })
    expect(check(withProp('wt-action', 'values', ['cultureel']))).toMatchObject({ ok: false })
    const trees = { ...newIndicator('bomen'), what: 'Bomen geplant', baseline: 0, target: 20 }
    expect(check(withProp('wt-action', 'indicators', [trees]))).toEqual({ ok: true })
    const bad = [
      [{ ...trees, target: '20' }],
      [{ ...trees, undatedLatest: Number.POSITIVE_INFINITY }],
      [{ ...trees, baseline: -1 }],
      [{ ...trees, target: 2.5 }],
      [{ ...trees, unit: 'procent', target: 120 }],
      [{ ...trees, what: 'x'.repeat(201) }],
      [trees, trees],
      Array.from({ length: 11 }, (_, i) => ({ ...trees, id: `i${i}` })),
      [{ ...trees, id: 'no spaces' }],
      [{ ...trees, extra: 1 }],
    ]
    for (const indicators of bad) {
      expect(check(withProp('wt-action', 'indicators', indicators))).toMatchObject({ ok: false })
    }
    expect(check(withProp('wt-action', 'horizon', 'middellang'))).toEqual({ ok: true })
    expect(check(withProp('wt-action', 'horizon', 'morgen'))).toMatchObject({ ok: false })
    expect(getWijktafelDefaultProps('wt-action')).toMatchObject({ indicators: [], horizon: '' })
    expect(check(withProp('wt-lesson', 'roundId', 'r-2027'))).toEqual({ ok: true })
    expect(check(withProp('wt-bottleneck', 'roundId', 'round 1'))).toMatchObject({ ok: false })
  })

  it('gives a fresh copy of the default props each time', () => {
    const a = getWijktafelDefaultProps('wt-rule')
    a.agreedBy.push('shape:x')
    expect(getWijktafelDefaultProps('wt-rule').agreedBy).toEqual([])
  })
})

describe('exchange arrows', () => {
  const arrow = (meta: object) =>
    shape(
      'arrow',
      {
        kind: 'arc',
        elbowMidPoint: 0.5,
        dash: 'solid',
        size: 'l',
        fill: 'none',
        color: 'blue',
        labelColor: 'black',
        bend: 0,
        start: { x: 0, y: 0 },
        end: { x: 100, y: 0 },
        arrowheadStart: 'none',
        arrowheadEnd: 'arrow',
        richText: toRichText('Budget voor plantmateriaal'),
        labelPosition: 0.5,
        font: 'sans',
        scale: 1,
      },
      { meta } as Partial<TLShape>,
    )

  it('accepts an exchange with a known type, and plain arrows', () => {
    expect(check(arrow({ wt: 'exchange', exchangeType: 'geld' }))).toEqual({ ok: true })
    expect(check(arrow({ wt: 'exchange', exchangeType: 'tijd', votes: 3 }))).toEqual({ ok: true })
    expect(check(arrow({}))).toEqual({ ok: true })
    expect(isExchangeArrow(arrow({ wt: 'exchange', exchangeType: 'geld' }) as TLShape)).toBe(true)
    expect(isExchangeArrow(arrow({}) as TLShape)).toBe(false)
  })

  it('refuses an unknown exchange type or another wt marker, saying where', () => {
    expect(check(arrow({ wt: 'exchange', exchangeType: 'liefde' }))).toMatchObject({
      ok: false,
      error: /^At shape\(type = arrow\)\.meta\.exchangeType: Expected "tijd" or .*got liefde$/,
    })
    expect(check(arrow({ wt: 'exchange' }))).toMatchObject({
      ok: false,
      error: /meta\.exchangeType: Expected .*got undefined/,
    })
    expect(check(arrow({ wt: 'pijl', exchangeType: 'geld' }))).toMatchObject({
      ok: false,
      error: /meta\.wt: Expected wt 'exchange', got "pijl"/,
    })
  })
})

describe('validateWijktafelRecord', () => {
  it('refuses what is not a record, without throwing', () => {
    expect(check(null)).toEqual({ ok: false, error: 'Expected a record object, got null' })
    expect(check([1])).toEqual({ ok: false, error: 'Expected a record object, got an array' })
    expect(check({ id: 'x' })).toEqual({ ok: false, error: 'Expected a record with a typeName' })
    expect(check({ typeName: 'comment' })).toEqual({
      ok: false,
      error: "Unknown record type 'comment'",
    })
    expect(check(shape('wt-unknown', {}))).toMatchObject({ ok: false, error: /wt-unknown/ })
    expect(
      check(shape('wt-dream', getWijktafelDefaultProps('wt-dream'), { id: 'x' as never })),
    ).toMatchObject({
      ok: false,
      error: /id/,
    })
  })

  it("still knows tldraw's own shapes and records", () => {
    const page = { id: 'page:a', typeName: 'page', name: 'Belangenkaart', index: 'a1', meta: {} }
    expect(check(page)).toEqual({ ok: true })
    expect(check({ ...page, name: 7 })).toMatchObject({ ok: false, error: /name/ })
  })
})

describe('migrations', () => {
  const current = schema.serialize()
  const dream = shape('wt-dream', {
    ...getWijktafelDefaultProps('wt-dream'),
    text: 'Een groene wijk',
  })

  it('has a migration sequence for each of our types, at the number of its steps', () => {
    // One step each so far: the action's indicators, the lesson's and bottleneck's round.
    const steps: Partial<Record<string, number>> = {
      'wt-action': 1,
      'wt-lesson': 1,
      'wt-bottleneck': 1,
    }
    for (const type of TYPES) {
      expect(current.sequences[`com.tldraw.shape.${type}`], type).toBe(steps[type] ?? 0)
    }
  })

  it('round-trips a record at the current version unchanged', () => {
    const result = schema.migratePersistedRecord(dream, current)
    expect(result).toEqual({ type: 'success', value: dream })
  })
})
