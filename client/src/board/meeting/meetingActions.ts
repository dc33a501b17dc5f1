import {
  ballotKey,
  canWriteMeetingKey,
  checkBallot,
  MAX_TIMER_MS,
  MEETING_FOLLOW,
  MEETING_TIMER,
  MEETING_VOTE,
  meetingValueProblem,
  readMeeting,
  timerRemaining,
  ballotVoter,
  YDOC_MEETING,
  type MeetingBallot,
  type MeetingFollow,
  type MeetingState,
  type MeetingTimer,
  type MeetingVote,
  type Role,
  type SectionRef,
} from '@wijktafel/shared'
import type * as Y from 'yjs'

/** What anyone who may write can do in a meeting: place and take back their dots. */
export interface VoterActions {
  role: 'editor'
  /** One more dot of mine on a card; false when it is not allowed (no dots left, closed). */
  placeDot(cardId: string): boolean
  /** One dot of mine less on a card. */
  removeDot(cardId: string): boolean
}

/** What only the facilitator can do: lead, time and run the vote. */
export interface FacilitatorActions extends Omit<VoterActions, 'role'> {
  role: 'facilitator'
  /** Everyone follows me, showing a section or (null) my free camera. */
  startFollow(section: SectionRef | null): boolean
  /** The section I show while everyone follows me (nothing when nobody follows). */
  setFollowSection(section: SectionRef | null): boolean
  stopFollow(): boolean
  startTimer(ms: number): boolean
  pauseTimer(): boolean
  resumeTimer(): boolean
  /** More time on the timer, running or paused (an ended timer starts again from now). */
  addTime(ms: number): boolean
  stopTimer(): boolean
  /** A new vote on a section, with `dots` per person; earlier ballots are removed. */
  openVote(section: SectionRef, dots: number): boolean
  revealVote(): boolean
  /** The vote and every ballot gone: the badges leave the cards. */
  clearVote(): boolean
}

export type MeetingActions = VoterActions | FacilitatorActions

export interface MeetingPerson {
  /** The stable person id (session user id, the same as the presence user). */
  id: string
  name: string
  role: Role
}

type Write = [key: string, value: unknown]

/**
 * The meeting actions for one person on one doc, or null for a viewer. Each action reads the
 * map as it is now, checks what it writes with the shared validators (a value the server
 * would refuse is not written at all) and writes in one transaction [1].
 */
export function createMeetingActions(
  doc: Y.Doc,
  person: MeetingPerson,
  now: () => number = Date.now,
): MeetingActions | null {
  if (person.role === 'viewer') return null
  const map = doc.getMap<unknown>(YDOC_MEETING)
  const read = (): MeetingState => readMeeting(map.entries())

  const write = (writes: Write[]): boolean => {
    if (writes.length === 0) return false
    for (const [key, value] of writes) {
      if (!canWriteMeetingKey(person.role, key)) return false
      if (meetingValueProblem(key, value) !== null) return false
    }
    doc.transact(() => {
      for (const [key, value] of writes) {
        if (value === undefined) map.delete(key)
        else map.set(key, value)
      }
    })
    return true
  }

  const myBallot = (state: MeetingState): MeetingBallot | null => {
    const ballot = state.ballots[person.id]
    return ballot && state.vote && ballot.voteId === state.vote.id ? ballot : null
  }
  const castBallot = (cards: string[]): boolean => {
    const state = read()
    if (!state.vote) return false
    const ballot: MeetingBallot = { voteId: state.vote.id, cards }
    if (checkBallot(ballot, state.vote) !== null) return false
    return write([[ballotKey(person.id), ballot]])
  }
  const voter: VoterActions = {
    role: 'editor',
    placeDot(cardId) {
      const state = read()
      return castBallot([...(myBallot(state)?.cards ?? []), cardId])
    },
    removeDot(cardId) {
      const cards = [...(myBallot(read())?.cards ?? [])]
      const at = cards.lastIndexOf(cardId)
      if (at < 0) return false
      cards.splice(at, 1)
      return castBallot(cards)
    },
  }
  if (person.role !== 'facilitator') return voter

  const follow = (section: SectionRef | null): MeetingFollow => ({
    leaderId: person.id,
    name: person.name.slice(0, 80),
    section,
    since: now(),
  })
  const setTimer = (timer: MeetingTimer | undefined) => write([[MEETING_TIMER, timer]])
  const ballotKeys = () => [...map.keys()].filter((key) => ballotVoter(key) !== null)

  const facilitator: FacilitatorActions = {
    ...voter,
    role: 'facilitator',
    startFollow: (section) => write([[MEETING_FOLLOW, follow(section)]]),
    setFollowSection(section) {
      const current = read().follow
      if (!current) return false
      return write([[MEETING_FOLLOW, { ...current, section }]])
    },
    stopFollow: () => map.has(MEETING_FOLLOW) && write([[MEETING_FOLLOW, undefined]]),
    startTimer: (ms) => setTimer({ durationMs: Math.round(ms), endsAt: now() + Math.round(ms) }),
    pauseTimer() {
      const timer = read().timer
      if (!timer || !('endsAt' in timer)) return false
      return setTimer({ durationMs: timer.durationMs, remainingMs: timerRemaining(timer, now()) })
    },
    resumeTimer() {
      const timer = read().timer
      if (!timer || !('remainingMs' in timer)) return false
      return setTimer({ durationMs: timer.durationMs, endsAt: now() + timer.remainingMs })
    },
    addTime(ms) {
      const timer = read().timer
      const add = Math.round(ms)
      if (!timer) return false
      const left = timerRemaining(timer, now()) + add
      const durationMs = Math.min(MAX_TIMER_MS, Math.max(timer.durationMs + add, left))
      if ('remainingMs' in timer) return setTimer({ durationMs, remainingMs: left })
      return setTimer({ durationMs, endsAt: now() + left })
    },
    stopTimer: () => map.has(MEETING_TIMER) && setTimer(undefined),
    openVote(section, dots) {
      const vote: MeetingVote = { id: newVoteId(), section, dots, revealed: false, openedAt: now() }
      return write([[MEETING_VOTE, vote], ...ballotKeys().map((key): Write => [key, undefined])])
    },
    revealVote() {
      const vote = read().vote
      if (!vote || vote.revealed) return false
      return write([[MEETING_VOTE, { ...vote, revealed: true }]])
    },
    clearVote() {
      const keys = [...(map.has(MEETING_VOTE) ? [MEETING_VOTE] : []), ...ballotKeys()]
      return write(keys.map((key): Write => [key, undefined]))
    },
  }
  return facilitator
}

function newVoteId(): string {
  const random = crypto.getRandomValues(new Uint32Array(2))
  return `vote-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`
}

// [1] The server checks the same again (server/src/rules) and puts back what it refuses;
//     checking first means a person never sees a dot appear and vanish. A ballot is
//     rewritten whole: only its owner writes it, so there is nothing to merge.
