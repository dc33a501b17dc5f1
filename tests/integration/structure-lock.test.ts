import { describe, expect, it } from 'vitest'
import { STRUCTURE_LOCKED, parseRefusal } from '@wijktafel/shared'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

type Rec = {
  id: string
  typeName: string
  type?: string
  parentId?: string
  x?: number
  props?: Record<string, unknown>
  [key: string]: unknown
}
type Role = keyof CreateBoardResponse['tokens']

/** The De Horst example: both maps filled in, with zones, lanes naming participants, legends. */
async function connected(server: TestServer, board: CreateBoardResponse, ...roles: Role[]) {
  const clients = roles.map((role) => connectClient(server, board.id, board.tokens[role]))
  await Promise.all(clients.map((client) => waitForSynced(client.provider)))
  return clients
}

const records = (client: TestClient) => client.doc.getMap<Rec>('records')
const all = (client: TestClient) => [...records(client).values()]
const put = (client: TestClient, ...changed: Rec[]) =>
  client.doc.transact(() => changed.forEach((record) => records(client).set(record.id, record)))
const remove = (client: TestClient, ...keys: string[]) =>
  client.doc.transact(() => keys.forEach((key) => records(client).delete(key)))

/** The whole board as JSON, in key order. */
const snapshot = (client: TestClient) =>
  JSON.stringify([...records(client).entries()].sort(([a], [b]) => a.localeCompare(b)))

/** Every value a client's `records` held under a key, from now on (undefined: gone). */
function valuesSeen(client: TestClient): Map<string, (Rec | undefined)[]> {
  const seen = new Map<string, (Rec | undefined)[]>()
  records(client).observe((event) => {
    for (const key of event.keysChanged) {
      seen.set(key, [...(seen.get(key) ?? []), records(client).get(key)])
    }
  })
  return seen
}

/** A section zone of the partnership map that holds cards. */
function sectionZone(client: TestClient): Rec {
  return all(client).find(
    (r) =>
      r.type === 'wt-zone' &&
      r.props!.kind === 'section' &&
      all(client).some((child) => child.parentId === r.id),
  )!
}

/** Everything on a page as tldraw deletes it with the page: its shapes, their bindings. */
function onPage(client: TestClient, pageId: string): string[] {
  const shapes = new Set<string>()
  for (let grew = true; grew;) {
    grew = false
    for (const r of all(client)) {
      if (r.typeName !== 'shape' || shapes.has(r.id)) continue
      if (r.parentId === pageId || shapes.has(r.parentId!)) grew = !!shapes.add(r.id)
    }
  }
  const bindings = all(client).filter(
    (r) =>
      r.typeName === 'binding' && (shapes.has(r.fromId as string) || shapes.has(r.toId as string)),
  )
  return [...shapes, ...bindings.map((r) => r.id)]
}

const changes: [string, (zone: Rec) => Rec | null][] = [
  ['moves', (zone) => ({ ...zone, x: zone.x! + 300 })],
  ['retitles', (zone) => ({ ...zone, props: { ...zone.props, title: 'Onze eigen titel' } })],
  ['deletes', () => null],
]

