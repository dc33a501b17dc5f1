import { describe, expect, it } from 'vitest'
import { READ_ONLY_REASON, YDOC_MEETING, parseRefusal } from '@wijktafel/shared'
import type { CreateBoardResponse, MeetingVote } from '@wijktafel/shared'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

/** The De Horst example: both maps filled in, so there are cards to vote on. */
async function connected(server: TestServer, board: CreateBoardResponse, ...roles: Role[]) {
  const clients = roles.map((role) => connectClient(server, board.id, board.tokens[role]))
  await Promise.all(clients.map((client) => waitForSynced(client.provider)))
  return clients
}
type Role = keyof CreateBoardResponse['tokens']

const meeting = (client: TestClient) => client.doc.getMap<unknown>(YDOC_MEETING)
const write = (client: TestClient, entries: Record<string, unknown>) =>
  client.doc.transact(() => {
    for (const [key, value] of Object.entries(entries)) meeting(client).set(key, value)
  })

/**
 * Every value a client's meeting map ever held under a key, from now on. A key put back
 * that did not exist before stays absent (only its name travels, in a deleted item).
 */
function valuesSeen(client: TestClient): Map<string, unknown[]> {
  const seen = new Map<string, unknown[]>()
  meeting(client).observe((event) => {
    for (const key of event.keysChanged) {
      const value = meeting(client).get(key)
      if (value !== undefined) seen.set(key, [...(seen.get(key) ?? []), value])
    }
  })
  return seen
}

/** Card ids on the board, in a stable order. */
function cards(client: TestClient): string[] {
  return [...client.doc.getMap<{ typeName: string; type: string }>('records').entries()]
    .filter(
      ([, record]) =>
        record.typeName === 'shape' && /^wt-(interest|role|decision)$/.test(record.type),
    )
    .map(([id]) => id)
    .sort()
}

const follow = { leaderId: 'ana-1', name: 'Ana', section: null, since: 1_764_000_000_000 }
const timer = { durationMs: 300_000, endsAt: 1_764_000_300_000 }

function openVote(pageId: string, shapeId: string, dots = 2): MeetingVote {
  return {
    id: 'stem-1',
    section: { pageId, shapeId },
    dots,
    revealed: false,
    openedAt: 1_764_000_000_000,
  }
}

