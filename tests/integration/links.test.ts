import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '@wijktafel/server'
import { CloseCode, deriveAllTokens, hashToken } from '@wijktafel/shared'
import type { BoardInfo, CreateBoardResponse, RotateLinksResponse } from '@wijktafel/shared'
import { expectError, request, tableCounts } from '../helpers/boardHttp.js'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { RawSocket, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket, tempDir } = testContext()

function rotate(server: TestServer, boardId: string, token: string | undefined, json?: unknown) {
  return request(server, 'POST', `/api/boards/${boardId}/links/rotate`, {
    token,
    ...(json === undefined ? {} : { json }),
  })
}

async function upgradeStatus(server: TestServer, boardId: string, token: string) {
  const socket: RawSocket = openRawSocket(`${server.wsUrl}/sync/${boardId}?token=${token}`)
  await waitFor(() => socket.refusedWith !== null || socket.closed !== null || isOpen(socket), {
    message: 'the server answers the upgrade',
  })
  const status = socket.refusedWith ?? 101
  socket.ws.terminate()
  return status
}

function isOpen(socket: RawSocket): boolean {
  return socket.ws.readyState === socket.ws.OPEN
}

async function getStatus(server: TestServer, boardId: string, token: string): Promise<number> {
  return (await request(server, 'GET', `/api/boards/${boardId}`, { token })).status
}

/** The token hashes the server holds for the board, by role. */
function storedHashes(server: TestServer, boardId: string): Record<string, string[]> {
  const { database } = server.server.store as unknown as { database: Database.Database }
  const rows = database
    .prepare<[string], { hash: string; role: string }>(
      'SELECT hash, role FROM tokens WHERE board_id = ? ORDER BY role, hash',
    )
    .all(boardId)
  const out: Record<string, string[]> = {}
  for (const row of rows) (out[row.role] ??= []).push(row.hash)
  return out
}

