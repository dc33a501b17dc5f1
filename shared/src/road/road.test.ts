import { PageRecordType, type TLShape, type TLShapeId } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { validateWijktafelRecord } from '../shapes/validateWijktafelRecord.js'
import { DE_HORST_EXAMPLE } from '../templates/deHorst.js'
import { exampleBoard } from '../templates/exampleBoard.js'
import { buildRoad } from './buildRoad.js'
import { addYears, dayNumber } from './dates.js'
import { horizonOf, horizonSpan, ROAD_HORIZON_YEARS } from './horizons.js'
import { dateToX, horizonDate, packRows, ROAD_LAYOUT, roadWidth, xToDate } from './layout.js'

const TODAY = '2026-11-28'

function counter() {
  let n = 0
  return () => `shape:t${++n}` as TLShapeId
}

function exampleShapes(): TLShape[] {
  const maps = exampleBoard(DE_HORST_EXAMPLE, {
    belangenkaartPageId: PageRecordType.createId('b'),
    partnerschapskaartPageId: PageRecordType.createId('p'),
    locale: 'nl',
    makeId: counter(),
  })
  return [...maps.belangenkaart.shapes, ...maps.partnerschapskaart.shapes]
}

const road = { w: roadWidth(5), start: '2026-11-28', end: '2031-11-28' }
const center = (s: TLShape) => s.x + (s.props as { w: number }).w / 2

describe('the road horizons', () => {
  it('puts a date up to a year after the start in kort, up to three years in middellang, later in lang', () => {
    expect(ROAD_HORIZON_YEARS).toEqual({ kort: 1, middellang: 3 })
    expect(horizonOf(TODAY, '2026-01-01')).toBe('kort')
    expect(horizonOf(TODAY, TODAY)).toBe('kort')
    expect(horizonOf(TODAY, '2027-11-28')).toBe('kort')
    expect(horizonOf(TODAY, '2027-11-29')).toBe('middellang')
    expect(horizonOf(TODAY, '2029-11-28')).toBe('middellang')
    expect(horizonOf(TODAY, '2029-11-29')).toBe('lang')
    expect(horizonOf(TODAY, '2040-01-01')).toBe('lang')
  })

  it('splits the road into three stretches that meet', () => {
    const kort = horizonSpan(road.start, road.end, 'kort')
    const mid = horizonSpan(road.start, road.end, 'middellang')
    const lang = horizonSpan(road.start, road.end, 'lang')
    expect(kort.from).toBe(dayNumber(road.start))
    expect(kort.to).toBe(mid.from)
    expect(mid.to).toBe(lang.from)
    expect(lang.to).toBe(dayNumber(road.end))
    expect(horizonOf(road.start, horizonDate(road, 'middellang'))).toBe('middellang')
    expect(horizonOf(road.start, horizonDate(road, 'lang'))).toBe('lang')
  })
})

describe('dates and x on the road', () => {
  it('maps the start and end dates to the ends of the timeline and back', () => {
    const x0 = ROAD_LAYOUT.trayW + ROAD_LAYOUT.padStart
    expect(dateToX(road, road.start)).toBe(x0)
    expect(dateToX(road, road.end)).toBe(road.w - ROAD_LAYOUT.padEnd)
    expect(xToDate(road, x0)).toBe(road.start)
    expect(xToDate(road, road.w - ROAD_LAYOUT.padEnd)).toBe(road.end)
  })

  it('gives every day of the road its own x and returns the same day from it', () => {
    for (let day = dayNumber(road.start); day <= dayNumber(road.end); day += 17) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10)
      const x = dateToX(road, date)
      expect(xToDate(road, x)).toBe(date)
    }
    expect(dateToX(road, '2027-06-01')).toBeLessThan(dateToX(road, '2027-06-02'))
  })

  it('is time at an even pace: a year is the same width anywhere on the road', () => {
    const first = dateToX(road, '2027-11-28') - dateToX(road, '2026-11-28')
    const third = dateToX(road, '2029-11-28') - dateToX(road, '2028-11-28')
    expect(Math.abs(first - third)).toBeLessThan(2)
    expect(first).toBeCloseTo(ROAD_LAYOUT.yearW, -1)
  })

  it('puts dates outside the road at its ends, and the tray before the road has no date', () => {
    expect(dateToX(road, '2020-01-01')).toBe(dateToX(road, road.start))
    expect(dateToX(road, '2040-01-01')).toBe(dateToX(road, road.end))
    expect(xToDate(road, 10)).toBeNull()
    expect(xToDate(road, ROAD_LAYOUT.trayW - 1)).toBeNull()
    expect(xToDate(road, ROAD_LAYOUT.trayW + 1)).toBe(road.start)
  })

  it('keeps a far dream within the largest shape size', () => {
    expect(roadWidth(50)).toBeLessThanOrEqual(4000)
    expect(roadWidth(5)).toBe(3380)
  })

  it('packs cards that would overlap into the next row', () => {
    expect(packRows([0, 100, 200, 700], 320)).toEqual([0, 1, 2, 0])
  })
})