describe('the meeting', () => {
  it('a late joiner gets the facilitator’s follow request, also after a server restart', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst', 'example')
    const [facilitator, editor] = await connected(first, board, 'facilitator', 'editor')
    write(facilitator!, { follow })
    await waitFor(() => meeting(editor!).has('follow'), {
      message: 'the editor is asked to follow',
    })

    const [late] = await connected(first, board, 'viewer')
    expect(meeting(late!).get('follow')).toEqual(follow)
    expect(facilitator!.denied).toEqual([])

    for (const client of [facilitator!, editor!, late!]) client.provider.destroy()
    await first.server.close()
    const second = await startServer({ dataDir: first.dataDir })
    const [afterRestart] = await connected(second, board, 'editor')
    expect(meeting(afterRestart!).toJSON()).toEqual({ follow })
  })

  it('an editor’s follow, timer or vote is put back: the editor converges and is told, the other editor never sees it', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [facilitator, editor, other] = await connected(
      server,
      board,
      'facilitator',
      'editor',
      'editor',
    )
    const seenByOther = valuesSeen(other!)
    const [card] = cards(facilitator!)
    const vote = openVote(pageOf(facilitator!), card!)

    write(editor!, { follow: { ...follow, leaderId: 'bram' }, timer, vote })
    expect(meeting(editor!).size).toBe(3)
    await waitFor(() => editor!.denied.length > 0, { message: 'the editor is told' })
    expect(editor!.denied.map(parseRefusal)).toEqual(['meeting.follow is for the facilitator only'])
    await waitFor(() => meeting(editor!).size === 0, { message: 'the editor converges back' })

    // The facilitator's same writes are taken and seen by everyone.
    write(facilitator!, { follow, timer, vote })
    for (const client of [editor!, other!]) {
      await waitFor(() => meeting(client).size === 3, { message: 'everyone sees the meeting' })
      expect(meeting(client).toJSON()).toEqual({ follow, timer, vote })
    }
    // The other editor only ever saw the facilitator's values.
    expect(Object.fromEntries([...seenByOther].map(([key, values]) => [key, values]))).toEqual({
      follow: [follow],
      timer: [timer],
      vote: [vote],
    })
    // An editor cannot stop the timer or the vote either.
    meeting(editor!).delete('timer')
    await waitFor(() => editor!.denied.length === 2, { message: 'the editor is told again' })
    await waitFor(() => meeting(editor!).has('timer'), { message: 'the timer comes back' })
    expect(meeting(other!).get('timer')).toEqual(timer)
    expect([facilitator!, editor!, other!].map((client) => client.closes)).toEqual([[], [], []])
    expect(facilitator!.denied).toEqual([])
  })

  it('dots: within the allowance they count for everyone; more, after the reveal or on a card that does not exist, they are put back', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [facilitator, ana, bram] = await connected(
      server,
      board,
      'facilitator',
      'editor',
      'editor',
    )
    const [a, b, c] = cards(facilitator!)
    const vote = openVote(pageOf(facilitator!), a!, 2)
    write(facilitator!, { vote })
    await waitFor(() => meeting(ana!).has('vote') && meeting(bram!).has('vote'), {
      message: 'the editors see the vote',
    })
    const seenByBram = valuesSeen(bram!)

    // Three dots where two are allowed.
    write(ana!, { 'ballot:ana': { voteId: vote.id, cards: [a, b, c] } })
    await waitFor(() => ana!.denied.length === 1, { message: 'Ana is told' })
    expect(parseRefusal(ana!.denied[0]!)).toBe(
      'meeting ballot: 3 dots is more than the 2 each person has',
    )
    await waitFor(() => !meeting(ana!).has('ballot:ana'), { message: 'Ana’s dots are put back' })

    // Two dots, both on one card: taken, and Bram sees them.
    const ballot = { voteId: vote.id, cards: [b, b] }
    write(ana!, { 'ballot:ana': ballot })
    await waitFor(() => meeting(bram!).has('ballot:ana'), { message: 'Bram sees Ana’s dots' })
    expect(meeting(bram!).get('ballot:ana')).toEqual(ballot)

    // A dot on a card that is not on the board.
    write(ana!, { 'ballot:ana': { voteId: vote.id, cards: [b, 'shape:bestaat-niet'] } })
    await waitFor(() => ana!.denied.length === 2, { message: 'Ana is told again' })
    expect(parseRefusal(ana!.denied[1]!)).toBe(
      'meeting ballot: shape:bestaat-niet is not a card on this board',
    )
    await waitFor(() => (meeting(ana!).get('ballot:ana') as { cards: string[] }).cards[1] === b, {
      message: 'Ana’s dots are back to what counted',
    })

    // After the reveal, no more dots.
    write(facilitator!, { vote: { ...vote, revealed: true } })
    await waitFor(() => (meeting(ana!).get('vote') as MeetingVote).revealed, {
      message: 'Ana sees the reveal',
    })
    write(ana!, { 'ballot:ana': { voteId: vote.id, cards: [c] } })
    await waitFor(() => ana!.denied.length === 3, { message: 'Ana is told a third time' })
    expect(parseRefusal(ana!.denied[2]!)).toBe('meeting ballot: the vote is closed')
    await waitFor(() => sameBallot(ana!, ballot), {
      message: 'Ana’s counted dots are back',
    })

    // Bram only ever saw the ballot that counted.
    expect(seenByBram.get('ballot:ana')!.length).toBeGreaterThan(0)
    for (const value of seenByBram.get('ballot:ana')!) expect(value).toEqual(ballot)
    const [late] = await connected(server, board, 'viewer')
    expect(meeting(late!).get('ballot:ana')).toEqual(ballot)
    expect([facilitator!, ana!, bram!].map((client) => client.closes)).toEqual([[], [], []])
  })

  it('a viewer’s dots are dropped and nobody sees them', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [facilitator, editor, viewer] = await connected(
      server,
      board,
      'facilitator',
      'editor',
      'viewer',
    )
    const [a] = cards(facilitator!)
    const vote = openVote(pageOf(facilitator!), a!)
    write(facilitator!, { vote })
    await waitFor(() => meeting(viewer!).has('vote'), { message: 'the viewer sees the vote' })
    const seenByEditor = valuesSeen(editor!)

    write(viewer!, { 'ballot:projector': { voteId: vote.id, cards: [a] } })
    await waitFor(() => viewer!.denied.length > 0, { message: 'the viewer is told' })
    expect(viewer!.denied).toEqual([READ_ONLY_REASON])
    // A change made after it still reaches the editor, and the viewer's ballot never did.
    write(facilitator!, { timer })
    await waitFor(() => meeting(editor!).has('timer'), { message: 'the editor hears the room' })
    expect(meeting(editor!).has('ballot:projector')).toBe(false)
    expect([...seenByEditor.keys()]).toEqual(['timer'])
    const [late] = await connected(server, board, 'editor')
    expect(meeting(late!).has('ballot:projector')).toBe(false)
    expect(viewer!.closes).toEqual([])
  })
})

/** The first page of the board, for a vote's section. */
function pageOf(client: TestClient): string {
  return [...client.doc.getMap('records').keys()]
    .filter((key) => key.startsWith('page:'))
    .sort()[0]!
}

function sameBallot(client: TestClient, ballot: unknown): boolean {
  return JSON.stringify(meeting(client).get('ballot:ana')) === JSON.stringify(ballot)
}
