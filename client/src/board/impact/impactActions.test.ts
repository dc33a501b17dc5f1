import {
  readImpact,
  YDOC_IMPACT,
  YDOC_RECORDS,
  type Indicator,
  type Measurement,
} from '@wijktafel/shared'
import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createImpactActions,
  type EditorImpactActions,
  type FacilitatorImpactActions,
  type MeasurementInput,
} from './impactActions'

const NOW = Date.UTC(2027, 3, 15, 10) // 15 April 2027
const ACTION = 'shape:action-trees'

function indicator(over: Partial<Indicator>): Indicator {
  return {
    id: 'i1',
    what: 'Bomen geplant',
    unit: 'aantal',
    unitLabel: '',
    baseline: 0,
    target: 20,
    measuredBy: 'bewoners',
    euroPerUnit: null,
    undatedLatest: null,
    ...over,
  }
}

/** A board with one action card, as the records map holds it. */
function boardDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap(YDOC_RECORDS).set(ACTION, {
    id: ACTION,
    typeName: 'shape',
    type: 'wt-action',
    props: {
      what: 'Bomen planten',
      status: 'gepland',
      indicators: [
        indicator({}),
        indicator({ id: 'i2', what: 'Groente geoogst', unit: 'kg' }),
        indicator({ id: 'i3', what: 'Tevreden', unit: 'procent' }),
      ],
    },
  })
  return doc
}

const input = (over: Partial<MeasurementInput> = {}): MeasurementInput => ({
  actionId: ACTION,
  indicatorId: 'i1',
  value: '12',
  date: '2027-04-14',
  by: 'Karim',
  note: '',
  ...over,
})

