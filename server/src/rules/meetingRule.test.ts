import { describe, expect, it } from 'vitest'
import type { MeetingVote, Role } from '@wijktafel/shared'
import { guardedRoom } from '../../../tests/helpers/guardedRoom.js'
import type { MapUpdate } from '../../../tests/helpers/ruleContext.js'
import { byId, ruleContext } from '../../../tests/helpers/ruleContext.js'
import { boardBasics, geoShape, interestCard } from '../../../tests/helpers/records.js'
import type { Correction, GuardVerdict } from '../rooms/UpdateGuard.js'
import { meetingRule } from './meetingRule.js'

const section = { pageId: 'page:page', shapeId: 'shape:zone' }
const vote: MeetingVote = { id: 'vote-1', section, dots: 2, revealed: false, openedAt: 1_000 }
const follow = { leaderId: 'ana-1', name: 'Ana', section: null, since: 1_000 }
const timer = { durationMs: 60_000, endsAt: 61_000 }
const board = byId(...boardBasics(), interestCard('a'), interestCard('b'), geoShape('rect'))

const judge = (meeting: MapUpdate, role: Role = 'editor') =>
  meetingRule.checkAll!(ruleContext({ role, records: { before: board }, meeting }))

describe('meetingRule', () => {
  it('lets the facilitator write and clear follow, timer and vote', () => {
    expect(judge({ writes: { follow, timer, vote } }, 'facilitator')).toEqual([])
    const before = { follow, timer, vote }
    expect(judge({ before, deletes: ['follow', 'timer', 'vote'] }, 'facilitator')).toEqual([])
  })

  it('puts back an editor’s follow, timer or vote, written or deleted', () => {
    expect(judge({ writes: { follow, timer, vote } })).toEqual([
      { map: 'meeting', key: 'follow', reason: 'meeting.follow is for the facilitator only' },
      { map: 'meeting', key: 'timer', reason: 'meeting.timer is for the facilitator only' },
      { map: 'meeting', key: 'vote', reason: 'meeting.vote is for the facilitator only' },
    ])
    expect(judge({ before: { vote }, deletes: ['vote'] })).toEqual([
      { map: 'meeting', key: 'vote', reason: 'meeting.vote is for the facilitator only' },
    ])
  })

  it('puts back a key that is not a meeting key, whoever writes it', () => {
    expect(judge({ writes: { owner: { x: 1 } } }, 'facilitator')).toEqual([
      { map: 'meeting', key: 'owner', reason: 'meeting.owner is not a meeting key' },
    ])
  })

  it('puts back a malformed value, also the facilitator’s', () => {
    expect(judge({ writes: { vote: { ...vote, dots: 50 } } }, 'facilitator')).toEqual([
      { map: 'meeting', key: 'vote', reason: 'meeting.vote.dots is not 1 to 10' },
    ])
    expect(judge({ before: { vote }, writes: { 'ballot:ana': { cards: [] } } })).toEqual([
      { map: 'meeting', key: 'ballot:ana', reason: 'meeting ballot voteId is not an id' },
    ])
  })

  it('takes a ballot within the allowance of the open vote, on cards of the board', () => {
    const ballot = { voteId: 'vote-1', cards: ['shape:a', 'shape:a'] }
    expect(judge({ before: { vote }, writes: { 'ballot:ana': ballot } })).toEqual([])
    expect(judge({ before: { vote }, writes: { 'ballot:fac': ballot } }, 'facilitator')).toEqual([])
  })

  it('puts back a ballot with more dots than the vote allows', () => {
    const ballot = { voteId: 'vote-1', cards: ['shape:a', 'shape:b', 'shape:a'] }
    expect(judge({ before: { vote }, writes: { 'ballot:ana': ballot } })).toEqual([
      {
        map: 'meeting',
        key: 'ballot:ana',
        reason: 'meeting ballot: 3 dots is more than the 2 each person has',
      },
    ])
  })

  it('judges a ballot by the vote as the update leaves it', () => {
    const ballot = { voteId: 'vote-1', cards: ['shape:a', 'shape:b', 'shape:a'] }
    // The facilitator raises the allowance and votes in one update.
    const more = { ...vote, dots: 3 }
    expect(
      judge({ before: { vote }, writes: { vote: more, 'ballot:fac': ballot } }, 'facilitator'),
    ).toEqual([])
    // An editor cannot: the vote is put back, and the ballot judged by the vote that stays.
    expect(judge({ before: { vote }, writes: { vote: more, 'ballot:ana': ballot } })).toEqual([
      { map: 'meeting', key: 'vote', reason: 'meeting.vote is for the facilitator only' },
      {
        map: 'meeting',
        key: 'ballot:ana',
        reason: 'meeting ballot: 3 dots is more than the 2 each person has',
      },
    ])
  })

  it('puts back a ballot after the reveal, for another vote, or with no vote', () => {
    const ballot = { voteId: 'vote-1', cards: ['shape:a'] }
    const revealed = { ...vote, revealed: true }
    expect(judge({ before: { vote: revealed }, writes: { 'ballot:ana': ballot } })).toEqual([
      { map: 'meeting', key: 'ballot:ana', reason: 'meeting ballot: the vote is closed' },
    ])
    const next = { ...vote, id: 'vote-2' }
    expect(judge({ before: { vote: next }, writes: { 'ballot:ana': ballot } })[0]?.reason).toBe(
      'meeting ballot: the ballot is for another vote',
    )
    expect(judge({ writes: { 'ballot:ana': ballot } })[0]?.reason).toBe(
      'meeting ballot: no vote is open',
    )
  })

  it('puts back a ballot with a dot on a shape that is not a card, or not on the board', () => {
    const on = (card: string) => ({ voteId: 'vote-1', cards: ['shape:a', card] })
    expect(judge({ before: { vote }, writes: { 'ballot:ana': on('shape:gone') } })).toEqual([
      {
        map: 'meeting',
        key: 'ballot:ana',
        reason: 'meeting ballot: shape:gone is not a card on this board',
      },
    ])
    expect(judge({ before: { vote }, writes: { 'ballot:ana': on('shape:rect') } })[0]?.reason).toBe(
      'meeting ballot: shape:rect is not a card on this board',
    )
    expect(judge({ before: { vote }, writes: { 'ballot:ana': on('page:page') } })[0]?.reason).toBe(
      'meeting ballot: page:page is not a card on this board',
    )
  })

  it('keeps a counted ballot once the result is shown; only the facilitator deletes a ballot', () => {
    const before = {
      vote: { ...vote, revealed: true },
      'ballot:ana': { voteId: 'vote-1', cards: ['shape:a'] },
    }
    // Any editor can write any ballot key: emptying one after the reveal would change the result.
    expect(judge({ before, writes: { 'ballot:ana': { voteId: 'vote-1', cards: [] } } })).toEqual([
      { map: 'meeting', key: 'ballot:ana', reason: 'meeting ballot: the vote is closed' },
    ])
    const open = { ...before, vote }
    expect(
      judge({ before: open, writes: { 'ballot:ana': { voteId: 'vote-1', cards: [] } } }),
    ).toEqual([])
    expect(judge({ before, deletes: ['ballot:ana'] })).toEqual([
      {
        map: 'meeting',
        key: 'ballot:ana',
        reason: 'meeting.ballot:ana can only be emptied, the facilitator deletes it',
      },
    ])
    expect(judge({ before, deletes: ['ballot:ana'] }, 'facilitator')).toEqual([])
  })

  it('puts back a value too deeply nested to check', () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 100_000; i++) deep = { deep }
    const [refusal] = judge({ writes: { follow: deep } }, 'facilitator')
    expect(refusal).toMatchObject({ map: 'meeting', key: 'follow' })
    expect(refusal!.reason).toMatch(/^meeting value could not be checked/)
  })

  it('check gives the first problem', () => {
    const context = ruleContext({ meeting: { writes: { follow, timer } } })
    expect(meetingRule.check(context)).toEqual({
      map: 'meeting',
      key: 'follow',
      reason: 'meeting.follow is for the facilitator only',
    })
  })
})

