import { describe, expect, it } from 'vitest'
import {
  EMPTY_MEETING,
  MAX_TIMER_MS,
  ballotKey,
  ballotVoter,
  canWriteMeetingKey,
  checkBallot,
  isMeetingKey,
  meetingValueProblem,
  readMeeting,
  timerRemaining,
  voteTotals,
} from './meeting.js'
import type { MeetingBallot, MeetingFollow, MeetingVote } from './meeting.js'
import { canChangeStructure, isStructureShape } from './structure.js'

const section = { pageId: 'page:kaart', shapeId: 'shape:afspraken' }
const follow: MeetingFollow = { leaderId: 'ana-1', name: 'Ana', section, since: 1_700_000_000_000 }
const vote: MeetingVote = {
  id: 'vote-1',
  section,
  dots: 3,
  revealed: false,
  openedAt: 1_700_000_000_000,
}
const ballot = (cards: string[], voteId = 'vote-1'): MeetingBallot => ({ voteId, cards })

describe('meeting keys', () => {
  it('a ballot key is the prefix and a voter id', () => {
    expect(ballotKey('ana-1')).toBe('ballot:ana-1')
    expect(ballotVoter('ballot:ana-1')).toBe('ana-1')
    expect(ballotVoter('ballot:')).toBeNull()
    expect(ballotVoter('ballot:ana 1')).toBeNull()
    expect(ballotVoter(`ballot:${'x'.repeat(81)}`)).toBeNull()
    expect(ballotVoter('vote')).toBeNull()
  })

  it('knows follow, timer, vote and ballots, nothing else', () => {
    for (const key of ['follow', 'timer', 'vote', 'ballot:ana-1'])
      expect(isMeetingKey(key)).toBe(true)
    for (const key of ['owner', 'ballot:', 'Follow', 'ballot:a/b'])
      expect(isMeetingKey(key)).toBe(false)
  })

  it('follow, timer and vote are the facilitator’s; a ballot anyone’s who writes; a viewer nothing', () => {
    for (const key of ['follow', 'timer', 'vote']) {
      expect([
        canWriteMeetingKey('facilitator', key),
        canWriteMeetingKey('editor', key),
        canWriteMeetingKey('viewer', key),
      ]).toEqual([true, false, false])
    }
    expect(canWriteMeetingKey('editor', 'ballot:ana-1')).toBe(true)
    expect(canWriteMeetingKey('facilitator', 'ballot:ana-1')).toBe(true)
    expect(canWriteMeetingKey('viewer', 'ballot:ana-1')).toBe(false)
  })
})

describe('meetingValueProblem', () => {
  it('accepts well-formed values and any delete', () => {
    expect(meetingValueProblem('follow', follow)).toBeNull()
    expect(meetingValueProblem('follow', { ...follow, section: null })).toBeNull()
    expect(
      meetingValueProblem('timer', { durationMs: 300_000, endsAt: 1_700_000_300_000 }),
    ).toBeNull()
    expect(meetingValueProblem('timer', { durationMs: 300_000, remainingMs: 0 })).toBeNull()
    expect(meetingValueProblem('vote', vote)).toBeNull()
    expect(meetingValueProblem('ballot:ana-1', ballot(['shape:a', 'shape:a']))).toBeNull()
    expect(meetingValueProblem('ballot:ana-1', ballot([]))).toBeNull()
    expect(meetingValueProblem('vote', undefined)).toBeNull()
  })

  it.each([
    ['follow', 'Ana', 'meeting.follow is not a JSON object'],
    ['follow', { ...follow, leaderId: '' }, 'meeting.follow.leaderId is not an id'],
    ['follow', { ...follow, name: 'x'.repeat(81) }, 'meeting.follow.name is too long'],
    [
      'follow',
      { ...follow, section: { pageId: 'shape:x', shapeId: 'shape:y' } },
      'meeting.follow.section is not a section',
    ],
    ['follow', { ...follow, since: -1 }, 'meeting.follow.since is not a time'],
    ['follow', { ...follow, camera: { x: 0 } }, 'meeting.follow has an unknown field camera'],
    ['timer', { durationMs: 500, endsAt: 1 }, 'meeting.timer.durationMs is not 1 s to 24 h'],
    [
      'timer',
      { durationMs: MAX_TIMER_MS + 1, endsAt: 1 },
      'meeting.timer.durationMs is not 1 s to 24 h',
    ],
    ['timer', { durationMs: 60_000 }, 'meeting.timer needs endsAt or remainingMs'],
    [
      'timer',
      { durationMs: 60_000, remainingMs: 60_001 },
      'meeting.timer.remainingMs is past durationMs',
    ],
    ['timer', { durationMs: 60_000, endsAt: 1.5 }, 'meeting.timer.endsAt is not a time'],
    [
      'timer',
      { durationMs: 60_000, endsAt: 2, remainingMs: 1 },
      'meeting.timer has an unknown field remainingMs',
    ],
    ['vote', { ...vote, dots: 0 }, 'meeting.vote.dots is not 1 to 10'],
    ['vote', { ...vote, dots: 11 }, 'meeting.vote.dots is not 1 to 10'],
    ['vote', { ...vote, revealed: 'yes' }, 'meeting.vote.revealed is not true or false'],
    ['vote', { ...vote, section: null }, 'meeting.vote.section is not a section'],
    [
      'ballot:ana-1',
      { voteId: 'vote-1', cards: 'shape:a' },
      'meeting ballot cards is not a list of at most 10 shape ids',
    ],
    [
      'ballot:ana-1',
      ballot(Array.from({ length: 11 }, () => 'shape:a')),
      'meeting ballot cards is not a list of at most 10 shape ids',
    ],
    ['ballot:ana-1', { ...ballot([]), weight: 2 }, 'meeting.ballot has an unknown field weight'],
    ['owner', { a: 1 }, 'meeting.owner is not a meeting key'],
  ])('%s: refuses %j', (key, value, problem) => {
    expect(meetingValueProblem(key, value)).toBe(problem)
  })
})

