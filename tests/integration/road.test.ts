import { PageRecordType, type TLShape } from '@tldraw/tlschema'
import { buildRoad, parseRefusal, STRUCTURE_LOCKED, xToDate } from '@wijktafel/shared'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { describe, expect, it } from 'vitest'
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

async function connected(server: TestServer, board: CreateBoardResponse, ...roles: Role[]) {
  const clients = roles.map((role) => connectClient(server, board.id, board.tokens[role]))
  await Promise.all(clients.map((client) => waitForSynced(client.provider)))
  return clients
}

const records = (client: TestClient) => client.doc.getMap<Rec>('records')
const all = (client: TestClient) => [...records(client).values()]
const put = (client: TestClient, ...changed: Rec[]) =>
  client.doc.transact(() => changed.forEach((record) => records(client).set(record.id, record)))

/** "Maak de weg" as the client does it: a new page and the road built from the board's cards. */
function makeRoad(client: TestClient) {
  const page = PageRecordType.create({
    id: PageRecordType.createId(),
    name: 'De weg (test)',
    index: 'a9' as never,
  })
  const shapes = all(client).filter((r) => r.typeName === 'shape') as unknown as TLShape[]
  const road = buildRoad(shapes, { pageId: page.id, locale: 'nl', today: '2026-11-28' })
  put(client, page as unknown as Rec, ...(road.shapes as unknown as Rec[]))
  return { page, road }
}

describe('the road on the server', () => {
  it('an editor makes the road: the page, timeline, milestones and action references reach everyone and are stored', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [editor, other] = await connected(server, board, 'editor', 'editor')
    const { road } = makeRoad(editor!)

    for (const shape of road.shapes) {
      await waitFor(() => records(other!).has(shape.id), {
        message: `the other editor sees ${shape.type}`,
      })
    }
    expect(editor!.denied).toEqual([])
    const types = road.shapes.map((s) => s.type)
    expect(types.filter((t) => t === 'wt-road')).toHaveLength(1)
    expect(types.filter((t) => t === 'wt-milestone')).toHaveLength(3)
    expect(types.filter((t) => t === 'wt-road-action').length).toBeGreaterThanOrEqual(4)

    // Stored: a late viewer gets the road too.
    const [late] = await connected(server, board, 'viewer')
    expect(records(late!).get(road.roadId)).toEqual(records(other!).get(road.roadId))
  })

  it('an editor moves an action along the road and changes its due date; the timeline itself is the facilitator’s', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [facilitator, editor, other] = await connected(
      server,
      board,
      'facilitator',
      'editor',
      'editor',
    )
    const { road } = makeRoad(facilitator!)
    await waitFor(() => road.shapes.every((s) => records(editor!).has(s.id)), {
      message: 'the editor has the road',
    })
    const roadRec = records(editor!).get(road.roadId)!
    const ref = all(editor!).find((r) => r.type === 'wt-road-action')!
    const action = records(editor!).get(ref.props!.actionId as string)!

    // As the client's road sync does it: the reference moves, the card's date follows.
    const x = ref.x! + 500
    const due = xToDate(roadRec.props as never, x + (ref.props!.w as number) / 2)!
    put(editor!, { ...ref, x }, { ...action, props: { ...action.props, due } })
    await waitFor(() => records(other!).get(action.id)?.props?.due === due, {
      message: 'the other editor sees the new due date',
    })
    expect(records(other!).get(ref.id)!.x).toBe(x)
    expect(editor!.denied).toEqual([])

    // The timeline's end date (and place) are locked for an editor.
    const later = { ...roadRec, props: { ...roadRec.props, end: '2040-01-01' } }
    put(editor!, later)
    await waitFor(() => editor!.denied.length > 0, { message: 'the editor is told' })
    expect(editor!.denied.map(parseRefusal)).toEqual([
      `${STRUCTURE_LOCKED}: only the facilitator may change ${road.roadId}`,
    ])
    await waitFor(() => records(editor!).get(road.roadId)?.props?.end === roadRec.props!.end, {
      message: 'the editor’s road has its end date back',
    })
    expect(records(other!).get(road.roadId)!.props!.end).toBe(roadRec.props!.end)

    // The facilitator may.
    put(facilitator!, later)
    await waitFor(() => records(other!).get(road.roadId)?.props?.end === '2040-01-01', {
      message: 'everyone sees the facilitator’s new end date',
    })
    expect(facilitator!.denied).toEqual([])
  })

  it('a reference that is not to a shape, or a road without dates, is put back', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst', 'example')
    const [editor] = await connected(server, board, 'editor')
    const { road } = makeRoad(editor!)
    await waitFor(() => records(editor!).has(road.roadId), { message: 'the road is there' })
    const ref = all(editor!).find((r) => r.type === 'wt-road-action')!
    put(editor!, { ...ref, props: { ...ref.props, actionId: 'nonsense' } })
    await waitFor(() => editor!.denied.length > 0, { message: 'the editor is told' })
    expect(parseRefusal(editor!.denied[0]!)).toMatch(/actionId/)
    await waitFor(() => records(editor!).get(ref.id)?.props?.actionId === ref.props!.actionId, {
      message: 'the reference is put back',
    })

    // The road is the facilitator's anyway; a new road without a start date is refused as invalid.
    const bad = {
      ...records(editor!).get(road.roadId)!,
      id: 'shape:road-without-start',
      props: { ...records(editor!).get(road.roadId)!.props, start: '' },
    }
    put(editor!, bad)
    await waitFor(() => editor!.denied.length > 1, { message: 'the editor is told again' })
    expect(parseRefusal(editor!.denied[1]!)).toMatch(/start/)
    await waitFor(() => !records(editor!).has(bad.id), { message: 'the invalid road is gone' })
  })
})
