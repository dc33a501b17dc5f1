import type { Measurement } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
import { parseNumber } from './measurementInput'
import { formatValue, historyRows } from './measurementFormat'
import { defaultRoundName } from './roundName'

const m = (over: Partial<Measurement>): Measurement => ({
  actionId: 'shape:a',
  indicatorId: 'i1',
  value: 1,
  date: '2027-01-01',
  by: 'Karim',
  note: '',
  at: 1,
  personId: 'p',
  roundId: null,
  corrects: null,
  ...over,
})

describe('reading what people type', () => {
  it.each([
    ['12', 12],
    [' 3,5 ', 3.5],
    ['3.5', 3.5],
    ['-2', -2],
    [',5', 0.5],
    ['1 200', 1200],
  ])('%j is %d', (typed, n) => expect(parseNumber(typed)).toBe(n))

  it.each(['', 'twaalf', '12a', '1.000,5', '1,2,3', '--1', 'Infinity'])(
    '%j is not a number',
    (typed) => expect(parseNumber(typed)).toBeNull(),
  )
})

describe("an indicator's history", () => {
  it('lists newest first, each measurement once with its corrections after it', () => {
    const rows = historyRows(
      {
        a: m({ value: 12, date: '2027-01-10', at: 10 }),
        b: m({ value: 14, date: '2027-01-10', at: 20, corrects: 'a' }),
        c: m({ value: 15, date: '2027-01-11', at: 30, corrects: 'b' }),
        d: m({ value: 3, date: '2027-02-01', at: 40 }),
        e: m({ value: 99, indicatorId: 'i2', at: 50 }),
        f: m({ value: 98, actionId: 'shape:b', at: 60 }),
      },
      'shape:a',
      'i1',
    )
    expect(rows.map((r) => r.chain.map((c) => c.id))).toEqual([['d'], ['a', 'b', 'c']])
  })

  it('two corrections of one measurement at once: the later counts', () => {
    const rows = historyRows(
      {
        a: m({ value: 12, at: 10 }),
        b: m({ value: 13, at: 30, corrects: 'a' }),
        c: m({ value: 14, at: 20, corrects: 'a' }),
      },
      'shape:a',
      'i1',
    )
    expect(rows.map((r) => r.chain.map((c) => c.m.value))).toEqual([[12, 13]])
  })
})

describe('values with their unit', () => {
  const t = (key: string) => ({ 'unitKind.uur': 'Uren' })[key] ?? key
  it.each([
    [3.5, { unit: 'kg', unitLabel: '' }, 'nl', '3,5 kg'],
    [1200, { unit: 'anders', unitLabel: 'stappen' }, 'nl', '1.200 stappen'],
    [12.5, { unit: 'euro', unitLabel: '' }, 'nl', '€ 12,5'],
    [80, { unit: 'procent', unitLabel: '' }, 'en', '80%'],
    [7, { unit: 'aantal', unitLabel: '' }, 'nl', '7'],
    [2, { unit: 'uur', unitLabel: '' }, 'nl', '2 uur'],
    [2, { unit: 'uur', unitLabel: '' }, 'en', '2 hours'],
  ] as const)('%d in %j (%s) is %s', (value, indicator, locale, shown) =>
    expect(formatValue(value, indicator, locale, t as never)).toBe(shown),
  )
})

describe('the default name of a round', () => {
  const t = (key: string) =>
    (
      ({
        'round.defaultName': 'Evaluatie {season} {year}',
        'round.season.spring': 'voorjaar',
        'round.season.summer': 'zomer',
        'round.season.autumn': 'najaar',
        'round.season.winter': 'winter',
      }) as Record<string, string>
    )[key]!
  it.each([
    ['2027-04-15', 'Evaluatie voorjaar 2027'],
    ['2026-10-01', 'Evaluatie najaar 2026'],
    ['2027-07-31', 'Evaluatie zomer 2027'],
    ['2027-01-05', 'Evaluatie winter 2027'],
  ])('%s: %s', (day, name) => expect(defaultRoundName(day, t as never)).toBe(name))
})
