import { describe, expect, it } from 'vitest'
import {
  canWriteImpactKey,
  changesByUnit,
  compareRounds,
  EMPTY_IMPACT,
  historyOf,
  impactBoardProblem,
  impactValueProblem,
  latestValue,
  measurementKey,
  measurementsOf,
  moneyEstimate,
  newIndicator,
  parseImpactKey,
  progress,
  readImpact,
  roundKey,
  roundStatusKey,
  unitValueProblem,
  type EvaluationRound,
  type ImpactState,
  type Indicator,
  type Measurement,
} from './index.js'

const NOW = Date.UTC(2026, 10, 28, 20, 0) // 2026-11-28
const ACTION = 'shape:bomen'
const trees: Indicator = {
  ...newIndicator('bomen'),
  what: 'Bomen geplant',
  baseline: 0,
  target: 20,
}
const litter: Indicator = {
  ...newIndicator('zakken'),
  what: 'Zakken zwerfafval per maand',
  baseline: 40,
  target: 10,
}

function m(over: Partial<Measurement> = {}): Measurement {
  return {
    actionId: ACTION,
    indicatorId: 'bomen',
    value: 3,
    date: '2026-10-01',
    by: 'Bewoners Lindelaan',
    note: '',
    at: NOW,
    personId: 'person-1',
    roundId: null,
    corrects: null,
    ...over,
  }
}

function round(id: string, date: string): EvaluationRound {
  return { id, title: `Evaluatie ${date}`, date, startedAt: NOW, by: 'Marieke' }
}

function state(measurements: Record<string, Measurement>, extra: Partial<ImpactState> = {}) {
  return { ...EMPTY_IMPACT, measurements, ...extra }
}

describe('impact keys and who may write them', () => {
  it('parses the three kinds of key, and nothing else', () => {
    expect(parseImpactKey('measurement:m1')).toEqual({ kind: 'measurement', id: 'm1' })
    expect(parseImpactKey('round:r-2027')).toEqual({ kind: 'round', id: 'r-2027' })
    expect(parseImpactKey(roundStatusKey('r1', 'shape:abc'))).toEqual({
      kind: 'roundStatus',
      roundId: 'r1',
      actionId: 'shape:abc',
    })
    for (const key of [
      'follow',
      'measurement:',
      'measurement:a b',
      'roundStatus:r1',
      'round:x:y',
    ]) {
      expect(parseImpactKey(key), key).toBeNull()
    }
  })

  it('lets editors add measurements but nobody change or delete one', () => {
    expect(canWriteImpactKey('editor', measurementKey('m1'), false)).toBe(true)
    expect(canWriteImpactKey('facilitator', measurementKey('m1'), false)).toBe(true)
    expect(canWriteImpactKey('editor', measurementKey('m1'), true)).toBe(false)
    expect(canWriteImpactKey('facilitator', measurementKey('m1'), true)).toBe(false)
    expect(canWriteImpactKey('viewer', measurementKey('m1'), false)).toBe(false)
  })

  it('keeps rounds to the facilitator and round statuses to anyone who edits', () => {
    expect(canWriteImpactKey('facilitator', roundKey('r1'), true)).toBe(true)
    expect(canWriteImpactKey('editor', roundKey('r1'), false)).toBe(false)
    expect(canWriteImpactKey('editor', roundStatusKey('r1', ACTION), true)).toBe(true)
    expect(canWriteImpactKey('viewer', roundStatusKey('r1', ACTION), false)).toBe(false)
    expect(canWriteImpactKey('facilitator', 'vote', false)).toBe(false)
  })
})

