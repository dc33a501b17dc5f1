import {
  compareRounds as compareInModel,
  latestValue,
  measurementsOf,
  moneyEstimate,
  progress,
  roundsInOrder,
  type ActionStatus,
  type EvaluationRound,
  type ImpactState,
  type Indicator,
  type ParticipantKind,
  type UnitKind,
  type ValueKind,
} from '@wijktafel/shared'

/**
 * What the impact overview and the infographic show, computed once from the board's cards
 * and its impact map: per action its indicators with baseline, latest, target, progress, the
 * dated history and a money estimate; the rounds; the lessons and bottlenecks of the latest
 * round. Pure, so the infographic's layout can be tested from it without a browser [1].
 */
export interface ImpactSummary {
  title: string
  dream: string
  actions: ActionSummary[]
  /** Oldest first. */
  rounds: EvaluationRound[]
  latestRound: EvaluationRound | null
  lessons: { text: string; date: string }[]
  bottlenecks: { text: string; whoCanRemove: string }[]
}

export interface ActionSummary {
  id: string
  what: string
  status: ActionStatus
  owner: { name: string; kind: ParticipantKind } | null
  due: string
  values: ValueKind[]
  indicators: IndicatorSummary[]
}

export interface IndicatorSummary {
  id: string
  what: string
  unit: UnitKind
  unitLabel: string
  measuredBy: string
  baseline: number | null
  target: number | null
  /** The latest measurement, or the card's undated number from before, or null. */
  latest: number | null
  /** The latest measurement's day; null when `latest` is undated or absent. */
  latestDate: string | null
  /** 0 at the baseline, 1 at the target, beyond either end as measured; null if unknown. */
  progress: number | null
  /** Dated measurements, oldest first, corrections applied. */
  points: { date: string; value: number }[]
  /** The change since the baseline × euroPerUnit; null when the table set no value per unit. */
  money: number | null
  euroPerUnit: number | null
}

/** The cards the overview reads, as plain data (useImpactSummary takes them from tldraw). */
export interface ImpactCards {
  title: string
  dream: string
  /** In reading order (page, then top to bottom, left to right). */
  actions: {
    id: string
    what: string
    status: ActionStatus
    ownerId: string | null
    due: string
    values: readonly ValueKind[]
    indicators: readonly Indicator[]
  }[]
  participants: Record<string, { name: string; kind: ParticipantKind }>
  lessons: { text: string; date: string; roundId: string }[]
  bottlenecks: { text: string; whoCanRemove: string; roundId: string }[]
}

export function buildSummary(cards: ImpactCards, impact: ImpactState): ImpactSummary {
  const rounds = roundsInOrder(impact)
  const latestRound = rounds.at(-1) ?? null
  const inRound = <T extends { roundId: string }>(list: T[]) =>
    latestRound ? list.filter((c) => c.roundId === latestRound.id) : []
  return {
    title: cards.title,
    dream: cards.dream,
    actions: cards.actions.map((a) => ({
      id: a.id,
      what: a.what,
      status: a.status,
      owner: (a.ownerId && cards.participants[a.ownerId]) || null,
      due: a.due,
      values: [...a.values],
      indicators: a.indicators.map((i) => indicatorSummary(impact, a.id, i)),
    })),
    rounds,
    latestRound,
    lessons: inRound(cards.lessons).map(({ text, date }) => ({ text, date })),
    bottlenecks: inRound(cards.bottlenecks).map(({ text, whoCanRemove }) => ({
      text,
      whoCanRemove,
    })),
  }
}

function indicatorSummary(
  impact: ImpactState,
  actionId: string,
  indicator: Indicator,
): IndicatorSummary {
  const history = measurementsOf(impact, actionId, indicator.id)
  const latest = latestValue(impact, actionId, indicator)
  return {
    id: indicator.id,
    what: indicator.what,
    unit: indicator.unit,
    unitLabel: indicator.unitLabel,
    measuredBy: indicator.measuredBy,
    baseline: indicator.baseline,
    target: indicator.target,
    latest: latest?.value ?? null,
    latestDate: latest?.date ?? null,
    progress: progress(indicator, latest?.value ?? null),
    points: history.map((m) => ({ date: m.date, value: m.value })),
    money: moneyEstimate(indicator, latest?.value ?? null)?.euros ?? null,
    euroPerUnit: indicator.euroPerUnit,
  }
}

/** Per action, its status and first indicator's value in two rounds, and what moved. */
export interface RoundRow {
  actionId: string
  what: string
  a: { status: ActionStatus | null; value: number | null }
  b: { status: ActionStatus | null; value: number | null }
  /** The status changed or a value did (the shared model's `moved`). */
  moved: boolean
  /** b's value minus a's; null when either is unknown. */
  change: number | null
  indicator: IndicatorSummary | null
}

/** Two rounds side by side, as the shared model compares them (shared/src/impact/compute.ts). */
export function compareRounds(
  summary: ImpactSummary,
  impact: ImpactState,
  a: EvaluationRound,
  b: EvaluationRound,
): RoundRow[] {
  const actions = summary.actions.map((action) => ({
    id: action.id,
    indicators: action.indicators.map((i): Indicator => ({
      id: i.id,
      what: i.what,
      unit: i.unit,
      unitLabel: i.unitLabel,
      baseline: i.baseline,
      target: i.target,
      measuredBy: i.measuredBy,
      euroPerUnit: i.euroPerUnit,
      // A round compares dated measurements only; the undated number belongs to none.
      undatedLatest: null,
    })),
  }))
  const compared = compareInModel(impact, actions, a.id, b.id)
  return summary.actions.map((action, i) => {
    const c = compared[i]!
    const first = c.indicators[0]
    return {
      actionId: action.id,
      what: action.what,
      a: { status: c.statusA, value: first?.a ?? null },
      b: { status: c.statusB, value: first?.b ?? null },
      moved: c.moved,
      change: first?.change ?? null,
      indicator: action.indicators[0] ?? null,
    }
  })
}

// [1] The numbers themselves (corrections, a target below the baseline, money) are the
//     shared model's (shared/src/impact), the same the card's goal block and the server's
//     CSV use; this file only gathers them per action for a page and an image.