describe('buildRoad from the De Horst example', () => {
  const shapes = exampleShapes()
  const pageId = PageRecordType.createId('road')
  const built = buildRoad(shapes, { pageId, locale: 'nl', today: TODAY, makeId: counter() })
  const roadShape = built.shapes[0]!
  const children = built.shapes.filter((s) => s.parentId === built.roadId)
  const milestones = children.filter((s) => s.type === 'wt-milestone')
  const refs = children.filter((s) => s.type === 'wt-road-action')
  const actions = shapes.filter((s) => s.type === 'wt-action')

  it('is a road from today to the dream, five years out', () => {
    expect(roadShape.type).toBe('wt-road')
    expect(roadShape.parentId).toBe(pageId)
    expect(roadShape.props).toMatchObject({ start: TODAY, end: addYears(TODAY, 5) })
    expect(built.bounds).toMatchObject({ x: 0, y: 0, w: (roadShape.props as { w: number }).w })
  })

  it('has a milestone per horizon: the dream at the end, the assignment at two years', () => {
    const byHorizon = Object.fromEntries(
      milestones.map((m) => [(m.props as { horizon: string }).horizon, m.props]),
    )
    expect(Object.keys(byHorizon).sort()).toEqual(['kort', 'lang', 'middellang'])
    expect(byHorizon.lang).toMatchObject({ text: DE_HORST_EXAMPLE.dream.text, due: '2031-11-28' })
    expect(byHorizon.middellang).toMatchObject({
      text: DE_HORST_EXAMPLE.assignment.text,
      due: '2028-11-28',
    })
    expect(byHorizon.kort).toMatchObject({ due: '2027-11-28' })
    for (const m of milestones) {
      expect(xToDate(roadShape.props as typeof road, center(m))).toBe(
        (m.props as { due: string }).due,
      )
    }
  })

  it('refers to each action once, by its id, at its due date, with no two cards overlapping', () => {
    expect(refs.map((r) => (r.props as { actionId: string }).actionId).sort()).toEqual(
      actions.map((a) => a.id).sort(),
    )
    for (const ref of refs) {
      const action = actions.find((a) => a.id === (ref.props as { actionId: string }).actionId)!
      expect(xToDate(roadShape.props as typeof road, center(ref))).toBe(action.props.due)
      expect(ref.y).toBeGreaterThan(ROAD_LAYOUT.axisY)
    }
    for (const a of refs)
      for (const b of refs) {
        if (a === b) continue
        const { w, h } = ROAD_LAYOUT.action
        const apart = Math.abs(a.x - b.x) >= w || Math.abs(a.y - b.y) >= h
        expect(apart).toBe(true)
      }
  })

  it('keeps a copy of nothing: a reference holds only its action id and size', () => {
    for (const ref of refs) expect(Object.keys(ref.props).sort()).toEqual(['actionId', 'h', 'w'])
  })

  it('puts actions without a date or horizon in the tray, and by horizon those with only one', () => {
    const undated = shapes.map((s) =>
      s.type === 'wt-action' && s.id === actions[0]!.id
        ? { ...s, props: { ...s.props, due: '', horizon: '' } }
        : s.type === 'wt-action' && s.id === actions[1]!.id
          ? { ...s, props: { ...s.props, due: '', horizon: 'middellang' } }
          : s,
    ) as TLShape[]
    const again = buildRoad(undated, { pageId, locale: 'nl', today: TODAY, makeId: counter() })
    const r = again.shapes[0]!.props as typeof road
    const refOf = (id: string) =>
      again.shapes.find(
        (s) => s.type === 'wt-road-action' && (s.props as { actionId: string }).actionId === id,
      )!
    const tray = refOf(actions[0]!.id)
    expect(tray.x + ROAD_LAYOUT.action.w).toBeLessThanOrEqual(ROAD_LAYOUT.trayW)
    expect(xToDate(r, center(tray))).toBeNull()
    expect(horizonOf(r.start, xToDate(r, center(refOf(actions[1]!.id)))!)).toBe('middellang')
  })

  it('makes records the shared schema accepts', () => {
    const schema = createWijktafelSchema()
    for (const s of built.shapes) expect(validateWijktafelRecord(schema, s)).toEqual({ ok: true })
  })

  it('makes the same road from the same board and day', () => {
    const again = buildRoad(shapes, { pageId, locale: 'nl', today: TODAY, makeId: counter() })
    const strip = (list: TLShape[]) => list.map(({ id: _id, parentId: _p, ...rest }) => rest)
    const first = buildRoad(shapes, { pageId, locale: 'nl', today: TODAY, makeId: counter() })
    expect(strip(again.shapes)).toEqual(strip(first.shapes))
  })
})
