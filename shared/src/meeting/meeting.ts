import { isJsonObject } from '../schema/isJsonObject.js'
import type { Role } from '../protocol/roles.js'

/**
 * The meeting around a board: who leads and is followed, the timer, the dot vote. It lives
 * in the board's Y.Doc as the root map `meeting` (beside `records` and `meta`), so it is
 * shared room state: a late joiner or a reload gets it with the board, and it survives a
 * server restart. One key per concern, each value a plain JSON object checked here, by the
 * server's meeting rule and by the client before it writes [2].
 *
 * - `follow`: the facilitator asks everyone to follow them (and which section they show).
 * - `timer`: a countdown, running (`endsAt`) or paused (`remainingMs`).
 * - `vote`: the dot vote on one section; totals hidden until `revealed`.
 * - `ballot:<voterId>`: one person's dots in the vote, the cards they put them on.
 */
export const YDOC_MEETING = 'meeting'

export const MEETING_FOLLOW = 'follow'
export const MEETING_TIMER = 'timer'
export const MEETING_VOTE = 'vote'
export const BALLOT_PREFIX = 'ballot:'

/** A part of a map shown on its own: the zone, participant or centre card it is built on. */
export interface SectionRef {
  pageId: string
  /** The id of the shape the section is built on (a zone, a participant card, the dream). */
  shapeId: string
}

export interface MeetingFollow {
  /** The leader's person id (`PresenceUser.id`, stable per browser), not a Yjs client id. */
  leaderId: string
  /** The leader's name, for "X laat iets zien" on a follower's bar. */
  name: string
  /** The section the leader is presenting, or null for their free camera. */
  section: SectionRef | null
  /** When following started (epoch ms). */
  since: number
}

export type MeetingTimer =
  { durationMs: number; endsAt: number } | { durationMs: number; remainingMs: number }

export interface MeetingVote {
  /** New for every vote, so ballots of an earlier vote never count. */
  id: string
  section: SectionRef
  /** Dots each person may place, 1–10. */
  dots: number
  /** Totals are shown to everyone; no dots can be placed any more. */
  revealed: boolean
  /** When the vote opened (epoch ms). */
  openedAt: number
}

export interface MeetingBallot {
  voteId: string
  /** Card shape ids; a card may appear more than once (several dots on one card). */
  cards: string[]
}

/** The whole meeting state as a client reads it. */
export interface MeetingState {
  follow: MeetingFollow | null
  timer: MeetingTimer | null
  vote: MeetingVote | null
  /** By voter id. */
  ballots: Record<string, MeetingBallot>
}

export const EMPTY_MEETING: MeetingState = { follow: null, timer: null, vote: null, ballots: {} }

export const MAX_VOTE_DOTS = 10
/** A day: longer is a mistake, not a meeting. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000
const ID = /^[A-Za-z0-9:_-]{1,80}$/
const MAX_NAME = 80

export function ballotKey(voterId: string): string {
  return BALLOT_PREFIX + voterId
}

/** The voter id of a ballot key, or null for another key or a malformed id. */
export function ballotVoter(key: string): string | null {
  if (!key.startsWith(BALLOT_PREFIX)) return null
  const voter = key.slice(BALLOT_PREFIX.length)
  return ID.test(voter) ? voter : null
}

/** True for `follow`, `timer`, `vote` and a ballot key with a well-formed voter id. */
export function isMeetingKey(key: string): boolean {
  return (
    key === MEETING_FOLLOW ||
    key === MEETING_TIMER ||
    key === MEETING_VOTE ||
    ballotVoter(key) !== null
  )
}

/**
 * Who may write a meeting key: follow, timer and vote only the facilitator; a ballot any
 * writer. Taking a ballot away (deleting its key) is the facilitator's too: an editor takes
 * their dots back by writing `cards: []` (the server's meeting rule).
 */
export function canWriteMeetingKey(role: Role, key: string): boolean {
  if (role === 'viewer') return false
  if (ballotVoter(key) !== null) return true
  return role === 'facilitator'
}

/**
 * Why a value cannot be stored under a meeting key, or null when it can. `undefined` is a
 * delete, always well-formed. The server adds what only the whole board can tell (a ballot's
 * vote is open, its cards exist): `checkBallot`.
 */
export function meetingValueProblem(key: string, value: unknown): string | null {
  if (value === undefined) return null
  if (!isJsonObject(value)) return `meeting.${short(key)} is not a JSON object`
  switch (key) {
    case MEETING_FOLLOW:
      return followProblem(value)
    case MEETING_TIMER:
      return timerProblem(value)
    case MEETING_VOTE:
      return voteProblem(value)
  }
  if (ballotVoter(key) !== null) return ballotProblem(value)
  return `meeting.${short(key)} is not a meeting key`
}

/**
 * Why a ballot cannot be written, or null: the vote must be open (not revealed) and the same
 * vote, and the dots within the allowance. Taking every dot back is allowed while the vote
 * is open or after it, never once it is revealed: a ballot that counts in revealed totals
 * (`before`, the ballot as it was) stays as it is, so nobody can change the result [1].
 */
export function checkBallot(
  ballot: MeetingBallot,
  vote: MeetingVote | null,
  before?: unknown,
): string | null {
  if (vote?.revealed) {
    const counted = (value: unknown) =>
      isJsonObject(value) && (value as Partial<MeetingBallot>).voteId === vote.id
    if (counted(ballot) || counted(before)) return 'the vote is closed'
  }
  if (ballot.cards.length === 0) return null
  if (!vote) return 'no vote is open'
  if (ballot.voteId !== vote.id) return 'the ballot is for another vote'
  if (ballot.cards.length > vote.dots) {
    return `${ballot.cards.length} dots is more than the ${vote.dots} each person has`
  }
  return null
}