describe('the structure is locked', () => {
  it.each(changes)(
    'an editor who %s a zone is put back and told, the other editor never sees it; the facilitator may',
    async (_what, change) => {
      const server = await startServer()
      const board = await createBoard(server, 'De Horst', 'example')
      const [facilitator, editor, other] = await connected(
        server,
        board,
        'facilitator',
        'editor',
        'editor',
      )
      const zone = sectionZone(editor!)
      const seenByOther = valuesSeen(other!)
      const changed = change(zone)
      // As tldraw deletes a zone: with the cards in it.
      const cards = all(editor!).filter((r) => r.parentId === zone.id)
      const apply = (client: TestClient) =>
        changed ? put(client, changed) : remove(client, zone.id, ...cards.map((r) => r.id))
      const before = snapshot(other!)

      apply(editor!)
      await waitFor(() => editor!.denied.length > 0, { message: 'the editor is told' })
      expect(editor!.denied.map(parseRefusal)).toEqual([
        `${STRUCTURE_LOCKED}: only the facilitator may change ${zone.id}`,
      ])
      await waitFor(() => snapshot(editor!) === before, {
        message: 'the editor’s zone is back where it was, with its cards',
      })
      // The other editor only ever had the zone and its cards as they were.
      for (const value of seenByOther.get(zone.id) ?? []) expect(value).toEqual(zone)
      for (const card of cards) {
        for (const value of seenByOther.get(card.id) ?? []) expect(value).toEqual(card)
      }
      expect(snapshot(other!)).toBe(before)

      // The editor's cards still move: the lock is only on the structure.
      const card = cards[0]!
      put(editor!, { ...card, x: card.x! + 10 })
      await waitFor(() => records(other!).get(card.id)?.x === card.x! + 10, {
        message: 'the other editor sees the card move',
      })

      // The facilitator's same change is taken and seen by everyone.
      apply(facilitator!)
      for (const client of [editor!, other!]) {
        await waitFor(
          () =>
            JSON.stringify(records(client).get(zone.id)) === JSON.stringify(changed ?? undefined),
          { message: 'everyone sees the facilitator’s change' },
        )
      }
      expect(facilitator!.denied).toEqual([])
      expect(editor!.denied).toHaveLength(1)
      expect([facilitator!, editor!, other!].map((client) => client.closes)).toEqual([[], [], []])
    },
  )

  it('an editor who deletes a participant clears it from its lane, and everyone sees both', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [editor, other] = await connected(server, board, 'editor', 'editor')
    const lane = all(editor!).find(
      (r) => r.type === 'wt-zone' && typeof r.props!.participantId === 'string',
    )!
    const participant = records(editor!).get(lane.props!.participantId as string)!
    const interests = all(editor!).filter((r) => r.parentId === participant.id)
    expect(interests.length).toBeGreaterThan(0)

    // As the client does it: the participant, its interests and its lane's partner in one change.
    editor!.doc.transact(() => {
      remove(editor!, participant.id, ...interests.map((r) => r.id))
      put(editor!, { ...lane, props: { ...lane.props, participantId: null } })
    })
    await waitFor(() => !records(other!).has(participant.id), {
      message: 'the other editor sees the participant go',
    })
    expect(records(other!).get(lane.id)!.props!.participantId).toBeNull()
    expect(editor!.denied).toEqual([])
  })

  it('an editor cannot clear a lane whose participant is still there', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [editor, other] = await connected(server, board, 'editor', 'editor')
    const lane = all(editor!).find(
      (r) => r.type === 'wt-zone' && typeof r.props!.participantId === 'string',
    )!
    put(editor!, { ...lane, props: { ...lane.props, participantId: null } })
    await waitFor(() => editor!.denied.length > 0, { message: 'the editor is told' })
    await waitFor(() => records(editor!).get(lane.id)!.props!.participantId !== null, {
      message: 'the lane keeps its partner',
    })
    expect(records(other!).get(lane.id)).toEqual(lane)
  })

  it('an editor who deletes a page of the map gets it back whole, cards and all; nobody else sees it go', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [editor, other] = await connected(server, board, 'editor', 'editor')
    const before = snapshot(other!)
    const page = sectionZone(editor!).parentId!
    const onIt = onPage(editor!, page)
    expect(onIt.some((key) => records(editor!).get(key)?.type === 'wt-role')).toBe(true)
    const seenByOther = valuesSeen(other!)

    remove(editor!, ...onIt, page)
    await waitFor(() => editor!.denied.length > 0, { message: 'the editor is told' })
    expect(editor!.denied.map(parseRefusal)).toEqual([
      `${STRUCTURE_LOCKED}: ${page} holds the map's structure`,
    ])
    await waitFor(() => snapshot(editor!) === before, {
      message: 'the editor has the whole page back',
    })
    for (const values of seenByOther.values()) expect(values).not.toContain(undefined)
    const [late] = await connected(server, board, 'viewer')
    expect(snapshot(late!)).toBe(before)
    expect(editor!.closes).toEqual([])
  })
})
