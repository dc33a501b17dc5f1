import type { Role } from '../protocol/roles.js'
import { ACTION_STATUS_IDS } from '../model/enums.js'
import { isJsonObject } from '../schema/isJsonObject.js'
import {
  MAX_MEASUREMENT_BY,
  MAX_MEASUREMENT_NOTE,
  MAX_ROUND_NOTE,
  MAX_ROUND_TITLE,
  MEASUREMENT_PREFIX,
  ROUND_PREFIX,
  ROUND_STATUS_PREFIX,
  type EvaluationRound,
  type ImpactState,
  type Indicator,
  type Measurement,
  type RoundStatus,
} from './impact.js'
import { IMPACT_ID, unitValueProblem } from './indicators.js'

/** A key of the impact map, parsed. */
export type ImpactKey =
  | { kind: 'measurement'; id: string }
  | { kind: 'round'; id: string }
  | { kind: 'roundStatus'; roundId: string; actionId: string }

const SHAPE_ID = /^shape:[A-Za-z0-9:_-]{1,80}$/
const PERSON_ID = /^[A-Za-z0-9:_-]{1,80}$/

export const measurementKey = (id: string) => MEASUREMENT_PREFIX + id
export const roundKey = (id: string) => ROUND_PREFIX + id
export const roundStatusKey = (roundId: string, actionId: string) =>
  `${ROUND_STATUS_PREFIX}${roundId}:${actionId}`

/** The parts of an impact key, or null for a key that is not one. */
export function parseImpactKey(key: string): ImpactKey | null {
  if (key.startsWith(MEASUREMENT_PREFIX)) {
    const id = key.slice(MEASUREMENT_PREFIX.length)
    return IMPACT_ID.test(id) ? { kind: 'measurement', id } : null
  }
  if (key.startsWith(ROUND_PREFIX)) {
    const id = key.slice(ROUND_PREFIX.length)
    return IMPACT_ID.test(id) ? { kind: 'round', id } : null
  }
  if (key.startsWith(ROUND_STATUS_PREFIX)) {
    const rest = key.slice(ROUND_STATUS_PREFIX.length)
    const colon = rest.indexOf(':')
    const roundId = rest.slice(0, colon)
    const actionId = rest.slice(colon + 1)
    if (colon < 0 || !IMPACT_ID.test(roundId) || !SHAPE_ID.test(actionId)) return null
    return { kind: 'roundStatus', roundId, actionId }
  }
  return null
}

/**
 * Who may write an impact key. Measurements: added by an editor or the facilitator, never
 * changed or deleted by anyone once they exist (`exists`: the key has a value before this
 * write) [1]. Rounds: the facilitator. A round's action status: an editor or the facilitator.
 */
export function canWriteImpactKey(role: Role, key: string, exists: boolean): boolean {
  if (role === 'viewer') return false
  const parsed = parseImpactKey(key)
  if (!parsed) return false
  switch (parsed.kind) {
    case 'measurement':
      return !exists
    case 'round':
      return role === 'facilitator'
    case 'roundStatus':
      return true
  }
}

/**
 * What the value checks need besides the value: the time of writing (epoch ms), or null when
 * reading what was written earlier (a date a year ahead of today was fine when it was written).
 */
export interface ImpactCheckContext {
  now: number | null
}

/**
 * Why `value` cannot be stored under `key`, judged on its own (shape, lengths, numbers and
 * dates), or null when it can. `undefined` is a delete, always well-formed; who may delete is
 * `canWriteImpactKey`'s question. What only the board can tell (the action and indicator
 * exist, the unit allows the value, the round exists) is `impactBoardProblem` [2].
 */
export function impactValueProblem(
  key: string,
  value: unknown,
  context: ImpactCheckContext,
): string | null {
  const parsed = parseImpactKey(key)
  if (!parsed) return `impact.${short(key)} is not an impact key`
  if (value === undefined) return null
  if (!isJsonObject(value)) return `impact.${short(key)} is not a JSON object`
  switch (parsed.kind) {
    case 'measurement':
      return measurementProblem(value, context)
    case 'round':
      return roundProblem(parsed.id, value)
    case 'roundStatus':
      return roundStatusProblem(value)
  }
}

/** The board as `impactBoardProblem` needs it. */
export interface ImpactBoard {
  /** The indicators of the action card with this shape id, or undefined when there is none. */
  indicatorsOf(actionId: string): readonly Indicator[] | undefined
  /** The impact map after the write (other keys of the same update included). */
  impact: ImpactState
}

/**
 * Why a well-formed value (see `impactValueProblem`) does not fit the board, or null: a
 * measurement's action and indicator exist and its value fits the indicator's unit, its round
 * exists, the measurement it corrects is one of the same indicator; a round status's round
 * and action exist. Deletes always fit.
 */
export function impactBoardProblem(key: string, value: unknown, board: ImpactBoard): string | null {
  const parsed = parseImpactKey(key)
  if (!parsed || value === undefined) return null
  if (parsed.kind === 'measurement') {
    const m = value as Measurement
    const indicator = board.indicatorsOf(m.actionId)?.find((i) => i.id === m.indicatorId)
    if (!board.indicatorsOf(m.actionId))
      return `the action ${short(m.actionId)} is not on the board`
    if (!indicator) return `the action has no indicator ${short(m.indicatorId)}`
    const problem = unitValueProblem(indicator.unit, m.value)
    if (problem) return `the value ${problem}`
    if (m.roundId !== null && !board.impact.rounds[m.roundId]) {
      return `the round ${short(m.roundId)} does not exist`
    }
    if (m.corrects !== null) {
      const earlier = board.impact.measurements[m.corrects]
      if (!earlier) return `the measurement it corrects does not exist`
      if (earlier.actionId !== m.actionId || earlier.indicatorId !== m.indicatorId) {
        return 'a correction must be of the same indicator'
      }
    }
    return null
  }
  if (parsed.kind === 'roundStatus') {
    if (!board.impact.rounds[parsed.roundId])
      return `the round ${short(parsed.roundId)} does not exist`
    if (!board.indicatorsOf(parsed.actionId)) return 'the action is not on the board'
  }
  return null
}

