import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { DATABASE_FILE, openSqliteBoardStore } from '@wijktafel/server'
import { loadBoardDoc } from '../../server/src/persistence/loadBoardDoc.js'
import { startHoldingServer } from '../helpers/commitHoldingServer.js'
import type { HoldingServer } from '../helpers/commitHoldingServer.js'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { freePort, startServerProcess } from '../helpers/serverProcess.js'
import type { ServerProcess } from '../helpers/serverProcess.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const CLIENTS = 20
const CRASHES = 4

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A y-websocket client that also keeps, in `heard`, every update the server sent it. */
function client(wsUrl: string, boardId: string, token: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${wsUrl}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const heard = new Y.Doc()
  // y-websocket applies what the server sends with the provider as the origin.
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) Y.applyUpdate(heard, update)
  })
  cleanups.push(() => {
    provider.destroy()
    doc.destroy()
    heard.destroy()
  })
  return { doc, provider, heard }
}

/** Whether `doc` already holds everything in `update`: applying it changes nothing. */
function holds(doc: Y.Doc, update: Uint8Array): boolean {
  const probe = new Y.Doc()
  Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc))
  const before = probe.getMap('records').toJSON()
  const vector = Y.encodeStateVector(probe)
  Y.applyUpdate(probe, update)
  const same =
    Buffer.from(Y.encodeStateVector(probe)).equals(Buffer.from(vector)) &&
    isDeepStrictEqual(probe.getMap('records').toJSON(), before)
  probe.destroy()
  return same
}

describe('crash recovery', () => {
  it('after each of several SIGKILLs while 20 clients edit, every update any client had received is on disk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wijktafel-crash-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    // The same port every time, so the clients reconnect by themselves after each restart.
    const port = await freePort()
    let server: ServerProcess = await startServerProcess({ dataDir, port })
    cleanups.push(() => server.stop('SIGKILL'))
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Crash' }),
    })
    const board = (await res.json()) as CreateBoardResponse
    const clients = Array.from({ length: CLIENTS }, () =>
      client(server.wsUrl, board.id, board.tokens.editor),
    )
    await Promise.all(clients.map((c) => waitForSynced(c.provider, 10_000)))
    putRecords(clients[0]!.doc, ...boardBasics())

    let edit = 0
    const editing = setInterval(() => {
      // Each tick one client writes: new shapes and moves of existing ones, by everyone.
      const i = edit % CLIENTS
      putRecords(clients[i]!.doc, geoShape(`c${i}-${edit % 7}`, `edit ${edit}`, { x: edit }))
      edit++
    }, 2)
    cleanups.push(() => clearInterval(editing))

    for (let crash = 1; crash <= CRASHES; crash++) {
      await Promise.all(clients.map((c) => waitForSynced(c.provider, 15_000)))
      // Let edits flow for a while (and a different while each time), then pull the plug.
      const target = edit + 150 + 60 * crash
      // The count matters, not the time: a busy machine runs the 2 ms timer far slower.
      await waitFor(() => edit >= target, {
        message: `${target} edits were made`,
        timeoutMs: 30_000,
      })
      await server.stop('SIGKILL')
      // Everything the clients had heard from the server, the moment it died.
      const heard = new Y.Doc()
      for (const c of clients) Y.applyUpdate(heard, Y.encodeStateAsUpdate(c.heard))
      expect(heard.getMap('records').size, `crash ${crash}: clients heard edits`).toBeGreaterThan(
        CLIENTS,
      )

      server = await startServerProcess({ dataDir, port })
      const reader = client(server.wsUrl, board.id, board.tokens.viewer)
      await waitForSynced(reader.provider, 10_000)
      expect(holds(reader.doc, Y.encodeStateAsUpdate(heard)), `after crash ${crash}`).toBe(true)
      reader.provider.destroy()
      heard.destroy()
    }

    // The clients' own unsent edits come back in their sync step 2: all converge.
    clearInterval(editing)
    await Promise.all(clients.map((c) => waitForSynced(c.provider, 15_000)))
    const reader = client(server.wsUrl, board.id, board.tokens.viewer)
    await waitFor(
      () =>
        clients.every((c) =>
          isDeepStrictEqual(
            c.doc.getMap('records').toJSON(),
            reader.doc.getMap('records').toJSON(),
          ),
        ),
      { message: 'every client and a fresh reader hold the same board', timeoutMs: 15_000 },
    )
  }, 180_000)

  it('a server killed while a batch of updates is appended but not committed had sent none of it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wijktafel-crash-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const port = await freePort()
    let server: HoldingServer | null = null
    cleanups.push(() => server?.kill())
    let board: CreateBoardResponse | null = null
    let clients: ReturnType<typeof client>[] = []
    let edit = 0
    const editing = setInterval(() => {
      const i = edit % clients.length
      if (clients[i]) putRecords(clients[i].doc, geoShape(`c${i}-${edit % 7}`, `e${edit}`))
      edit++
    }, 2)
    cleanups.push(() => clearInterval(editing))

    // A different batch each time: early, while many clients still sync, and later.
    for (const holdAtBatch of [3, 40, 120]) {
      server = await startHoldingServer({ dataDir, port, holdAtBatch })
      if (!board) {
        const res = await fetch(`${server.url}/api/boards`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ title: 'Crash' }),
        })
        board = (await res.json()) as CreateBoardResponse
        const { id, tokens } = board
        clients = Array.from({ length: 10 }, () => client(server!.wsUrl, id, tokens.editor))
      }
      // The store stops inside the transaction of that batch; then the plug is pulled.
      await server.holding
      await server.kill()
      const heard = new Y.Doc()
      for (const c of clients) Y.applyUpdate(heard, Y.encodeStateAsUpdate(c.heard))
      // By the later batches the clients have heard each other (so something was sent).
      if (holdAtBatch > 3) expect(heard.getMap('records').size).toBeGreaterThan(0)
      const store = openSqliteBoardStore(join(dataDir, DATABASE_FILE))
      const stored = store.loadDoc(board.id)
      store.close()
      const onDisk = loadBoardDoc(stored)
      expect(holds(onDisk, Y.encodeStateAsUpdate(heard)), `held at batch ${holdAtBatch}`).toBe(true)
      onDisk.destroy()
      heard.destroy()
    }
  }, 180_000)
})