describe('checking a value on its own', () => {
  const check = (value: unknown, key = measurementKey('m1')) =>
    impactValueProblem(key, value, { now: NOW })

  it('accepts a well-formed measurement, round and round status, and any delete', () => {
    expect(check(m())).toBeNull()
    expect(check(round('r1', '2027-04-01'), roundKey('r1'))).toBeNull()
    expect(check({ status: 'bezig', note: '', at: NOW }, roundStatusKey('r1', ACTION))).toBeNull()
    expect(check(undefined)).toBeNull()
  })

  it('refuses a value that is not a number', () => {
    expect(check(m({ value: '3' as never }))).toMatch(/value is not a number/)
    expect(check({ ...m(), value: null })).toMatch(/value is not a number/)
  })

  it('refuses a date that is not a day, or more than a year after the day it is written', () => {
    expect(check(m({ date: '2026-02-30' }))).toMatch(/not a day/)
    expect(check(m({ date: '28-11-2026' }))).toMatch(/not a day/)
    expect(check(m({ date: '2027-11-28' }))).toBeNull()
    expect(check(m({ date: '2027-11-29' }))).toMatch(/more than a year ahead/)
  })

  it('refuses long text, unknown fields and missing fields', () => {
    expect(check(m({ by: 'x'.repeat(81) }))).toMatch(/by is not text/)
    expect(check(m({ note: 'x'.repeat(201) }))).toMatch(/note/)
    expect(check({ ...m(), extra: 1 })).toMatch(/unknown field 'extra'/)
    const { corrects: _, ...missing } = m()
    expect(check(missing)).toMatch(/corrects/)
    expect(check(round('r2', '2027-04-01'), roundKey('r1'))).toMatch(/id is not the id/)
    expect(check({ status: 'af', note: '', at: NOW }, roundStatusKey('r1', ACTION))).toMatch(
      /not an action status/,
    )
  })

  it('reads the map leaving out what is malformed, but not a date far ahead once written', () => {
    const read = readImpact([
      [measurementKey('m1'), m({ date: '2030-01-01' })],
      [measurementKey('m2'), { ...m(), value: 'veel' }],
      [roundKey('r1'), round('r1', '2027-04-01')],
      [roundStatusKey('r1', ACTION), { status: 'klaar', note: 'Alle bomen staan', at: NOW }],
      ['nonsense', 1],
    ])
    expect(Object.keys(read.measurements)).toEqual(['m1'])
    expect(Object.keys(read.rounds)).toEqual(['r1'])
    expect(read.roundStatus[`r1:${ACTION}`]?.status).toBe('klaar')
  })
})

describe('checking a value against the board', () => {
  const board = (impact: ImpactState = EMPTY_IMPACT) => ({
    indicatorsOf: (id: string) =>
      id === ACTION ? [trees, { ...litter, unit: 'procent' as const }] : undefined,
    impact,
  })

  it('needs the action and its indicator to exist', () => {
    expect(impactBoardProblem(measurementKey('m1'), m(), board())).toBeNull()
    expect(impactBoardProblem(measurementKey('m1'), m({ actionId: 'shape:weg' }), board())).toMatch(
      /not on the board/,
    )
    expect(impactBoardProblem(measurementKey('m1'), m({ indicatorId: 'nope' }), board())).toMatch(
      /no indicator/,
    )
  })

  it("holds a measurement to its indicator's unit: no negative count, no 120 %", () => {
    expect(impactBoardProblem(measurementKey('m1'), m({ value: -1 }), board())).toMatch(/below 0/)
    expect(impactBoardProblem(measurementKey('m1'), m({ value: 2.5 }), board())).toMatch(/whole/)
    const pct = m({ indicatorId: 'zakken', value: 120 })
    expect(impactBoardProblem(measurementKey('m1'), pct, board())).toMatch(/above 100/)
  })

  it('needs the round and the corrected measurement to exist, of the same indicator', () => {
    expect(impactBoardProblem(measurementKey('m2'), m({ roundId: 'r9' }), board())).toMatch(
      /round r9 does not exist/,
    )
    expect(impactBoardProblem(measurementKey('m2'), m({ corrects: 'm1' }), board())).toMatch(
      /does not exist/,
    )
    const withM1 = state({ m1: m({ indicatorId: 'zakken', value: 30 }) })
    expect(impactBoardProblem(measurementKey('m2'), m({ corrects: 'm1' }), board(withM1))).toMatch(
      /same indicator/,
    )
    expect(impactBoardProblem(roundStatusKey('r1', ACTION), { status: 'bezig' }, board())).toMatch(
      /round r1 does not exist/,
    )
  })
})