/** The impact map's entries as a client reads them; malformed values are left out. */
export function readImpact(
  entries: Iterable<[string, unknown]>,
  context: ImpactCheckContext = { now: null },
): ImpactState {
  const state: ImpactState = { measurements: {}, rounds: {}, roundStatus: {} }
  for (const [key, value] of entries) {
    if (value === undefined || impactValueProblem(key, value, context) !== null) continue
    const parsed = parseImpactKey(key)!
    if (parsed.kind === 'measurement') state.measurements[parsed.id] = value as Measurement
    else if (parsed.kind === 'round') state.rounds[parsed.id] = value as EvaluationRound
    else state.roundStatus[`${parsed.roundId}:${parsed.actionId}`] = value as RoundStatus
  }
  return state
}

/** `YYYY-MM-DD` of a day that exists. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.toISOString().slice(0, 10) === value
}

/** The last day a measurement written at `now` may carry: the same day a year later. */
export function latestAllowedDay(now: number): string {
  const d = new Date(now)
  d.setUTCFullYear(d.getUTCFullYear() + 1)
  return d.toISOString().slice(0, 10)
}

function measurementProblem(v: Record<string, unknown>, context: ImpactCheckContext) {
  const { actionId, indicatorId, value, date, by, note, at, personId, roundId, corrects } = v
  if (typeof actionId !== 'string' || !SHAPE_ID.test(actionId)) {
    return 'impact measurement actionId is not a shape id'
  }
  if (typeof indicatorId !== 'string' || !IMPACT_ID.test(indicatorId)) {
    return 'impact measurement indicatorId is not an id'
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return 'impact measurement value is not a number'
  }
  if (!isDay(date)) return 'impact measurement date is not a day as YYYY-MM-DD'
  if (date < '1900-01-01') return 'impact measurement date is before 1900'
  if (context.now !== null && date > latestAllowedDay(context.now)) {
    return 'impact measurement date is more than a year ahead'
  }
  if (!isText(by, MAX_MEASUREMENT_BY)) {
    return `impact measurement by is not text of at most ${MAX_MEASUREMENT_BY} characters`
  }
  if (!isText(note, MAX_MEASUREMENT_NOTE)) {
    return `impact measurement note is not text of at most ${MAX_MEASUREMENT_NOTE} characters`
  }
  if (!isTime(at)) return 'impact measurement at is not a time'
  if (typeof personId !== 'string' || !PERSON_ID.test(personId)) {
    return 'impact measurement personId is not an id'
  }
  if (roundId !== null && !(typeof roundId === 'string' && IMPACT_ID.test(roundId))) {
    return 'impact measurement roundId is not a round id or null'
  }
  if (corrects !== null && !(typeof corrects === 'string' && IMPACT_ID.test(corrects))) {
    return 'impact measurement corrects is not a measurement id or null'
  }
  return onlyKeys(
    v,
    [
      'actionId',
      'indicatorId',
      'value',
      'date',
      'by',
      'note',
      'at',
      'personId',
      'roundId',
      'corrects',
    ],
    'measurement',
  )
}

function roundProblem(id: string, v: Record<string, unknown>) {
  const { id: ownId, title, date, startedAt, by } = v
  if (ownId !== id) return 'impact round id is not the id in its key'
  if (!isText(title, MAX_ROUND_TITLE) || title.trim() === '') {
    return `impact round title is not 1 to ${MAX_ROUND_TITLE} characters`
  }
  if (!isDay(date)) return 'impact round date is not a day as YYYY-MM-DD'
  if (!isTime(startedAt)) return 'impact round startedAt is not a time'
  if (!isText(by, MAX_MEASUREMENT_BY)) return 'impact round by is too long'
  return onlyKeys(v, ['id', 'title', 'date', 'startedAt', 'by'], 'round')
}

function roundStatusProblem(v: Record<string, unknown>) {
  const { status, note, at } = v
  if (!(ACTION_STATUS_IDS as readonly unknown[]).includes(status)) {
    return 'impact round status is not an action status'
  }
  if (!isText(note, MAX_ROUND_NOTE)) return `impact round status note is over ${MAX_ROUND_NOTE}`
  if (!isTime(at)) return 'impact round status at is not a time'
  return onlyKeys(v, ['status', 'note', 'at'], 'round status')
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

function onlyKeys(value: Record<string, unknown>, keys: string[], what: string): string | null {
  const extra = Object.keys(value).find((k) => !keys.includes(k))
  if (extra !== undefined) return `impact ${what} has an unknown field '${short(extra)}'`
  const missing = keys.find((k) => !(k in value))
  return missing === undefined ? null : `impact ${what} has no '${missing}'`
}

function short(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s
}

// [1] A measurement is a fact someone wrote down on a date; the history is the point (the
//     publication's "evaluate regularly over several years"). A mistake is corrected by a new
//     measurement with `corrects`, so what was first written stays visible.
// [2] The split lets the client check a measurement before it writes (the shape check needs
//     nothing but the clock), and the server judge it against the records of the same update.
//     `readImpact` uses only the shape check: a measurement of an action deleted later stays in
//     the map (and in the history of a restored version) but no card shows it.
