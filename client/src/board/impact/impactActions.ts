import {
  canWriteImpactKey,
  impactBoardProblem,
  impactValueProblem,
  isDay,
  latestAllowedDay,
  MAX_MEASUREMENT_BY,
  MAX_MEASUREMENT_NOTE,
  MAX_ROUND_NOTE,
  MAX_ROUND_TITLE,
  measurementKey,
  readImpact,
  roundKey,
  roundStatusKey,
  YDOC_IMPACT,
  YDOC_RECORDS,
  type ActionStatus,
  type EvaluationRound,
  type Indicator,
  type Measurement,
  type MessageKey,
  type Role,
  type RoundStatus,
} from '@wijktafel/shared'
import type * as Y from 'yjs'
import { parseNumber, unitProblem } from './measurementInput'

/** A measurement as the form gives it: the value as typed ("12,5"), the rest as chosen. */
export interface MeasurementInput {
  actionId: string
  indicatorId: string
  /** As typed; a decimal comma or point. */
  value: string | number
  /** `YYYY-MM-DD`. */
  date: string
  by: string
  note: string
  roundId?: string | null
}

/** Written (with the new entry's id), or why not: a message key the form shows. */
export type WriteResult =
  { ok: true; id: string } | { ok: false; problem: MessageKey; detail?: string }

/** What anyone who may edit can do: add measurements (and corrections) and round statuses. */
export interface EditorImpactActions {
  role: 'editor'
  addMeasurement(input: MeasurementInput): WriteResult
  /** A new measurement that replaces `correctsId` in every sum; the old one stays in history. */
  correctMeasurement(correctsId: string, input: MeasurementInput): WriteResult
  /**
   * The action's status as the table set it in a round, and the card's status with it (one
   * transaction: everyone sees both change together).
   */
  setRoundStatus(roundId: string, actionId: string, status: ActionStatus, note: string): WriteResult
}

export interface FacilitatorImpactActions extends Omit<EditorImpactActions, 'role'> {
  role: 'facilitator'
  /** A new evaluation round; its id when written. */
  startRound(input: { title: string; date: string }): WriteResult
}

export type ImpactActions = EditorImpactActions | FacilitatorImpactActions

export interface ImpactPerson {
  id: string
  name: string
  role: Role
}

/**
 * The impact actions for one person on one doc, or null for a viewer. Each checks what it
 * writes with the shared checks the server uses (a value the server would refuse is not
 * written at all, and the person is told why in words) and writes in one transaction [1].
 */
