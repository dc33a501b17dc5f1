import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import {
  compareRounds,
  impactBoardProblem,
  impactValueProblem,
  latestValue,
  measurementsOf,
  moneyEstimate,
  progress,
  readImpact,
  type Indicator,
} from '../impact/index.js'
import { DE_HORST_ROUNDS, deHorstImpact } from './deHorst.js'
import { initialBoardRecords } from './initialBoard.js'

const records = initialBoardRecords({
  template: 'example',
  locale: 'nl',
  title: 'De Horst',
  today: '2026-11-28',
})
const actions = records.filter(
  (r): r is TLShape => r.typeName === 'shape' && r.type === 'wt-action',
) as (TLShape & { props: { what: string; indicators: Indicator[] } })[]
const entries = deHorstImpact(records)
const state = readImpact(entries)
const byIndicator = (id: string) => {
  const action = actions.find((a) => a.props.indicators.some((i) => i.id === id))!
  return { action, indicator: action.props.indicators.find((i) => i.id === id)! }
}

describe('the De Horst impact', () => {
  it('passes every check the server makes of a live write', () => {
    const board = {
      impact: state,
      indicatorsOf: (id: string) => actions.find((a) => a.id === id)?.props.indicators,
    }
    const written = Date.UTC(2026, 10, 28)
    for (const [key, value] of entries) {
      expect(impactValueProblem(key, value, { now: written }), key).toBeNull()
      expect(impactBoardProblem(key, value, board), key).toBeNull()
    }
    expect(Object.keys(state.measurements)).toHaveLength(entries.length - 2 - 8)
  })

  it('measures every indicator of the four actions over a year, by residents and partners', () => {
    expect(actions).toHaveLength(4)
    const dates = Object.values(state.measurements)
      .map((m) => m.date)
      .sort()
    expect(dates[0]! >= '2025-12-01' && dates.at(-1)! <= '2026-11-30').toBe(true)
    for (const action of actions) {
      for (const indicator of action.props.indicators) {
        expect(measurementsOf(state, action.id, indicator.id).length, indicator.id).toBeGreaterThan(
          1,
        )
      }
    }
    const who = new Set(Object.values(state.measurements).map((m) => m.by))
    expect(who).toContain('Fatma (bewoners)')
    expect(who).toContain('Jeroen Bakker (woningcorporatie)')
  })

  it('tells a story a council reads: progress, one money estimate, a corrected typo', () => {
    const packs = byIndicator('pakketten')
    const latest = latestValue(state, packs.action.id, packs.indicator)!.value
    expect(latest).toBe(156)
    expect(progress(packs.indicator, latest)).toBeCloseTo(0.78)
    expect(moneyEstimate(packs.indicator, latest)).toEqual({
      estimate: true,
      euros: 13_260,
      change: 156,
      euroPerUnit: 85,
    })
    const visits = byIndicator('bezoekers')
    const values = measurementsOf(state, visits.action.id, 'bezoekers').map((m) => m.value)
    expect(values).not.toContain(310)
    expect(values).toContain(79)
    const green = byIndicator('groen')
    expect(green.indicator.unit).toBe('procent')
    expect(progress(green.indicator, 17)).toBeCloseTo(0.4)
  })

  it('has two rounds with a status for every action, and what moved between them', () => {
    expect(Object.values(state.rounds).map((r) => r.title)).toEqual([
      'Evaluatie voorjaar 2026',
      'Evaluatie najaar 2026',
    ])
    const rows = compareRounds(
      state,
      actions.map((a) => ({ id: a.id, indicators: a.props.indicators })),
      'voorjaar-2026',
      'najaar-2026',
    )
    for (const row of rows) {
      expect(row.statusA, row.actionId).not.toBeNull()
      expect(row.statusB, row.actionId).not.toBeNull()
      expect(row.moved).toBe(true)
    }
    const trees = rows.find((r) => r.actionId === byIndicator('bomen').action.id)!
    expect([trees.statusA, trees.statusB]).toEqual(['gepland', 'bezig'])
  })

  it('puts lessons and bottlenecks in the rounds', () => {
    const ids = new Set(DE_HORST_ROUNDS.map((r) => r.id))
    const inRounds = (type: string) =>
      records
        .filter(
          (r): r is TLRecord & { props: { roundId: string } } => 'type' in r && r.type === type,
        )
        .map((r) => r.props.roundId)
    for (const type of ['wt-lesson', 'wt-bottleneck']) {
      const rounds = inRounds(type)
      expect(rounds.length, type).toBe(2)
      for (const id of rounds) expect(ids.has(id), `${type} ${id}`).toBe(true)
    }
  })
})
