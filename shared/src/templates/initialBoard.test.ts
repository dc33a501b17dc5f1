import { describe, expect, it } from 'vitest'
import { BOARD_TEMPLATES } from '../protocol/boardApi.js'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { validateWijktafelRecord } from '../shapes/validateWijktafelRecord.js'
import { initialBoardRecords } from './initialBoard.js'

describe('initialBoardRecords', () => {
  const schema = createWijktafelSchema()

  it.each(BOARD_TEMPLATES.flatMap((t) => [[t, 'nl'] as const, [t, 'en'] as const]))(
    'builds a valid %s board in %s',
    (template, locale) => {
      const records = initialBoardRecords({ template, locale, title: 'De Horst' })
      for (const record of records)
        expect(validateWijktafelRecord(schema, record)).toEqual({ ok: true })
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length)
      const document = records.find((r) => r.typeName === 'document')
      expect(document).toMatchObject({ name: 'De Horst' })
      const pages = records.filter((r) => r.typeName === 'page')
      expect(pages).toHaveLength(template === 'example' ? 3 : template === 'both' ? 2 : 1)
      const pageIds = new Set(pages.map((p) => p.id))
      for (const shape of records.filter((r) => r.typeName === 'shape')) {
        const parent = shape.parentId as string
        expect(pageIds.has(parent as never) || parent.startsWith('shape:')).toBe(true)
      }
    },
  )

  it('names the pages after the maps in the chosen language', () => {
    const names = (locale: 'nl' | 'en') =>
      initialBoardRecords({ template: 'both', locale, title: 'x' })
        .filter((r) => r.typeName === 'page')
        .map((p) => (p as { name: string }).name)
    expect(names('nl')).toEqual(['Belangenkaart', 'Partnerschapskaart'])
    expect(names('en')).not.toEqual(names('nl'))
  })

  it('gives the example its road: a third page with the road from today to the dream', () => {
    const records = initialBoardRecords({
      template: 'example',
      locale: 'nl',
      title: 'x',
      today: '2026-11-28',
    })
    const pages = records.filter((r) => r.typeName === 'page') as { id: string; name: string }[]
    expect(pages.map((p) => p.name)).toEqual(['Belangenkaart', 'Partnerschapskaart', 'De weg'])
    const shapes = records.filter((r) => r.typeName === 'shape') as {
      type: string
      parentId: string
      props: Record<string, unknown>
    }[]
    const road = shapes.find((s) => s.type === 'wt-road')!
    expect(road.parentId).toBe(pages[2]!.id)
    expect(road.props).toMatchObject({ start: '2026-11-28', end: '2031-11-28' })
    const actions = shapes.filter((s) => s.type === 'wt-action').length
    expect(shapes.filter((s) => s.type === 'wt-road-action')).toHaveLength(actions)
    expect(shapes.filter((s) => s.type === 'wt-milestone').length).toBeGreaterThanOrEqual(3)
  })

  it('starts an empty board with one empty page', () => {
    const records = initialBoardRecords({ template: 'empty', locale: 'nl', title: 'x' })
    expect(records.filter((r) => r.typeName === 'shape')).toEqual([])
  })
})
