import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CloseCode,
  createWijktafelSchema,
  RELOAD_NEEDED_REASON,
  SCHEMA_PARAM,
  schemaParam,
  YDOC_META,
  YDOC_META_SCHEMA,
  YDOC_RECORDS,
  type CreateBoardResponse,
} from '@wijktafel/shared'
import { boardBasics, geoShape, olderGeoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext, type TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

const current = createWijktafelSchema().serialize()
const GEO = 'com.tldraw.shape.geo'
const withGeo = (version: number) => ({
  schemaVersion: 2 as const,
  sequences: { ...current.sequences, [GEO]: version },
})

/** A board from the empty template: its `meta.schema` is the current one. */
async function emptyBoard(server: TestServer): Promise<CreateBoardResponse> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'De Horst', template: 'empty' }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as CreateBoardResponse
}

describe('a client says which schema it speaks', () => {
  it('a client older than the board is closed with 4426 before it syncs, and stays away', async () => {
    const server = await startServer()
    const board = await emptyBoard(server)
    const older = connectClient(server, board.id, board.tokens.editor, new Y.Doc(), {
      [SCHEMA_PARAM]: schemaParam(withGeo(current.sequences[GEO]! - 1)),
    })
    const final: { code: number; reason: string }[] = []
    older.provider.on('closed', (event) => final.push(event))
    await waitFor(() => final.length > 0, { message: 'the older client is told to reload' })
    expect(older.closes).toEqual([{ code: CloseCode.RELOAD_NEEDED, reason: RELOAD_NEEDED_REASON }])
    expect(final).toEqual(older.closes)
    expect(older.provider.synced).toBe(false)
    expect(older.doc.getMap(YDOC_RECORDS).size).toBe(0)
    expect(server.logs.join('\n')).toContain(`a client at an older ${GEO} must reload`)

    // Whatever it wrote meanwhile went nowhere: a current client finds the board as created.
    const reader = connectClient(server, board.id, board.tokens.viewer, new Y.Doc(), {
      [SCHEMA_PARAM]: schemaParam(current),
    })
    await waitForSynced(reader.provider)
    expect(reader.doc.getMap(YDOC_META).get(YDOC_META_SCHEMA)).toEqual(current)
  })

  it('a client newer than the board, one at its schema and one that says nothing all sync', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'Spijkerkwartier') // no schema yet: anyone may set it
    const geo = current.sequences[GEO]!
    const older = connectClient(server, board.id, board.tokens.editor, new Y.Doc(), {
      [SCHEMA_PARAM]: schemaParam(withGeo(geo - 1)),
    })
    await waitForSynced(older.provider)
    older.doc.transact(() => {
      older.doc.getMap(YDOC_META).set(YDOC_META_SCHEMA, withGeo(geo - 1))
      putRecords(older.doc, ...boardBasics(), olderGeoShape('old'))
    })
    const clients = [
      older,
      connectClient(server, board.id, board.tokens.editor, new Y.Doc(), {
        [SCHEMA_PARAM]: schemaParam(current),
      }),
      connectClient(server, board.id, board.tokens.editor), // a stock y-websocket client
    ]
    for (const client of clients) await waitForSynced(client.provider)
    clients.forEach((client, i) => putRecords(client.doc, geoShape(`s${i}`)))
    const ids = ['shape:old', 'shape:s0', 'shape:s1', 'shape:s2']
    for (const client of clients) {
      await waitFor(() => ids.every((id) => client.doc.getMap(YDOC_RECORDS).has(id)), {
        message: 'every edit reaches every client',
      })
    }
    expect(clients.flatMap((c) => [...c.closes, ...c.denied])).toEqual([])
  })

  it.each([
    ['empty', ''],
    ['not JSON', '{"com.tldraw.store":'],
    ['an array', '[5]'],
    ['a version that is not a whole number', '{"com.tldraw.store":1.5}'],
  ])('a malformed schema (%s) gets 400 before any socket exists', async (_what, value) => {
    const server = await startServer()
    const board = await emptyBoard(server)
    const query = new URLSearchParams({ token: board.tokens.editor, [SCHEMA_PARAM]: value })
    const socket = openRawSocket(`${server.wsUrl}/sync/${board.id}?${query}`)
    await waitFor(() => socket.refusedWith !== null || socket.closed !== null, {
      message: 'the server answers the upgrade',
    })
    expect(socket.refusedWith).toBe(400)
  })
})
