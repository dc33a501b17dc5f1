import type { ActionStatus } from '../model/enums.js'

/**
 * Dazo steps 7 and 8 in the board: indicators residents measure themselves, dated
 * measurements that are never overwritten, and evaluation rounds. This file is the contract
 * the shared model, the server's impact rule and the client's impact views code against.
 *
 * Where things live:
 * - An action's indicators are a field of the action card (`indicators: Indicator[]` in the
 *   card's props, shared/src/cards/kinds/action.ts), so they are edited, copied, versioned
 *   and validated like every other card field. Today's single indicator (`indicator`,
 *   `baseline`, `latest`, `target`, `measuredBy`) becomes the first entry by a card migration.
 * - Measurements and rounds are the root map `impact` of the board's Y.Doc (beside
 *   `records`, `meta` and `meeting`), one key per entry, so two phones adding a measurement
 *   at the same moment never overwrite each other (a card's props are one value: the last
 *   writer would win) [1].
 *
 * Keys of the `impact` map:
 * - `measurement:<id>` → Measurement: added by anyone who may edit, never changed or deleted
 *   afterwards by anyone (a mistake is corrected by a new measurement with `corrects`).
 * - `round:<id>` → EvaluationRound: the facilitator's.
 * - `roundStatus:<roundId>:<actionShapeId>` → RoundStatus: the action's status as the table
 *   set it in that round; anyone who may edit.
 */
export const YDOC_IMPACT = 'impact'

export const MEASUREMENT_PREFIX = 'measurement:'
export const ROUND_PREFIX = 'round:'
export const ROUND_STATUS_PREFIX = 'roundStatus:'

/** What a number counts in. Each unit says whether a value may be negative or fractional. */
export const UNIT_KINDS = ['aantal', 'euro', 'kg', 'kwh', 'procent', 'uur', 'anders'] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

/** One thing an action counts: "Bomen geplant", in `aantal`, from 0 to 20, by residents. */
export interface Indicator {
  /** Unique within its card; stable, measurements refer to it. */
  id: string
  /**
   * What is counted, in plain words (at most 200 characters: the card's old `indicator` field
   * allowed 200, and its migration must not cut anyone's words [2]).
   */
  what: string
  unit: UnitKind
  /** The unit's word when `unit` is `anders` ("stappen", "bezoekers"), ≤ 40; '' otherwise. */
  unitLabel: string
  baseline: number | null
  target: number | null
  /** Who measures: a participant kind id (`bewoner`, `gemeente`, ...) or free words (≤ 200). */
  measuredBy: string
  /** A value in euros per unit the table agreed on, for a money estimate; null when none. */
  euroPerUnit: number | null
  /**
   * The action card's `latest` from before measurements were dated, kept so nothing is lost;
   * shown as "zonder datum" until the first dated measurement. null on new indicators.
   */
  undatedLatest: number | null
}

export interface Measurement {
  /** The action card's shape id and the indicator's id within it. */
  actionId: string
  indicatorId: string
  value: number
  /** The day it was measured, `YYYY-MM-DD`; at most a year after the day it was written. */
  date: string
  /** Who measured, as they typed it (a name or "bewoners Lindelaan"), at most 80 characters. */
  by: string
  /** At most 200 characters; '' for none. */
  note: string
  /** When it was written (epoch ms) and by which person id (`PresenceUser.id`). */
  at: number
  personId: string
  /** The round it was taken in, or null. */
  roundId: string | null
  /** The id of an earlier measurement this one replaces in every sum; it stays in history. */
  corrects: string | null
}

export interface EvaluationRound {
  id: string
  /** "Evaluatie voorjaar 2027", at most 80 characters. */
  title: string
  /** `YYYY-MM-DD`. */
  date: string
  startedAt: number
  /** The facilitator's name. */
  by: string
}

export interface RoundStatus {
  status: ActionStatus
  /** What the table said about it in this round, at most 200 characters. */
  note: string
  at: number
}

/** The impact map as a client reads it. */
export interface ImpactState {
  /** By measurement id, oldest first when listed with `measurementsOf`. */
  measurements: Record<string, Measurement>
  /** By round id. */
  rounds: Record<string, EvaluationRound>
  /** By `<roundId>:<actionShapeId>`. */
  roundStatus: Record<string, RoundStatus>
}

export const EMPTY_IMPACT: ImpactState = { measurements: {}, rounds: {}, roundStatus: {} }

/** Where an action is on the road from today to the dream. */
export const ROAD_HORIZONS = ['kort', 'middellang', 'lang'] as const
export type RoadHorizon = (typeof ROAD_HORIZONS)[number]

/**
 * What a value in each unit may be: its lowest and highest value (null for no bound) and
 * whether it must be whole. Checked for measurements and for an indicator's baseline, target
 * and undated latest value [3].
 */
export interface UnitRule {
  readonly min: number | null
  readonly max: number | null
  readonly whole: boolean
}

export const UNIT_RULES: Record<UnitKind, UnitRule> = {
  aantal: { min: 0, max: null, whole: true },
  euro: { min: null, max: null, whole: false },
  kg: { min: 0, max: null, whole: false },
  kwh: { min: 0, max: null, whole: false },
  procent: { min: 0, max: 100, whole: false },
  uur: { min: 0, max: null, whole: false },
  anders: { min: null, max: null, whole: false },
}

/** Far beyond anything a neighbourhood counts; keeps sums and charts finite. */
export const MAX_IMPACT_NUMBER = 1e12
export const MAX_INDICATORS = 10
export const MAX_INDICATOR_TEXT = 200
export const MAX_UNIT_LABEL = 40
export const MAX_MEASUREMENT_BY = 80
export const MAX_MEASUREMENT_NOTE = 200
export const MAX_ROUND_TITLE = 80
export const MAX_ROUND_NOTE = 200

// [1] The same reason the meeting lives in its own map (shared/src/meeting/meeting.ts): one
//     Y.Map key per entry is a CRDT merge for free; anything inside one value is last
//     writer wins.
// [2] Changed from the first draft of this contract (120): a stored card's `indicator` may
//     hold up to 200 characters and becomes `what`.
// [3] Counts are whole and never negative; kilos, kWh and hours are never negative but may be
//     fractional (2.5 kg of vegetables); a percentage is 0 to 100; euros may be negative (a
//     cost, or a balance below zero); `anders` is the table's own unit, so only finite.