export function createImpactActions(
  doc: Y.Doc,
  person: ImpactPerson,
  now: () => number = Date.now,
): ImpactActions | null {
  if (person.role === 'viewer') return null
  const map = doc.getMap<unknown>(YDOC_IMPACT)
  const records = doc.getMap<unknown>(YDOC_RECORDS)

  const actionRecord = (actionId: string): { props: Record<string, unknown> } | null => {
    const record = records.get(actionId) as { type?: string; props?: unknown } | undefined
    if (!record || record.type !== 'wt-action' || typeof record.props !== 'object') return null
    return record as { props: Record<string, unknown> }
  }
  const indicatorOf = (actionId: string, indicatorId: string): Indicator | null => {
    const list = actionRecord(actionId)?.props.indicators
    if (!Array.isArray(list)) return null
    return (list as Indicator[]).find((i) => i.id === indicatorId) ?? null
  }

  /**
   * The last gate: the same checks the server's impact rule makes (who may write the key, the
   * value's shape, and that it fits the board). The friendlier checks before it should have
   * caught anything a person can do; what passes them but not this is still not written.
   */
  const gate = (key: string, value: unknown): WriteResult | null => {
    if (!canWriteImpactKey(person.role, key, map.has(key))) {
      return { ok: false, problem: 'impact.problem.notAllowed' }
    }
    const problem =
      impactValueProblem(key, value, { now: now() }) ??
      impactBoardProblem(key, value, {
        indicatorsOf: (actionId) => {
          const list = actionRecord(actionId)?.props.indicators
          return Array.isArray(list) ? (list as Indicator[]) : undefined
        },
        impact: readImpact([...map.entries(), [key, value]]),
      })
    return problem === null ? null : { ok: false, problem: 'impact.problem.other', detail: problem }
  }

  const measurement = (input: MeasurementInput, corrects: string | null): WriteResult => {
    const indicator = indicatorOf(input.actionId, input.indicatorId)
    if (!indicator) return { ok: false, problem: 'impact.problem.noIndicator' }
    const value = parseNumber(input.value)
    if (value === null) return { ok: false, problem: 'impact.problem.notNumber' }
    const unit = unitProblem(indicator.unit, value)
    if (unit) return { ok: false, problem: unit }
    const date = input.date.trim()
    if (!isDay(date) || date < '1900-01-01' || date > latestAllowedDay(now())) {
      return { ok: false, problem: 'impact.problem.date' }
    }
    const by = input.by.trim()
    if (by === '') return { ok: false, problem: 'impact.problem.noBy' }
    if (by.length > MAX_MEASUREMENT_BY || input.note.trim().length > MAX_MEASUREMENT_NOTE) {
      return { ok: false, problem: 'impact.problem.tooLong' }
    }
    const roundId = input.roundId ?? null
    if (roundId !== null && !map.has(roundKey(roundId))) {
      return { ok: false, problem: 'impact.problem.noRound' }
    }
    if (corrects !== null) {
      const earlier = readImpact(map.entries()).measurements[corrects]
      if (!earlier || earlier.actionId !== input.actionId || earlier.indicatorId !== indicator.id) {
        return { ok: false, problem: 'impact.problem.noMeasurement' }
      }
    }
    const entry: Measurement = {
      actionId: input.actionId,
      indicatorId: input.indicatorId,
      value,
      date,
      by,
      note: input.note.trim(),
      at: now(),
      personId: person.id,
      roundId,
      corrects,
    }
    const id = newId('m')
    const key = measurementKey(id)
    const refused = gate(key, entry)
    if (refused) return refused
    doc.transact(() => map.set(key, entry))
    return { ok: true, id }
  }

  const editor: EditorImpactActions = {
    role: 'editor',
    addMeasurement: (input) => measurement(input, null),
    correctMeasurement: (correctsId, input) => measurement(input, correctsId),
    setRoundStatus(roundId, actionId, status, note) {
      if (!map.has(roundKey(roundId))) return { ok: false, problem: 'impact.problem.noRound' }
      const action = actionRecord(actionId)
      if (!action) return { ok: false, problem: 'impact.problem.noAction' }
      if (note.trim().length > MAX_ROUND_NOTE)
        return { ok: false, problem: 'impact.problem.tooLong' }
      const key = roundStatusKey(roundId, actionId)
      const value: RoundStatus = { status, note: note.trim(), at: now() }
      const refused = gate(key, value)
      if (refused) return refused
      doc.transact(() => {
        map.set(key, value)
        // The card's own status changes with it: the board shows where things stand now [2].
        if (action.props.status !== status) {
          records.set(actionId, { ...action, props: { ...action.props, status } })
        }
      })
      return { ok: true, id: key }
    },
  }
  if (person.role !== 'facilitator') return editor

  return {
    ...editor,
    role: 'facilitator',
    startRound(input) {
      const title = input.title.trim()
      if (title === '') return { ok: false, problem: 'impact.problem.noTitle' }
      if (title.length > MAX_ROUND_TITLE) return { ok: false, problem: 'impact.problem.tooLong' }
      const date = input.date.trim()
      if (!isDay(date) || date > latestAllowedDay(now())) {
        return { ok: false, problem: 'impact.problem.date' }
      }
      const id = newId('r')
      const round: EvaluationRound = {
        id,
        title,
        date,
        startedAt: now(),
        by: person.name.slice(0, MAX_MEASUREMENT_BY),
      }
      const key = roundKey(id)
      const refused = gate(key, round)
      if (refused) return refused
      doc.transact(() => map.set(key, round))
      return { ok: true, id }
    },
  }
}

function newId(prefix: string): string {
  const random = crypto.getRandomValues(new Uint32Array(2))
  return `${prefix}-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`
}

// [1] The server checks the same again (server/src/rules/impactRule.ts) and puts back what it
//     refuses; checking first means a person never sees a measurement appear and vanish, and
//     gets a reason in their own words instead of the server's.
// [2] Written into the records map like any remote change: the store bridge
//     (client/src/board/sync/YjsStoreBridge.ts) reads back every local write that is not its
//     own, so the card on this screen changes too. It is not an undo step on the canvas: a
//     round's verdict is undone by setting another status in the round.
