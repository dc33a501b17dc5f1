import { describe, expect, it } from 'vitest'
import {
  measurementKey,
  newIndicator,
  roundKey,
  roundStatusKey,
  type EvaluationRound,
  type Measurement,
  type Role,
} from '@wijktafel/shared'
import { actionCard, boardBasics } from '../../../tests/helpers/records.js'
import type { MapUpdate } from '../../../tests/helpers/ruleContext.js'
import { byId, ruleContext } from '../../../tests/helpers/ruleContext.js'
import stored from '../../../shared/src/cards/fixtures/example-board-before-kit.json' with { type: 'json' }
import { createBoardSchema } from '../records/boardSchema.js'
import { impactRule } from './impactRule.js'

const NOW = Date.UTC(2026, 10, 28, 20, 0)
const rule = impactRule(createBoardSchema(), () => NOW)
const trees = { ...newIndicator('bomen'), what: 'Bomen geplant', baseline: 0, target: 20 }
const green = { ...newIndicator('groen'), unit: 'procent', baseline: 5, target: 35 }
const board = byId(...boardBasics(), actionCard('plein', { indicators: [trees, green] }))

const measurement = (over: Partial<Measurement> = {}): Measurement => ({
  actionId: 'shape:plein',
  indicatorId: 'bomen',
  value: 4,
  date: '2026-11-20',
  by: 'Bewoners Lindelaan',
  note: '',
  at: NOW,
  personId: 'ana-1',
  roundId: null,
  corrects: null,
  ...over,
})
const round: EvaluationRound = {
  id: 'najaar',
  title: 'Evaluatie najaar 2026',
  date: '2026-11-28',
  startedAt: NOW,
  by: 'Marieke',
}

const judge = (impact: MapUpdate, role: Role = 'editor', records = board, meta?: MapUpdate) =>
  rule.checkAll!(ruleContext({ role, records: { before: records }, impact, ...(meta && { meta }) }))

describe('impactRule', () => {
  it('takes a measurement from an editor, and a round from the facilitator', () => {
    expect(judge({ writes: { [measurementKey('m1')]: measurement() } })).toEqual([])
    expect(judge({ writes: { [roundKey('najaar')]: round } }, 'facilitator')).toEqual([])
    const status = { status: 'bezig', note: 'Vier bomen staan', at: NOW }
    expect(
      judge({
        before: { [roundKey('najaar')]: round },
        writes: { [roundStatusKey('najaar', 'shape:plein')]: status },
      }),
    ).toEqual([])
  })

  it('never lets a measurement be changed or deleted, not even by the facilitator', () => {
    const before = { [measurementKey('m1')]: measurement() }
    expect(
      judge(
        { before, writes: { [measurementKey('m1')]: measurement({ value: 9 }) } },
        'facilitator',
      ),
    ).toEqual([
      {
        map: 'impact',
        key: 'measurement:m1',
        reason: 'a measurement is never changed; add a correction instead',
      },
    ])
    expect(judge({ before, deletes: [measurementKey('m1')] })).toEqual([
      {
        map: 'impact',
        key: 'measurement:m1',
        reason: 'a measurement is never deleted; add a correction instead',
      },
    ])
  })

  it("puts back an editor's round", () => {
    expect(judge({ writes: { [roundKey('najaar')]: round } })).toEqual([
      {
        map: 'impact',
        key: 'round:najaar',
        reason: 'impact.round:najaar is for the facilitator only',
      },
    ])
  })

  it('puts back a value that is not a number, a date more than a year ahead, an unknown key', () => {
    expect(
      judge({
        writes: {
          [measurementKey('a')]: { ...measurement(), value: 'vier' },
          [measurementKey('b')]: measurement({ date: '2027-12-01' }),
          owner: { x: 1 },
        },
      }),
    ).toEqual([
      { map: 'impact', key: 'measurement:a', reason: 'impact measurement value is not a number' },
      {
        map: 'impact',
        key: 'measurement:b',
        reason: 'impact measurement date is more than a year ahead',
      },
      { map: 'impact', key: 'owner', reason: 'impact.owner is not an impact key' },
    ])
  })

  it('judges a measurement against the board: its action, its indicator, its unit', () => {
    expect(
      judge({
        writes: {
          [measurementKey('a')]: measurement({ value: -2 }),
          [measurementKey('b')]: measurement({ indicatorId: 'groen', value: 120 }),
          [measurementKey('c')]: measurement({ actionId: 'shape:weg' }),
          [measurementKey('d')]: measurement({ indicatorId: 'stappen' }),
          [measurementKey('e')]: measurement({ indicatorId: 'groen', value: 12.5 }),
        },
      }),
    ).toEqual([
      { map: 'impact', key: 'measurement:a', reason: 'impact: the value is below 0 (aantal)' },
      { map: 'impact', key: 'measurement:b', reason: 'impact: the value is above 100 (procent)' },
      {
        map: 'impact',
        key: 'measurement:c',
        reason: 'impact: the action shape:weg is not on the board',
      },
      {
        map: 'impact',
        key: 'measurement:d',
        reason: 'impact: the action has no indicator stappen',
      },
    ])
  })

  it('takes a correction of an earlier measurement, and of one written in the same update', () => {
    const before = { [measurementKey('m1')]: measurement({ value: 40 }) }
    const fix = measurement({ value: 4, corrects: 'm1' })
    expect(judge({ before, writes: { [measurementKey('m2')]: fix } })).toEqual([])
    expect(
      judge({ writes: { [measurementKey('m1')]: measurement(), [measurementKey('m2')]: fix } }),
    ).toEqual([])
    expect(judge({ writes: { [measurementKey('m2')]: fix } })).toEqual([
      {
        map: 'impact',
        key: 'measurement:m2',
        reason: 'impact: the measurement it corrects does not exist',
      },
    ])
  })

  it('refuses a measurement in a round that was refused in the same update', () => {
    expect(
      judge({
        writes: {
          [roundKey('najaar')]: round,
          [measurementKey('m1')]: measurement({ roundId: 'najaar' }),
        },
      }),
    ).toEqual([
      {
        map: 'impact',
        key: 'round:najaar',
        reason: 'impact.round:najaar is for the facilitator only',
      },
      { map: 'impact', key: 'measurement:m1', reason: 'impact: the round najaar does not exist' },
    ])
  })

  it("reads an action card stored in today's old layout through its migration", () => {
    const old = actionCard('oud')
    const { indicators: _, horizon: __, ...props } = old.props as Record<string, unknown>
    Object.assign(props, {
      indicator: 'Bezoekers',
      baseline: 0,
      target: 150,
      latest: 37,
      measuredBy: 'bewoners',
    })
    const records = { ...board, [old.id]: { ...old, props } }
    const m = measurement({ actionId: 'shape:oud', indicatorId: 'i1', value: 40 })
    const meta = { before: { schema: stored.schema } }
    expect(judge({ writes: { [measurementKey('m1')]: m } }, 'editor', records, meta)).toEqual([])
  })
})