describe('new links for a board (POST /api/boards/:id/links/rotate)', () => {
  it('replaces the editor and viewer links: the old ones get 401 everywhere, their open connections 4401, the facilitator stays', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const other = await createBoard(server, 'Ander bord')
    const ana = connectClient(server, board.id, board.tokens.facilitator)
    const bob = connectClient(server, board.id, board.tokens.editor)
    const eve = connectClient(server, board.id, board.tokens.viewer)
    const them = connectClient(server, other.id, other.tokens.editor)
    await Promise.all([ana, bob, eve, them].map((c) => waitForSynced(c.provider)))
    putRecords(bob.doc, ...boardBasics(), geoShape('a', 'Van Bob'))
    await waitFor(() => ana.doc.getMap('records').has('shape:a'), { message: 'ana sees bob' })

    const res = await rotate(server, board.id, board.tokens.facilitator, {})
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as RotateLinksResponse
    expect(body.tokens.facilitator).toBeUndefined()
    // The links follow from the facilitator token and the new epoch, as the browser derives them.
    const expected = deriveAllTokens(board.tokens.facilitator, body.linkEpoch)
    expect(body.linkEpoch).toBe(1)
    expect(body.tokens).toEqual({ editor: expected.editor, viewer: expected.viewer })
    expect(body.tokens.editor).not.toBe(board.tokens.editor)
    expect(body.tokens.viewer).not.toBe(board.tokens.viewer)

    // The editor and the viewer are told at once; the facilitator and the other board stay.
    await waitFor(
      () =>
        [bob, eve].every((c) => c.closes.some((close) => close.code === CloseCode.LINK_REVOKED)),
      { message: 'the editor and the viewer were closed with 4401' },
    )
    expect(bob.closes[0]).toEqual({ code: 4401, reason: 'link revoked' })
    expect(ana.closes).toEqual([])
    expect(them.closes).toEqual([])
    putRecords(ana.doc, geoShape('b', 'Na de nieuwe links'))

    // The old links: 401 on HTTP and on the upgrade; the new ones work, and see ana's card.
    for (const token of [board.tokens.editor, board.tokens.viewer]) {
      expect(await getStatus(server, board.id, token)).toBe(401)
      expect(await upgradeStatus(server, board.id, token)).toBe(401)
    }
    expect(await getStatus(server, board.id, body.tokens.editor)).toBe(200)
    expect(await getStatus(server, board.id, board.tokens.facilitator)).toBe(200)
    const newBob = connectClient(server, board.id, body.tokens.editor)
    const newEve = connectClient(server, board.id, body.tokens.viewer)
    await waitFor(() => [newBob, newEve].every((c) => c.doc.getMap('records').has('shape:b')), {
      message: 'the new links sync the board',
    })
    const info = (await (
      await request(server, 'GET', `/api/boards/${board.id}`, { token: body.tokens.viewer })
    ).json()) as BoardInfo
    expect(info.role).toBe('viewer')
    expect(info.linkEpoch).toBeUndefined()
    const own = (await (
      await request(server, 'GET', `/api/boards/${board.id}`, { token: board.tokens.facilitator })
    ).json()) as BoardInfo
    expect(own.linkEpoch).toBe(1)

    // Only the new hashes are stored: three tokens, as before.
    expect(storedHashes(server, board.id)).toEqual({
      editor: [hashToken(body.tokens.editor)],
      facilitator: [hashToken(board.tokens.facilitator)],
      viewer: [hashToken(body.tokens.viewer)],
    })
    // Once more: epoch 2, and the links of epoch 1 stop working in turn.
    const again = (await (
      await rotate(server, board.id, board.tokens.facilitator)
    ).json()) as RotateLinksResponse
    expect(again.linkEpoch).toBe(2)
    await waitFor(() => newBob.closes.some((c) => c.code === CloseCode.LINK_REVOKED), {
      message: 'the editor of epoch 1 is closed',
    })
    expect(await getStatus(server, board.id, body.tokens.editor)).toBe(401)
    expect(await getStatus(server, board.id, again.tokens.editor)).toBe(200)
  })

  it('replaces the facilitator link too with the token the client made: only its hash stored, its own connection closed', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const ana = connectClient(server, board.id, board.tokens.facilitator)
    const bob = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([ana, bob].map((c) => waitForSynced(c.provider)))

    // The browser makes the new token and keeps it before it sends the request, so the
    // link still works when the answer never arrives: nothing in the answer is needed.
    const facilitator = randomBytes(32).toString('base64url')
    const res = await rotate(server, board.id, board.tokens.facilitator, {
      facilitator: true,
      token: facilitator,
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as RotateLinksResponse
    expect(body.tokens.facilitator).toBe(facilitator)
    expect(body.tokens).toEqual(deriveAllTokens(facilitator, body.linkEpoch))
    await waitFor(
      () => [ana, bob].every((c) => c.closes.some((x) => x.code === CloseCode.LINK_REVOKED)),
      { message: 'the facilitator and the editor were closed with 4401' },
    )
    for (const token of Object.values(board.tokens)) {
      expect(await getStatus(server, board.id, token)).toBe(401)
      expect(await upgradeStatus(server, board.id, token)).toBe(401)
    }
    expect(await getStatus(server, board.id, facilitator)).toBe(200)
    expect(await upgradeStatus(server, board.id, facilitator)).toBe(101)
    // The server keeps only its hash; the token itself is in no table and no log line.
    expect(storedHashes(server, board.id).facilitator).toEqual([hashToken(facilitator)])
    const { database } = server.server.store as unknown as { database: Database.Database }
    const dump = database.serialize().toString('latin1')
    expect(dump).not.toContain(facilitator)
    expect(server.logs.join('\n')).not.toContain(facilitator)
  })

  it('refuses editors and viewers (403), other tokens (401), unknown boards (404) and bad bodies (400), changing nothing', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const other: CreateBoardResponse = await createBoard(server, 'Ander bord')
    const bob = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(bob.provider)
    const before = storedHashes(server, board.id)
    const counts = tableCounts(server)

    await expectError(await rotate(server, board.id, board.tokens.editor, {}), 403, 'forbidden')
    await expectError(await rotate(server, board.id, board.tokens.viewer, {}), 403, 'forbidden')
    await expectError(await rotate(server, board.id, undefined, {}), 401, 'unauthorized')
    await expectError(
      await rotate(server, board.id, other.tokens.facilitator, {}),
      401,
      'unauthorized',
    )
    await expectError(
      await rotate(server, 'AAAAAAAAAAAAAAAAAAAAAA', board.tokens.facilitator, {}),
      404,
      'not_found',
    )
    const fresh = randomBytes(32).toString('base64url')
    for (const json of [
      [],
      'yes',
      { facilitator: 'yes' },
      { editor: true },
      null,
      // A new own link needs the token the client made: missing, malformed or unasked for.
      { facilitator: true },
      { facilitator: true, token: 'kort' },
      { facilitator: true, token: fresh + 'A' },
      { facilitator: true, token: 42 },
      { token: fresh },
      { facilitator: false, token: fresh },
    ]) {
      await expectError(
        await rotate(server, board.id, board.tokens.facilitator, json),
        400,
        'bad_request',
      )
    }
    const broken = await request(server, 'POST', `/api/boards/${board.id}/links/rotate`, {
      token: board.tokens.facilitator,
      body: '{not json',
    })
    await expectError(broken, 400, 'bad_request')
    expect(
      (
        await request(server, 'GET', `/api/boards/${board.id}/links/rotate`, {
          token: board.tokens.facilitator,
        })
      ).status,
    ).toBe(405)

    expect(storedHashes(server, board.id)).toEqual(before)
    expect(tableCounts(server)).toEqual(counts)
    expect(bob.closes).toEqual([])
    expect(await getStatus(server, board.id, board.tokens.editor)).toBe(200)
    const info = (await (
      await request(server, 'GET', `/api/boards/${board.id}`, { token: board.tokens.facilitator })
    ).json()) as BoardInfo
    expect(info.linkEpoch).toBe(0)
  })

  it('adds the link epoch to a database made before it existed; its links keep working and can be replaced', async () => {
    const dataDir = tempDir()
    // The schema of boards and tokens as the server made them before link epochs.
    const tokens = deriveAllTokens('F'.repeat(43))
    const id = 'BBBBBBBBBBBBBBBBBBBBBB'
    const old = new Database(join(dataDir, DATABASE_FILE))
    old.exec(`
      CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE tokens (
        hash TEXT PRIMARY KEY,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        role TEXT NOT NULL
      );
      CREATE TABLE board_state (
        board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
        state BLOB NOT NULL
      );`)
    old
      .prepare('INSERT INTO boards VALUES (?, ?, ?)')
      .run(id, 'Oud bord', new Date(0).toISOString())
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      old.prepare('INSERT INTO tokens VALUES (?, ?, ?)').run(hashToken(tokens[role]), id, role)
    }
    old.prepare('INSERT INTO board_state VALUES (?, ?)').run(id, Buffer.from([0, 0]))
    const columns = () =>
      (old.pragma('table_info(boards)') as { name: string }[]).map((c) => c.name)
    expect(columns()).not.toContain('link_epoch')
    old.close()

    const server = await startServer({ dataDir })
    const { database } = server.server.store as unknown as { database: Database.Database }
    const added = database
      .prepare<[string], { link_epoch: number }>('SELECT link_epoch FROM boards WHERE id = ?')
      .get(id)
    expect(added).toEqual({ link_epoch: 0 })
    for (const token of Object.values(tokens)) expect(await getStatus(server, id, token)).toBe(200)
    const res = await rotate(server, id, tokens.facilitator)
    const body = (await res.json()) as RotateLinksResponse
    expect(body.linkEpoch).toBe(1)
    expect(await getStatus(server, id, tokens.editor)).toBe(401)
    expect(await getStatus(server, id, body.tokens.editor)).toBe(200)

    // Opening it again migrates nothing twice.
    await server.server.close()
    const again = await startServer({ dataDir })
    expect(await getStatus(again, id, body.tokens.viewer)).toBe(200)
  })
})