/** The meeting map's entries as a client reads them; malformed values are left out. */
export function readMeeting(entries: Iterable<[string, unknown]>): MeetingState {
  const state: MeetingState = { follow: null, timer: null, vote: null, ballots: {} }
  for (const [key, value] of entries) {
    if (value === undefined || meetingValueProblem(key, value) !== null) continue
    if (key === MEETING_FOLLOW) state.follow = value as MeetingFollow
    else if (key === MEETING_TIMER) state.timer = value as MeetingTimer
    else if (key === MEETING_VOTE) state.vote = value as MeetingVote
    else state.ballots[ballotVoter(key)!] = value as MeetingBallot
  }
  return state
}

/** Dots per card in the current vote (ballots of other votes do not count). */
export function voteTotals(state: MeetingState): Map<string, number> {
  const totals = new Map<string, number>()
  const vote = state.vote
  if (!vote) return totals
  for (const ballot of Object.values(state.ballots)) {
    if (ballot.voteId !== vote.id) continue
    for (const card of ballot.cards.slice(0, vote.dots)) {
      totals.set(card, (totals.get(card) ?? 0) + 1)
    }
  }
  return totals
}

/** Milliseconds left on a timer at `now`: never below 0. */
export function timerRemaining(timer: MeetingTimer, now: number): number {
  return 'endsAt' in timer ? Math.max(0, timer.endsAt - now) : timer.remainingMs
}

function followProblem(value: Record<string, unknown>): string | null {
  const { leaderId, name, section, since } = value
  if (!isId(leaderId)) return 'meeting.follow.leaderId is not an id'
  if (typeof name !== 'string' || name.length > MAX_NAME) return 'meeting.follow.name is too long'
  if (section !== null && !isSectionRef(section)) return 'meeting.follow.section is not a section'
  if (!isTime(since)) return 'meeting.follow.since is not a time'
  return onlyKeys(value, ['leaderId', 'name', 'section', 'since'], 'follow')
}

function timerProblem(value: Record<string, unknown>): string | null {
  const { durationMs } = value
  if (!isDuration(durationMs)) return 'meeting.timer.durationMs is not 1 s to 24 h'
  if ('endsAt' in value) {
    if (!isTime(value.endsAt)) return 'meeting.timer.endsAt is not a time'
    return onlyKeys(value, ['durationMs', 'endsAt'], 'timer')
  }
  const { remainingMs } = value
  if (typeof remainingMs !== 'number' || !Number.isInteger(remainingMs) || remainingMs < 0) {
    return 'meeting.timer needs endsAt or remainingMs'
  }
  if (remainingMs > (durationMs as number)) return 'meeting.timer.remainingMs is past durationMs'
  return onlyKeys(value, ['durationMs', 'remainingMs'], 'timer')
}

function voteProblem(value: Record<string, unknown>): string | null {
  const { id, section, dots, revealed, openedAt } = value
  if (!isId(id)) return 'meeting.vote.id is not an id'
  if (!isSectionRef(section)) return 'meeting.vote.section is not a section'
  if (typeof dots !== 'number' || !Number.isInteger(dots) || dots < 1 || dots > MAX_VOTE_DOTS) {
    return `meeting.vote.dots is not 1 to ${MAX_VOTE_DOTS}`
  }
  if (typeof revealed !== 'boolean') return 'meeting.vote.revealed is not true or false'
  if (!isTime(openedAt)) return 'meeting.vote.openedAt is not a time'
  return onlyKeys(value, ['id', 'section', 'dots', 'revealed', 'openedAt'], 'vote')
}

function ballotProblem(value: Record<string, unknown>): string | null {
  const { voteId, cards } = value
  if (!isId(voteId)) return 'meeting ballot voteId is not an id'
  if (!Array.isArray(cards) || cards.length > MAX_VOTE_DOTS || !cards.every(isId)) {
    return `meeting ballot cards is not a list of at most ${MAX_VOTE_DOTS} shape ids`
  }
  return onlyKeys(value, ['voteId', 'cards'], 'ballot')
}

function isSectionRef(value: unknown): value is SectionRef {
  if (!isJsonObject(value)) return false
  const { pageId, shapeId } = value
  return (
    typeof pageId === 'string' &&
    pageId.startsWith('page:') &&
    isId(pageId) &&
    typeof shapeId === 'string' &&
    shapeId.startsWith('shape:') &&
    isId(shapeId) &&
    Object.keys(value).length === 2
  )
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value)
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
}

function isDuration(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= MAX_TIMER_MS
  )
}

function onlyKeys(value: Record<string, unknown>, keys: string[], what: string): string | null {
  const extra = Object.keys(value).find((k) => !keys.includes(k))
  return extra === undefined ? null : `meeting.${what} has an unknown field ${short(extra)}`
}

function short(key: string): string {
  return key.length > 24 ? `${key.slice(0, 24)}…` : key
}

// [1] Any editor may write any ballot key (there are no accounts to tie a key to a person),
//     so after the reveal even an emptied ballot would let one person wipe the totals that
//     the room, and the section's picture, already show.
// [2] The meeting is not a tldraw record: it is not drawn, undone or exported as a shape,
//     and a facilitator's timer must not enter anyone's undo history. Hidden vote totals
//     are hidden by the app, not from a determined reader of the doc: like paper dots on a
//     wall, a ballot is visible to whoever looks for it (README, "Running a meeting").
