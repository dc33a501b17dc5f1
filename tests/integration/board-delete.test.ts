import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SqliteBoardStore } from '@wijktafel/server'
import { CloseCode } from '@wijktafel/shared'
import type { AssetUploadResponse } from '@wijktafel/shared'
import { TINY_PNG, expectError, request, saveVersion, tableCounts } from '../helpers/boardHttp.js'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { RawSocket, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

/** Words that exist only on the board that is deleted, to look for in the database files. */
const TITLE = 'Wisbord Zonnewijk'
const CARD = 'Geheime buurtmoestuin'

async function upload(server: TestServer, boardId: string, token: string): Promise<string> {
  const res = await request(server, 'POST', `/api/boards/${boardId}/assets`, {
    token,
    body: TINY_PNG,
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as AssetUploadResponse).src
}

async function refusal(socket: RawSocket): Promise<number | null> {
  await waitFor(() => socket.refusedWith !== null || socket.closed !== null, {
    message: 'the server answers the upgrade',
  })
  return socket.refusedWith
}

/** Every file of the data directory (database, WAL, shared memory) as one text. */
function dataFiles(dataDir: string): string {
  return readdirSync(dataDir)
    .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
    .join('\n')
}

describe('deleting a board', () => {
  it('removes every trace from the database, closes open connections with 4404, and its links stop working', async () => {
    const server = await startServer()
    const board = await createBoard(server, TITLE)
    const kept = await createBoard(server, 'Blijft bestaan')
    const ana = connectClient(server, board.id, board.tokens.facilitator)
    const bob = connectClient(server, board.id, board.tokens.editor)
    const eve = connectClient(server, board.id, board.tokens.viewer)
    await Promise.all([ana, bob, eve].map((c) => waitForSynced(c.provider)))
    putRecords(ana.doc, ...boardBasics(), geoShape('a', CARD))
    await waitFor(() => eve.doc.getMap('records').has('shape:a'), { message: 'eve sees the card' })
    const photo = await upload(server, board.id, board.tokens.editor)
    const version = await saveVersion(server, board.id, board.tokens.facilitator, {
      name: 'Bijeenkomst',
      thumbnail: `data:image/png;base64,${Buffer.from(TINY_PNG).toString('base64')}`,
    })
    await upload(server, kept.id, kept.tokens.editor)
    await saveVersion(server, kept.id, kept.tokens.facilitator, { name: 'Hun versie' })
    const keptBefore = tableCounts(server, kept.id)
    const ours = tableCounts(server, board.id)
    for (const table of ['boards', 'tokens', 'board_updates', 'assets', 'versions']) {
      expect(ours[table], table).toBeGreaterThan(0)
    }

    const path = `/api/boards/${board.id}`
    await expectError(await request(server, 'DELETE', path), 401, 'unauthorized')
    for (const token of [board.tokens.editor, board.tokens.viewer, kept.tokens.facilitator]) {
      const res = await request(server, 'DELETE', path, { token })
      expect(res.status).not.toBe(204)
    }
    expect(tableCounts(server, board.id)).toEqual(ours)

    const res = await request(server, 'DELETE', path, { token: board.tokens.facilitator })
    expect(res.status).toBe(204)

    // Everyone on the board is told it is gone (the client stops and says so).
    await waitFor(
      () =>
        [ana, bob, eve].every((c) => c.closes.some((close) => close.code === CloseCode.BOARD_GONE)),
      { message: 'every connection was closed with 4404' },
    )
    expect(server.server.roomCount()).toBe(0)

    // Every table is empty of it; the other board is untouched.
    const after = tableCounts(server, board.id)
    expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(ours)))
    for (const [table, n] of Object.entries(after)) expect(n, table).toBe(0)
    expect(tableCounts(server, kept.id)).toEqual(keptBefore)
    const { assets } = server.server.store as SqliteBoardStore
    expect(assets.countAssets(board.id)).toBe(0)

    // The links, the photo and the thumbnail answer 404; a reconnect is refused.
    for (const token of Object.values(board.tokens)) {
      await expectError(await request(server, 'GET', path, { token }), 404, 'not_found')
    }
    expect((await fetch(`${server.url}${photo}`)).status).toBe(404)
    expect((await fetch(`${server.url}${version.thumbnail}`)).status).toBe(404)
    const socket = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`)
    expect(await refusal(socket)).toBe(404)
    await expectError(
      await request(server, 'DELETE', path, { token: board.tokens.facilitator }),
      404,
      'not_found',
    )

    // Not even the bytes are left in the database files.
    ana.provider.destroy()
    bob.provider.destroy()
    eve.provider.destroy()
    await server.server.close()
    const files = dataFiles(server.dataDir)
    expect(files).toContain('Blijft bestaan')
    expect(files).not.toContain(TITLE)
    expect(files).not.toContain(CARD)
  })
})
