import {
  MEETING_VOTE,
  ballotVoter,
  canWriteMeetingKey,
  checkBallot,
  findCard,
  isMeetingKey,
  meetingValueProblem,
} from '@wijktafel/shared'
import type { MeetingBallot, MeetingVote } from '@wijktafel/shared'
import { shortKey } from '../rooms/closeReason.js'
import type { KeyChange, RecordsView, Refusal, Rule, RuleContext } from './Rule.js'

/**
 * The `meeting` map (shared/src/meeting): each key only by the role that may write it
 * (`follow`, `timer` and `vote` the facilitator's, a ballot anyone's who writes), each value
 * well-formed, and a ballot a valid one in the vote as it stands after the update: that vote,
 * still open, no more dots than it allows, each on a card that is on the board [1]. Taking a
 * ballot away is the facilitator's; a voter takes their dots back with `cards: []`. Every
 * refused key is put back; the rest of the update goes through.
 */
export const meetingRule: Rule = {
  name: 'meeting',
  check: (context) => refusals(context)[0] ?? null,
  checkAll: refusals,
}

function refusals(context: RuleContext): Refusal[] {
  const { role, meetingChanges } = context
  const found: Refusal[] = []
  const ballots: KeyChange[] = []
  for (const change of meetingChanges) {
    const problem = safely(() => keyProblem(role, change))
    if (problem) found.push({ map: 'meeting', key: change.key, reason: problem })
    else if (change.action !== 'delete' && ballotVoter(change.key) !== null) ballots.push(change)
  }
  if (ballots.length === 0) return found
  const vote = voteAfter(context, found)
  for (const { key, before, after } of ballots) {
    const problem = safely(() =>
      ballotProblem(after as MeetingBallot, before, vote, context.records),
    )
    if (problem) found.push({ map: 'meeting', key, reason: `meeting ballot: ${problem}` })
  }
  return found
}

function keyProblem(role: RuleContext['role'], { key, action, after }: KeyChange): string | null {
  const name = shortKey(key, 48)
  if (!isMeetingKey(key)) return `meeting.${name} is not a meeting key`
  if (!canWriteMeetingKey(role, key)) return `meeting.${name} is for the facilitator only`
  if (action === 'delete' && ballotVoter(key) !== null && role !== 'facilitator') {
    return `meeting.${name} can only be emptied, the facilitator deletes it`
  }
  return meetingValueProblem(key, after)
}

/** The vote as the board will hold it: its value before the update when that is put back. */
function voteAfter(context: RuleContext, found: readonly Refusal[]): MeetingVote | null {
  const refused = found.some((refusal) => refusal.key === MEETING_VOTE)
  const value = refused
    ? context.meetingChanges.find((change) => change.key === MEETING_VOTE)!.before
    : context.meeting.get(MEETING_VOTE)
  if (value === undefined || meetingValueProblem(MEETING_VOTE, value) !== null) return null
  return value as MeetingVote
}

function ballotProblem(
  ballot: MeetingBallot,
  before: unknown,
  vote: MeetingVote | null,
  records: RecordsView,
): string | null {
  const problem = checkBallot(ballot, vote, before)
  if (problem) return problem
  for (const id of new Set(ballot.cards)) {
    if (!isCard(records.get(id))) return `${shortKey(id, 48)} is not a card on this board`
  }
  return null
}

/** A check that throws (absurdly deep nesting: a RangeError) is a refusal too. */
function safely(problem: () => string | null): string | null {
  try {
    return problem()
  } catch (error) {
    return `meeting value could not be checked (${error instanceof Error ? error.message : 'error'})`
  }
}

function isCard(record: unknown): boolean {
  if (typeof record !== 'object' || record === null) return false
  const { typeName, type } = record as Record<string, unknown>
  return typeName === 'shape' && typeof type === 'string' && findCard(type) !== undefined
}

// [1] The server cannot tell who a voter is (there are no accounts, and a person id is the
//     browser's own), so one person could write several ballots under several ids; the
//     allowance holds per ballot. Which cards the app offers in a vote (its section) is the
//     client's choice: the server only asks that a dot lands on a card that exists.