describe('units', () => {
  it('decides per unit what a value may be', () => {
    expect(unitValueProblem('aantal', 3)).toBeNull()
    expect(unitValueProblem('aantal', -1)).toMatch(/below 0/)
    expect(unitValueProblem('aantal', 1.5)).toMatch(/whole/)
    expect(unitValueProblem('kg', 2.5)).toBeNull()
    expect(unitValueProblem('kg', -0.5)).toMatch(/below 0/)
    expect(unitValueProblem('kwh', -3)).toMatch(/below 0/)
    expect(unitValueProblem('uur', -1)).toMatch(/below 0/)
    expect(unitValueProblem('procent', 100)).toBeNull()
    expect(unitValueProblem('procent', 100.5)).toMatch(/above 100/)
    expect(unitValueProblem('euro', -250)).toBeNull()
    expect(unitValueProblem('anders', -7.25)).toBeNull()
    expect(unitValueProblem('anders', Number.NaN)).toMatch(/not a number/)
    expect(unitValueProblem('anders', 1e13)).toMatch(/beyond/)
  })

  it('never adds up changes across units', () => {
    const kg = { ...newIndicator('kg'), unit: 'kg' as const, baseline: 0 }
    const hours = { ...newIndicator('uur'), unit: 'uur' as const, baseline: 10 }
    const steps = {
      ...newIndicator('s'),
      unit: 'anders' as const,
      unitLabel: 'stappen',
      baseline: 0,
    }
    const visits = {
      ...newIndicator('v'),
      unit: 'anders' as const,
      unitLabel: 'bezoekers',
      baseline: 0,
    }
    const totals = changesByUnit([
      { indicator: kg, latest: 3 },
      { indicator: { ...kg, id: 'kg2' }, latest: 4 },
      { indicator: hours, latest: 14 },
      { indicator: steps, latest: 5000 },
      { indicator: visits, latest: 12 },
      { indicator: { ...kg, id: 'kg3', baseline: null }, latest: 100 },
    ])
    expect(Object.fromEntries([...totals].map(([k, v]) => [k, [v.change, v.count]]))).toEqual({
      kg: [7, 2],
      uur: [4, 1],
      'anders:stappen': [5000, 1],
      'anders:bezoekers': [12, 1],
    })
  })
})

describe('measurements of an indicator', () => {
  it('lists them oldest first by date, then by when they were written', () => {
    const s = state({
      b: m({ date: '2026-06-01', at: NOW + 1 }),
      a: m({ date: '2026-06-01', at: NOW }),
      c: m({ date: '2026-01-15', at: NOW + 5 }),
      other: m({ indicatorId: 'zakken' }),
    })
    expect(measurementsOf(s, ACTION, 'bomen').map((x) => x.id)).toEqual(['c', 'a', 'b'])
  })

  it('applies corrections: the corrected one is replaced, the history keeps it', () => {
    const s = state({
      m1: m({ date: '2026-05-01', value: 4 }),
      m2: m({ date: '2026-06-01', value: 70 }),
      // A typo: 70 trees should have been 7.
      m3: m({ date: '2026-06-01', value: 7, corrects: 'm2', at: NOW + 10 }),
    })
    expect(measurementsOf(s, ACTION, 'bomen').map((x) => [x.id, x.value])).toEqual([
      ['m1', 4],
      ['m3', 7],
    ])
    expect(historyOf(s, ACTION, 'bomen').map((x) => x.id)).toEqual(['m1', 'm2', 'm3'])
    expect(latestValue(s, ACTION, trees)).toEqual({
      value: 7,
      date: '2026-06-01',
      measurementId: 'm3',
    })
  })

  it('places a correction at the date of what it corrects, so an old fix is not the latest', () => {
    const s = state({
      m1: m({ date: '2025-12-01', value: 100 }),
      m2: m({ date: '2026-02-01', value: 20, at: NOW + 1 }),
      // Written on 2026-03-10 (the form's day), it corrects December's count.
      m3: m({ date: '2026-03-10', value: 10, corrects: 'm1', at: NOW + 2 }),
    })
    expect(latestValue(s, ACTION, trees)).toEqual({
      value: 20,
      date: '2026-02-01',
      measurementId: 'm2',
    })
    expect(measurementsOf(s, ACTION, 'bomen').map((x) => [x.id, x.date, x.value])).toEqual([
      ['m3', '2025-12-01', 10],
      ['m2', '2026-02-01', 20],
    ])
    expect(latestValue(s, ACTION, trees, '2026-01-01')?.value).toBe(10)
    // A correction of the correction still stands in December.
    const again = state({
      ...s.measurements,
      m4: m({ date: '2026-04-01', value: 11, corrects: 'm3', at: NOW + 3 }),
    })
    expect(measurementsOf(again, ACTION, 'bomen').map((x) => [x.id, x.date])).toEqual([
      ['m4', '2025-12-01'],
      ['m2', '2026-02-01'],
    ])
  })

  it('counts only the later of two corrections of the same measurement', () => {
    const s = state({
      m1: m({ value: 70 }),
      m2: m({ value: 7, corrects: 'm1', at: NOW + 1 }),
      m3: m({ value: 8, corrects: 'm1', at: NOW + 2 }),
    })
    expect(measurementsOf(s, ACTION, 'bomen').map((x) => x.id)).toEqual(['m3'])
  })

  it('falls back to the undated latest value, then to nothing, when none is measured yet', () => {
    expect(latestValue(EMPTY_IMPACT, ACTION, { ...trees, undatedLatest: 2 })).toEqual({
      value: 2,
      date: null,
      measurementId: null,
    })
    expect(latestValue(EMPTY_IMPACT, ACTION, trees)).toBeNull()
  })

  it('gives the latest value as of a day', () => {
    const s = state({
      a: m({ date: '2026-03-01', value: 2 }),
      b: m({ date: '2026-09-01', value: 9 }),
    })
    expect(latestValue(s, ACTION, trees, '2026-06-30')?.value).toBe(2)
    expect(latestValue(s, ACTION, trees, '2026-01-01')).toBeNull()
  })
})

