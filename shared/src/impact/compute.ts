import type { ActionStatus } from '../model/enums.js'
import type { EvaluationRound, ImpactState, Indicator, Measurement, UnitKind } from './impact.js'

/** A measurement with its id, as listed for an indicator. */
export type ListedMeasurement = Measurement & { id: string }

/**
 * The measurements of one indicator that count, oldest first (by date, then by when they were
 * written, then by id so every client lists them alike). A corrected measurement is left out
 * and its correction counts instead, with its own value but at the date of what it corrects
 * (the first measurement of its chain), so fixing an old typo never makes it the latest value
 * [2]; when the same measurement was corrected twice, only the later correction counts [1].
 */
export function measurementsOf(
  state: ImpactState,
  actionId: string,
  indicatorId: string,
): ListedMeasurement[] {
  const all = Object.entries(state.measurements)
    .filter(([, m]) => m.actionId === actionId && m.indicatorId === indicatorId)
    .map(([id, m]) => ({ ...m, id }))
  const superseded = new Set<string>()
  const lastCorrection = new Map<string, ListedMeasurement>()
  for (const m of all) {
    if (m.corrects === null) continue
    superseded.add(m.corrects)
    const other = lastCorrection.get(m.corrects)
    if (!other) lastCorrection.set(m.corrects, m)
    else if (byWritten(m, other) > 0) {
      superseded.add(other.id)
      lastCorrection.set(m.corrects, m)
    } else superseded.add(m.id)
  }
  const byId = new Map(all.map((m) => [m.id, m]))
  return all
    .filter((m) => !superseded.has(m.id))
    .map((m) => (m.corrects === null ? m : { ...m, date: placeOf(byId, m) }))
    .sort(byDate)
}

/** The date of the first measurement a correction's chain corrects (its own when unknown). */
function placeOf(byId: Map<string, ListedMeasurement>, correction: ListedMeasurement): string {
  let current = correction
  const seen = new Set<string>([current.id])
  while (current.corrects !== null) {
    const earlier = byId.get(current.corrects)
    if (!earlier || seen.has(earlier.id)) break // a missing or looping chain: stop where known
    seen.add(earlier.id)
    current = earlier
  }
  return current.date
}

/** Every measurement of an indicator as written, corrected ones included, oldest first. */
export function historyOf(
  state: ImpactState,
  actionId: string,
  indicatorId: string,
): ListedMeasurement[] {
  return Object.entries(state.measurements)
    .filter(([, m]) => m.actionId === actionId && m.indicatorId === indicatorId)
    .map(([id, m]) => ({ ...m, id }))
    .sort(byDate)
}

/** The latest value of an indicator and where it comes from. */
export interface Latest {
  value: number
  /** The day it was measured; null for the card's old undated `latest`. */
  date: string | null
  measurementId: string | null
}

/**
 * The latest value that counts: the last measurement (on or before `asOf`, a `YYYY-MM-DD`,
 * when given), else the indicator's undated latest value, else null.
 */
export function latestValue(
  state: ImpactState,
  actionId: string,
  indicator: Indicator,
  asOf?: string,
): Latest | null {
  const list = measurementsOf(state, actionId, indicator.id)
  const counted = asOf === undefined ? list : list.filter((m) => m.date <= asOf)
  const last = counted.at(-1)
  if (last) return { value: last.value, date: last.date, measurementId: last.id }
  if (indicator.undatedLatest !== null) {
    return { value: indicator.undatedLatest, date: null, measurementId: null }
  }
  return null
}

/**
 * How far from the baseline to the target the latest value is: 0 at the baseline, 1 at the
 * target, below 0 when it went the wrong way and above 1 past the target. A target below the
 * baseline (fewer litter bags) counts down. `latest` null falls back to the indicator's undated
 * latest value. Null when there is no value, no baseline or no target, or they are equal.
 */
export function progress(indicator: Indicator, latest: number | null): number | null {
  const value = latest ?? indicator.undatedLatest
  const { baseline, target } = indicator
  if (value === null || baseline === null || target === null || target === baseline) return null
  const ratio = (value - baseline) / (target - baseline)
  return ratio === 0 ? 0 : ratio // never -0 (a target below the baseline at its start)
}

/** Money the change since the baseline is worth, at the price per unit the table agreed. */
export interface MoneyEstimate {
  /** Always true: shown as an estimate ("± € 1.200, geschat"), never as a booked amount. */
  readonly estimate: true
  readonly euros: number
  /** The change since the baseline, in the indicator's unit. */
  readonly change: number
  readonly euroPerUnit: number
}

/**
 * The change since the baseline × `euroPerUnit`, or null when the table set no price per unit,
 * or there is no baseline or no value (`latest`, else the undated latest value).
 */