describe('checkBallot', () => {
  it('counts dots within the allowance of the open vote, on one card or several', () => {
    expect(checkBallot(ballot(['shape:a', 'shape:a', 'shape:b']), vote)).toBeNull()
  })

  it('refuses more dots than each person has, another vote, a closed vote, no vote', () => {
    expect(checkBallot(ballot(['shape:a', 'shape:b', 'shape:c', 'shape:d']), vote)).toBe(
      '4 dots is more than the 3 each person has',
    )
    expect(checkBallot(ballot(['shape:a'], 'vote-0'), vote)).toBe('the ballot is for another vote')
    expect(checkBallot(ballot(['shape:a']), { ...vote, revealed: true })).toBe('the vote is closed')
    expect(checkBallot(ballot(['shape:a']), null)).toBe('no vote is open')
  })

  it('lets a voter take every dot back while the vote is open, or after it is gone', () => {
    expect(checkBallot(ballot([]), vote)).toBeNull()
    expect(checkBallot(ballot([], 'vote-0'), null)).toBeNull()
  })

  it('changes no ballot that counts once the result is shown, not even to empty it', () => {
    const revealed = { ...vote, revealed: true }
    expect(checkBallot(ballot([]), revealed)).toBe('the vote is closed')
    // Moving someone's ballot to another vote would take it out of the totals too.
    expect(checkBallot(ballot([], 'vote-0'), revealed, ballot(['shape:a']))).toBe(
      'the vote is closed',
    )
    expect(checkBallot(ballot([], 'vote-0'), revealed, ballot([], 'vote-0'))).toBeNull()
  })
})

describe('readMeeting and voteTotals', () => {
  it('reads the map’s entries and leaves out malformed ones', () => {
    const state = readMeeting([
      ['follow', follow],
      ['timer', { durationMs: 10 }],
      ['vote', vote],
      ['ballot:ana-1', ballot(['shape:a'])],
      ['ballot:bram', { voteId: 'vote-1' }],
      ['owner', { x: 1 }],
    ])
    expect(state).toEqual({
      follow,
      timer: null,
      vote,
      ballots: { 'ana-1': ballot(['shape:a']) },
    })
    expect(readMeeting([])).toEqual(EMPTY_MEETING)
  })

  it('adds up the dots of this vote’s ballots, at most the allowance each', () => {
    const totals = voteTotals({
      ...EMPTY_MEETING,
      vote,
      ballots: {
        ana: ballot(['shape:a', 'shape:a', 'shape:b']),
        bram: ballot(['shape:b', 'shape:c', 'shape:c', 'shape:c']),
        old: ballot(['shape:a'], 'vote-0'),
      },
    })
    expect(Object.fromEntries(totals)).toEqual({ 'shape:a': 2, 'shape:b': 2, 'shape:c': 2 })
    expect(voteTotals(EMPTY_MEETING).size).toBe(0)
  })

  it('a timer runs down to 0 and a paused one keeps what is left', () => {
    expect(timerRemaining({ durationMs: 60_000, endsAt: 10_000 }, 4_000)).toBe(6_000)
    expect(timerRemaining({ durationMs: 60_000, endsAt: 10_000 }, 20_000)).toBe(0)
    expect(timerRemaining({ durationMs: 60_000, remainingMs: 5_000 }, 99_999)).toBe(5_000)
  })
})

describe('the structure', () => {
  const shape = (type: string, isLocked = false) => ({ typeName: 'shape', type, isLocked })

  it('is zones, legends, frames and locked shapes', () => {
    for (const type of ['wt-zone', 'wt-legend', 'frame'])
      expect(isStructureShape(shape(type))).toBe(true)
    expect(isStructureShape(shape('geo', true))).toBe(true)
    expect(isStructureShape(shape('wt-interest'))).toBe(false)
    expect(isStructureShape({ typeName: 'page', type: 'wt-zone' })).toBe(false)
    expect(isStructureShape(undefined)).toBe(false)
  })

  it('only the facilitator changes it', () => {
    expect(
      ['facilitator', 'editor', 'viewer'].map((role) => canChangeStructure(role as never)),
    ).toEqual([true, false, false])
  })
})