describe('the meeting map through the guard', () => {
  const corrections = (verdict: GuardVerdict): readonly Correction[] => {
    if (!verdict.ok) throw new Error(`refused whole: ${verdict.reason}`)
    return verdict.corrections
  }

  it('puts an editor’s vote back while the rest of the update goes through, and the writer converges', () => {
    const { doc, client, send, deliver, emitted } = guardedRoom([
      ...boardBasics(),
      interestCard('a'),
    ])
    const facilitator = { role: 'facilitator' as const, id: 2 }
    expect(corrections(send((c) => c.getMap('meeting').set('vote', vote), facilitator))).toEqual([])
    deliver()
    const from = emitted.length
    const verdict = send((c) => {
      c.getMap('meeting').set('vote', { ...vote, dots: 10 })
      c.getMap('meeting').set('ballot:ana', { voteId: 'vote-1', cards: ['shape:a'] })
    })
    expect(corrections(verdict)).toEqual([
      {
        rule: 'meeting',
        map: 'meeting',
        key: 'vote',
        reason: 'meeting.vote is for the facilitator only',
      },
    ])
    expect(doc.getMap('meeting').toJSON()).toEqual({
      vote,
      'ballot:ana': { voteId: 'vote-1', cards: ['shape:a'] },
    })
    deliver(from)
    expect(client.getMap('meeting').toJSON()).toEqual(doc.getMap('meeting').toJSON())
  })
})
