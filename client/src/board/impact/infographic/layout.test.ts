import {
  EMPTY_IMPACT,
  initialBoardRecords,
  translate,
  type ImpactState,
  type Measurement,
} from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import { cardsFromRecords } from '../cards'
import { buildSummary, type ImpactSummary } from '../summary'
import { buildInfographic, type InfographicOptions } from './layout'

/**
 * The infographic from the De Horst example board: its four actions with their indicators
 * (one with a price per unit), and a few dated measurements as residents would enter them.
 */
const TITLE = 'Samen aan de slag in De Horst'
const cards = cardsFromRecords(
  initialBoardRecords({ template: 'example', locale: 'nl', title: TITLE }),
  TITLE,
)
const byWhat = (start: string) => cards.actions.find((a) => a.what.startsWith(start))!.id

function measured(list: [action: string, indicator: string, value: number, date: string][]) {
  const impact: ImpactState = { ...EMPTY_IMPACT, measurements: {} }
  list.forEach(([action, indicatorId, value, date], i) => {
    const m: Measurement = {
      actionId: byWhat(action),
      indicatorId,
      value,
      date,
      by: 'bewoners',
      note: '',
      at: i,
      personId: 'p',
      roundId: null,
      corrects: null,
    }
    impact.measurements[`m${i}`] = m
  })
  return impact
}

const impact = measured([
  ['Tochtstrips', 'pakketten', 40, '2026-10-01'],
  ['Tochtstrips', 'pakketten', 120, '2026-11-15'],
  ['Demonstratiewoning', 'bezoekers', 37, '2026-11-01'],
  ['Plein', 'bomen', 5, '2026-11-20'],
])
const summary = buildSummary(cards, impact)
const icon = (name: string) => `<path d="icon-${name}"/>`
const options = (o: Partial<InfographicOptions> = {}): InfographicOptions => ({
  format: 'a4',
  locale: 'nl',
  date: '2026-11-28',
  icon,
  ...o,
})
const textOf = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!).join('\n')

describe('the impact infographic', () => {
  it('shows every action of the example with its number, goal and progress', () => {
    const g = buildInfographic(summary, options())
    expect(g.items.map((i) => i.actionId)).toEqual(cards.actions.map((a) => a.id))
    expect(g.more).toBe(0)
    const item = (start: string) => g.items.find((i) => i.actionId === byWhat(start))!
    expect(item('Tochtstrips')).toMatchObject({
      number: '120',
      of: 'van 200',
      percent: '60%',
      progress: 0.6,
      status: 'Bezig',
      indicator: 'Huishoudens met een pakket',
    })
    expect(item('Demonstratiewoning')).toMatchObject({
      number: '37',
      of: 'van 150',
      percent: '25%',
    })
    expect(item('Plein')).toMatchObject({ number: '5', of: 'van 20', percent: '25%' })
    // Not measured yet: no number, no percentage, and it says so.
    expect(item('Buurtklusbedrijf')).toMatchObject({ number: null, percent: null, progress: null })
    const text = textOf(g.svg)
    expect(text).toContain('Nog niet gemeten')
    expect(text).toContain(TITLE)
    expect(text).toContain('28 november 2026')
    expect(text).toContain('Onze droom')
    expect(text).toMatch(/“In 2031 is De Horst/)
    for (const i of g.items) expect(text).toContain(i.what[0])
    // Each action's status in words beside its pictogram.
    for (const [n, a] of cards.actions.entries()) {
      expect(g.items[n]!.status).toBe(translate('nl', `actionStatus.${a.status}`))
    }
    // The bar is as long as the progress: 60% of the card's inner width.
    const bars = [...g.svg.matchAll(/<rect [^>]*width="([\d.]+)" height="24" fill="#1f6f50"/g)]
    const tracks = [...g.svg.matchAll(/<rect [^>]*width="([\d.]+)" height="24" fill="#e3dfd2"/g)]
    expect(Number(bars[0]![1]) / Number(tracks[0]![1])).toBeCloseTo(0.6, 5)
  })

  it('shows money only where the table set a value per unit, always with "schatting"', () => {
    const g = buildInfographic(summary, options())
    const withMoney = g.items.filter((i) => i.money !== null)
    // Pakketten: 120 since 0 at € 85.
    expect(withMoney.map((i) => i.money)).toEqual(['€\u00a010.200'])
    expect(g.money).toBe('€\u00a010.200')
    const text = textOf(g.svg)
    expect(text.match(/schatting/g)).toHaveLength(2) // the card and the total
    expect(text.match(/€/g)).toHaveLength(2)

    const noPrices = buildSummary(
      {
        ...cards,
        actions: cards.actions.map((a) => ({
          ...a,
          indicators: a.indicators.map((i) => ({ ...i, euroPerUnit: null })),
        })),
      },
      impact,
    )
    const plain = buildInfographic(noPrices, options())
    expect(plain.money).toBeNull()
    expect(textOf(plain.svg)).not.toMatch(/schatting|€/)
  })

  it('speaks Dutch or English, whatever the numbers', () => {
    const nl = textOf(buildInfographic(summary, options({ locale: 'nl' })).svg)
    const en = buildInfographic(summary, options({ locale: 'en' }))
    const enText = textOf(en.svg)
    expect(nl).toContain('Wat het oplevert')
    expect(enText).toContain('Our dream')
    expect(enText).toContain('What it brings')
    expect(enText).toContain('28 November 2026')
    expect(enText).toContain('Not measured yet')
    expect(enText).toContain('estimate')
    expect(enText).not.toMatch(/schatting|Onze droom|Bezig/)
    expect(en.items[0]).toMatchObject({ of: 'of 200', money: '€10,200', status: 'In progress' })
    expect(enText).toContain('Social')
  })

  it('is A4 at 300 dpi or 16:9 full HD', () => {
    const a4 = buildInfographic(summary, options({ format: 'a4' }))
    expect(a4.pixels).toEqual({ width: 2480, height: 3508 })
    expect(a4.svg).toMatch(/^<svg [^>]*width="1240" height="1754" viewBox="0 0 1240 1754"/)
    const wide = buildInfographic(summary, options({ format: 'wide' }))
    expect(wide.pixels).toEqual({ width: 1920, height: 1080 })
    expect(wide.items).toHaveLength(4)
  })

  it('counts the values the actions create, and says how many actions did not fit', () => {
    const g = buildInfographic(summary, options())
    expect(g.values).toEqual([
      { kind: 'sociaal', count: 4 },
      { kind: 'ecologisch', count: 3 },
      { kind: 'economisch', count: 2 },
    ])
    const many: ImpactSummary = {
      ...summary,
      actions: [...summary.actions, ...summary.actions, ...summary.actions].map((a, i) => ({
        ...a,
        id: `${a.id}-${i}`,
      })),
    }
    const crowded = buildInfographic(many, options({ format: 'wide' }))
    expect(crowded.items).toHaveLength(8)
    expect(crowded.more).toBe(4)
    expect(textOf(crowded.svg)).toContain('+ 4 acties meer')
  })

  it('escapes what people typed', () => {
    const g = buildInfographic({ ...summary, title: 'Buurt <A&B> "west"' }, options())
    expect(g.svg).toContain('Buurt &lt;A&amp;B&gt; &quot;west&quot;')
    expect(g.svg).not.toContain('<A&B>')
  })
})