export function moneyEstimate(indicator: Indicator, latest: number | null): MoneyEstimate | null {
  const value = latest ?? indicator.undatedLatest
  const { baseline, euroPerUnit } = indicator
  if (euroPerUnit === null || baseline === null || value === null) return null
  const change = value - baseline
  return { estimate: true, euros: change * euroPerUnit, change, euroPerUnit }
}

/** The unit an indicator's numbers are in: two indicators add up only when these are equal. */
export function unitKey(indicator: Pick<Indicator, 'unit' | 'unitLabel'>): string {
  return indicator.unit === 'anders'
    ? `anders:${indicator.unitLabel.trim().toLowerCase()}`
    : indicator.unit
}

/**
 * Changes since the baseline added up per unit (never across units: 3 kg and 4 hours are not
 * 7 of anything). Indicators without a baseline or a value are left out.
 */
export function changesByUnit(
  items: readonly { indicator: Indicator; latest: number | null }[],
): Map<string, { unit: UnitKind; unitLabel: string; change: number; count: number }> {
  const totals = new Map<
    string,
    { unit: UnitKind; unitLabel: string; change: number; count: number }
  >()
  for (const { indicator, latest } of items) {
    const value = latest ?? indicator.undatedLatest
    if (value === null || indicator.baseline === null) continue
    const key = unitKey(indicator)
    const total = totals.get(key) ?? {
      unit: indicator.unit,
      unitLabel: indicator.unitLabel,
      change: 0,
      count: 0,
    }
    total.change += value - indicator.baseline
    total.count++
    totals.set(key, total)
  }
  return totals
}

/** An action as `compareRounds` needs it. */
export interface ActionForImpact {
  id: string
  indicators: readonly Indicator[]
}

export interface IndicatorComparison {
  indicatorId: string
  /** The latest value as of each round's date (measurements on or before it). */
  a: number | null
  b: number | null
  /** b − a, when both are known. */
  change: number | null
  progressA: number | null
  progressB: number | null
}

export interface ActionComparison {
  actionId: string
  statusA: ActionStatus | null
  statusB: ActionStatus | null
  indicators: IndicatorComparison[]
  /** The status changed, or a value changed between the rounds. */
  moved: boolean
}

/**
 * Two rounds side by side, per action: the status the table set in each (null when it did not
 * in that round) and each indicator's latest value as of each round's date. Rounds are taken
 * as given (a before b reads as "since a"); an unknown round id gives null values.
 */
export function compareRounds(
  state: ImpactState,
  actions: readonly ActionForImpact[],
  roundA: string,
  roundB: string,
): ActionComparison[] {
  const a = state.rounds[roundA]
  const b = state.rounds[roundB]
  return actions.map((action) => {
    const statusA = statusIn(state, a, action.id)
    const statusB = statusIn(state, b, action.id)
    const indicators = action.indicators.map((indicator) => {
      const va = a ? (latestDated(state, action.id, indicator, a.date) ?? null) : null
      const vb = b ? (latestDated(state, action.id, indicator, b.date) ?? null) : null
      return {
        indicatorId: indicator.id,
        a: va,
        b: vb,
        change: va !== null && vb !== null ? vb - va : null,
        progressA: va === null ? null : progress(indicator, va),
        progressB: vb === null ? null : progress(indicator, vb),
      }
    })
    const moved =
      statusA !== statusB || indicators.some((i) => i.a !== i.b && (i.a !== null || i.b !== null))
    return { actionId: action.id, statusA, statusB, indicators, moved }
  })
}

/** The rounds oldest first (by date, then when they were started). */
export function roundsInOrder(state: ImpactState): EvaluationRound[] {
  return Object.values(state.rounds).sort(
    (x, y) => x.date.localeCompare(y.date) || x.startedAt - y.startedAt,
  )
}

function statusIn(
  state: ImpactState,
  round: EvaluationRound | undefined,
  actionId: string,
): ActionStatus | null {
  return round ? (state.roundStatus[`${round.id}:${actionId}`]?.status ?? null) : null
}

/** The last dated value on or before `day`; the undated latest does not belong to a round. */
function latestDated(state: ImpactState, actionId: string, indicator: Indicator, day: string) {
  const latest = latestValue(state, actionId, indicator, day)
  return latest && latest.date !== null ? latest.value : null
}

function byWritten(x: ListedMeasurement, y: ListedMeasurement): number {
  return x.at - y.at || x.id.localeCompare(y.id)
}

function byDate(x: ListedMeasurement, y: ListedMeasurement): number {
  return x.date.localeCompare(y.date) || byWritten(x, y)
}

// [1] Corrections never delete: `historyOf` still lists what was first written (the overview
//     can show it struck through), while sums, charts and progress use `measurementsOf`.
// [2] A correction stands in the place of what it corrects (the example board's corrected
//     June typo): written today for a December count, it is December's value. Placing it here,
//     in the one function every sum, chart, CSV and infographic reads, means no client can
//     make a correction the "latest" by the date in its form.