describe('progress and money', () => {
  it('runs from 0 at the baseline to 1 at the target, and beyond', () => {
    expect(progress(trees, 0)).toBe(0)
    expect(progress(trees, 5)).toBe(0.25)
    expect(progress(trees, 20)).toBe(1)
    expect(progress(trees, 25)).toBe(1.25)
  })

  it('counts down when the target is below the baseline', () => {
    expect(progress(litter, 40)).toBe(0)
    expect(progress(litter, 25)).toBe(0.5)
    expect(progress(litter, 10)).toBe(1)
    expect(progress(litter, 50)).toBeCloseTo(-1 / 3)
  })

  it('has no progress without a measurement, a baseline or a target', () => {
    expect(progress(trees, null)).toBeNull()
    expect(progress({ ...trees, undatedLatest: 10 }, null)).toBe(0.5)
    expect(progress({ ...trees, baseline: null }, 5)).toBeNull()
    expect(progress({ ...trees, target: null }, 5)).toBeNull()
    expect(progress({ ...trees, target: 0 }, 5)).toBeNull()
  })

  it('estimates money only where the table set euros per unit, and says it is an estimate', () => {
    expect(moneyEstimate(trees, 5)).toBeNull()
    const packs = { ...trees, euroPerUnit: 85, baseline: 0 }
    expect(moneyEstimate(packs, 120)).toEqual({
      estimate: true,
      euros: 10200,
      change: 120,
      euroPerUnit: 85,
    })
    expect(moneyEstimate(packs, null)).toBeNull()
    expect(moneyEstimate({ ...litter, euroPerUnit: 12 }, 25)?.euros).toBe(-180)
  })
})

describe('comparing rounds', () => {
  const autumn = round('najaar', '2026-10-15')
  const spring = round('voorjaar', '2027-04-15')
  const s = state(
    {
      a: m({ date: '2026-09-01', value: 4 }),
      b: m({ date: '2027-03-20', value: 12 }),
      z: m({ indicatorId: 'zakken', date: '2027-03-01', value: 30 }),
    },
    {
      rounds: { najaar: autumn, voorjaar: spring },
      roundStatus: {
        [`najaar:${ACTION}`]: { status: 'gepland', note: '', at: NOW },
        [`voorjaar:${ACTION}`]: { status: 'bezig', note: 'Twaalf bomen staan', at: NOW },
      },
    },
  )

  it('shows per action its status and latest values in each round, and what moved', () => {
    const [row] = compareRounds(
      s,
      [{ id: ACTION, indicators: [trees, litter] }],
      'najaar',
      'voorjaar',
    )
    expect(row).toEqual({
      actionId: ACTION,
      statusA: 'gepland',
      statusB: 'bezig',
      moved: true,
      indicators: [
        { indicatorId: 'bomen', a: 4, b: 12, change: 8, progressA: 0.2, progressB: 0.6 },
        { indicatorId: 'zakken', a: null, b: 30, change: null, progressA: null, progressB: 1 / 3 },
      ],
    })
  })

  it('says an action did not move when nothing changed between two rounds', () => {
    const still = { id: 'shape:stil', indicators: [trees] }
    const [row] = compareRounds(s, [still], 'najaar', 'voorjaar')
    expect(row).toMatchObject({ statusA: null, statusB: null, moved: false })
  })
})