describe('impact actions on a real Y.Doc', () => {
  let doc: Y.Doc
  let editor: EditorImpactActions
  let lead: FacilitatorImpactActions
  let updates: number
  const impact = () => readImpact(doc.getMap<unknown>(YDOC_IMPACT).entries())

  beforeEach(() => {
    doc = boardDoc()
    const person = { id: 'person-karim', name: 'Karim', role: 'editor' as const }
    editor = createImpactActions(doc, person, () => NOW) as EditorImpactActions
    lead = createImpactActions(
      doc,
      { id: 'person-marieke', name: 'Marieke', role: 'facilitator' },
      () => NOW,
    ) as FacilitatorImpactActions
    updates = 0
    doc.on('update', () => updates++)
  })

  it('a viewer gets no actions at all', () => {
    expect(createImpactActions(doc, { id: 'v', name: 'Beamer', role: 'viewer' })).toBeNull()
  })

  it('adds a measurement typed with a decimal comma, as one update, under its own key', () => {
    const result = editor.addMeasurement(input({ indicatorId: 'i2', value: ' 3,5 ', note: 'juni' }))
    expect(result.ok).toBe(true)
    expect(updates).toBe(1)
    const all = Object.entries(impact().measurements)
    expect(all).toHaveLength(1)
    const [id, m] = all[0]!
    expect(result.ok && result.id).toBe(id)
    expect(m).toEqual<Measurement>({
      actionId: ACTION,
      indicatorId: 'i2',
      value: 3.5,
      date: '2027-04-14',
      by: 'Karim',
      note: 'juni',
      at: NOW,
      personId: 'person-karim',
      roundId: null,
      corrects: null,
    })
  })

  it.each([
    ['not a number', input({ value: 'twaalf' }), 'impact.problem.notNumber'],
    ['empty', input({ value: '' }), 'impact.problem.notNumber'],
    ['ambiguous thousands', input({ value: '1.000,5' }), 'impact.problem.notNumber'],
    ['a negative count', input({ value: '-3' }), 'impact.problem.negative'],
    ['a count with a comma', input({ value: '2,5' }), 'impact.problem.whole'],
    ['negative kilos', input({ indicatorId: 'i2', value: '-1' }), 'impact.problem.negative'],
    ['a percentage over 100', input({ indicatorId: 'i3', value: '120' }), 'impact.problem.percent'],
    ['a date that does not exist', input({ date: '2027-02-30' }), 'impact.problem.date'],
    ['a date over a year ahead', input({ date: '2028-04-16' }), 'impact.problem.date'],
    ['nobody measured', input({ by: '  ' }), 'impact.problem.noBy'],
    ['a long note', input({ note: 'x'.repeat(201) }), 'impact.problem.tooLong'],
    ['an unknown indicator', input({ indicatorId: 'i9' }), 'impact.problem.noIndicator'],
    ['an unknown action', input({ actionId: 'shape:gone' }), 'impact.problem.noIndicator'],
    ['an unknown round', input({ roundId: 'r-none' }), 'impact.problem.noRound'],
  ])('refuses %s with a reason and writes nothing', (_, bad, problem) => {
    expect(editor.addMeasurement(bad)).toEqual({ ok: false, problem })
    expect(updates).toBe(0)
    expect(impact().measurements).toEqual({})
  })

  it('takes a date exactly a year ahead, and a percentage of 100', () => {
    expect(editor.addMeasurement(input({ date: '2028-04-15' })).ok).toBe(true)
    expect(editor.addMeasurement(input({ indicatorId: 'i3', value: '100' })).ok).toBe(true)
  })

  it('corrects a measurement with a new one; the old one stays', () => {
    const first = editor.addMeasurement(input({ value: '12' }))
    if (!first.ok) throw new Error('not written')
    const fix = editor.correctMeasurement(first.id, input({ value: '21' }))
    expect(fix.ok).toBe(true)
    const measurements = impact().measurements
    expect(Object.keys(measurements)).toHaveLength(2)
    expect(measurements[first.id]!.value).toBe(12)
    expect(fix.ok && measurements[fix.id]).toMatchObject({ value: 21, corrects: first.id })
  })

  it('does not correct a measurement that does not exist or is of another indicator', () => {
    const first = editor.addMeasurement(input())
    if (!first.ok) throw new Error('not written')
    const before = updates
    expect(editor.correctMeasurement('m-nothing', input())).toEqual({
      ok: false,
      problem: 'impact.problem.noMeasurement',
    })
    expect(editor.correctMeasurement(first.id, input({ indicatorId: 'i2', value: '1' }))).toEqual({
      ok: false,
      problem: 'impact.problem.noMeasurement',
    })
    expect(updates).toBe(before)
  })

  it('only the facilitator starts a round; a round needs a name and a real date', () => {
    expect('startRound' in editor).toBe(false)
    expect(lead.startRound({ title: ' ', date: '2027-04-15' })).toEqual({
      ok: false,
      problem: 'impact.problem.noTitle',
    })
    expect(lead.startRound({ title: 'Evaluatie voorjaar 2027', date: '2027-13-01' })).toEqual({
      ok: false,
      problem: 'impact.problem.date',
    })
    expect(updates).toBe(0)
    const round = lead.startRound({ title: ' Evaluatie voorjaar 2027 ', date: '2027-04-15' })
    expect(round.ok).toBe(true)
    const rounds = Object.values(impact().rounds)
    expect(rounds).toEqual([
      {
        id: round.ok ? round.id : '',
        title: 'Evaluatie voorjaar 2027',
        date: '2027-04-15',
        startedAt: NOW,
        by: 'Marieke',
      },
    ])
  })

  it("a round's status is written with the card's status, in one update", () => {
    const round = lead.startRound({ title: 'Evaluatie voorjaar 2027', date: '2027-04-15' })
    if (!round.ok) throw new Error('no round')
    const before = updates
    expect(editor.setRoundStatus(round.id, ACTION, 'bezig', 'twaalf bomen staan er')).toEqual({
      ok: true,
      id: `roundStatus:${round.id}:${ACTION}`,
    })
    expect(updates).toBe(before + 1)
    expect(impact().roundStatus[`${round.id}:${ACTION}`]).toEqual({
      status: 'bezig',
      note: 'twaalf bomen staan er',
      at: NOW,
    })
    const card = doc.getMap(YDOC_RECORDS).get(ACTION) as { props: { status: string } }
    expect(card.props.status).toBe('bezig')
  })

  it('a round status for a round or action that does not exist writes nothing', () => {
    expect(editor.setRoundStatus('r-none', ACTION, 'klaar', '')).toEqual({
      ok: false,
      problem: 'impact.problem.noRound',
    })
    const round = lead.startRound({ title: 'Evaluatie', date: '2027-04-15' })
    if (!round.ok) throw new Error('no round')
    const before = updates
    expect(editor.setRoundStatus(round.id, 'shape:gone', 'klaar', '')).toEqual({
      ok: false,
      problem: 'impact.problem.noAction',
    })
    expect(updates).toBe(before)
  })

  it('a measurement taken in a round carries the round', () => {
    const round = lead.startRound({ title: 'Evaluatie', date: '2027-04-15' })
    if (!round.ok) throw new Error('no round')
    const m = editor.addMeasurement(input({ roundId: round.id }))
    expect(m.ok && impact().measurements[m.id]!.roundId).toBe(round.id)
  })
})
