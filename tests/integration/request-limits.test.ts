import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DATABASE_FILE, defaultConfig, openSqliteBoardStore } from '@wijktafel/server'
import type { BoardStore } from '@wijktafel/server'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { loadBoardDoc } from '../../server/src/persistence/loadBoardDoc.js'
import { readMetrics, sumOf } from '../helpers/metrics.js'
import { geoShape, labelOf, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket, tempDir } = testContext()

/** Opens `/sync/<board>` as a raw socket from `address` (trustProxy: X-Forwarded-For). */
async function upgrade(server: TestServer, board: CreateBoardResponse, address?: string) {
  const url = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`
  const socket = openRawSocket(url, address ? { headers: { 'X-Forwarded-For': address } } : {})
  let retryAfter: string | undefined
  socket.ws.on('unexpected-response', (_req, res) => (retryAfter = res.headers['retry-after']))
  await waitFor(() => socket.refusedWith !== null || socket.ws.readyState === socket.ws.OPEN, {
    message: 'the server answers the upgrade',
  })
  return { status: socket.refusedWith ?? 101, retryAfter, socket }
}

/** A real SQLite store that writes down every call made to it. */
function countingStore(): { store: BoardStore; calls: string[] } {
  const real = openSqliteBoardStore(join(tempDir(), DATABASE_FILE))
  const calls: string[] = []
  const store = new Proxy(real, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        calls.push(`${String(key)} ${String(args[0])}`)
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store, calls }
}

function post(server: TestServer, path: string, body: string, address: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
    body,
  })
}

async function connections(server: TestServer): Promise<number> {
  return sumOf(await readMetrics(server.url), 'wijktafel_connections')
}

/** Connects, waits until synced; `leave()` disconnects and waits until the server saw it. */
async function visit(server: TestServer, board: CreateBoardResponse) {
  const client: TestClient = connectClient(server, board.id, board.tokens.editor)
  await waitForSynced(client.provider)
  return {
    client,
    async leave() {
      const before = await connections(server)
      client.provider.destroy()
      await waitFor(async () => (await connections(server)) === before - 1, {
        message: 'the server saw the client leave',
      })
    },
  }
}

describe('limits on cheap requests', () => {
  it('a connect loop from one address gets 429 with Retry-After past its burst, before any database work; other addresses still connect; the bucket refills', async () => {
    const { store, calls } = countingStore()
    const server = await startServer({
      persistence: { kind: 'store', store },
      trustProxy: true,
      newConnectionBurstPerIp: 3,
      newConnectionsPerIpPerMinute: 30, // a token every 2 s
    })
    const board = await createBoard(server, 'De Horst')
    let opened = 0
    let refused: Awaited<ReturnType<typeof upgrade>> | undefined
    for (let i = 0; i < 10 && !refused; i++) {
      const attempt = await upgrade(server, board, '203.0.113.7')
      if (attempt.status === 101) {
        opened++
        attempt.socket.ws.close() // connect, sync step 1, leave: the loop of a script
      } else refused = attempt
    }
    expect(opened).toBeGreaterThanOrEqual(3)
    expect(refused?.status).toBe(429)
    expect(Number(refused?.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(Number(refused?.retryAfter)).toBeLessThanOrEqual(2)

    const before = calls.length
    expect((await upgrade(server, board, '203.0.113.7')).status).toBe(429)
    expect(calls.slice(before)).toEqual([]) // not even the board's row was read

    expect((await upgrade(server, board, '198.51.100.4')).status).toBe(101)
    await waitFor(async () => (await upgrade(server, board, '203.0.113.7')).status === 101, {
      timeoutMs: 10_000,
      message: 'the bucket of 203.0.113.7 refilled',
    })
    const metrics = await readMetrics(server.url)
    expect(
      metrics.get('wijktafel_refused_connections_total{reason="connection_rate"}'),
    ).toBeGreaterThanOrEqual(2)
  })

  it('creating and importing boards share one bucket per address: past it 429 with Retry-After, and nothing is created', async () => {
    const server = await startServer({
      trustProxy: true,
      boardBurstPerIp: 2,
      boardsPerIpPerHour: 1,
    })
    const created = JSON.stringify({ title: 'De Horst', template: 'belangenkaart' })
    const first = await post(server, '/api/boards', created, '203.0.113.7')
    expect(first.status).toBe(201)
    const board = (await first.json()) as CreateBoardResponse
    // A refused request costs a board too: a script cannot probe for free.
    expect((await post(server, '/api/boards', '{not json', '203.0.113.7')).status).toBe(400)

    const refused = await post(server, '/api/boards', '{"title":"Nog een"}', '203.0.113.7')
    expect(refused.status).toBe(429)
    expect(await refused.json()).toMatchObject({ code: 'too_many_boards' })
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(3000) // one board an hour: nearly an hour to wait
    expect(retryAfter).toBeLessThanOrEqual(3600)

    const exported = await fetch(`${server.url}/api/boards/${board.id}/export.json`, {
      headers: { Authorization: `Bearer ${board.tokens.viewer}` },
    })
    const file = await exported.text()
    const imported = await post(server, '/api/boards/import', file, '203.0.113.7')
    expect(imported.status).toBe(429)
    expect(imported.headers.get('retry-after')).not.toBeNull()
    expect(server.server.store.countBoards()).toBe(1)

    // Another address has its own bucket, for both routes.
    expect((await post(server, '/api/boards/import', file, '198.51.100.4')).status).toBe(201)
    expect((await post(server, '/api/boards', '{"title":"B"}', '198.51.100.4')).status).toBe(201)
    expect(server.server.store.countBoards()).toBe(3)
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_requests_total{reason="too_many_boards"}')).toBe(2)
  })

  it('with maxRooms 3, a fourth board evicts the least recently used idle room (stored, intact when reopened); with every room in use, a new board gets 503', async () => {
    const { store, calls } = countingStore()
    const server = await startServer({
      persistence: { kind: 'store', store },
      maxRooms: 3,
      roomIdleMs: 60_000, // idle rooms stay unless another board needs their place
    })
    const [a, b, c, d] = await Promise.all(
      ['A', 'B', 'C', 'D'].map((title) => createBoard(server, title)),
    )
    const loads = (board: CreateBoardResponse) =>
      calls.filter((call) => call === `loadDoc ${board!.id}`).length

    const inA = await visit(server, a!)
    putRecords(inA.client.doc, geoShape('dream', 'Een groene wijk'))
    await waitFor(() => calls.some((call) => call.startsWith(`appendUpdate ${a!.id}`)), {
      message: 'the edit on A is stored',
    })
    await inA.leave() // A idle first,
    await (await visit(server, b!)).leave() // then B,
    const inC = await visit(server, c!) // C in use
    const inD = await visit(server, d!) // D pushes the oldest idle room out: A
    expect(server.server.roomCount()).toBe(3)
    await visit(server, b!) // B was still in memory: not loaded again
    expect(loads(b!)).toBe(1)

    // B, C and D are in use: A does not fit, and no meeting is evicted for it.
    expect((await upgrade(server, a!)).status).toBe(503)
    const exported = await fetch(`${server.url}/api/boards/${a!.id}/export.json`, {
      headers: { Authorization: `Bearer ${a!.tokens.viewer}` },
    })
    expect(exported.status).toBe(503)
    expect(inC.client.provider.wsconnected).toBe(true)

    await inD.leave()
    const again = await visit(server, a!)
    expect(loads(a!)).toBe(2) // evicted, loaded again from the store
    expect(labelOf(again.client.doc.getMap('records').get('shape:dream'))).toBe('Een groene wijk')
    expect(server.server.roomCount()).toBe(3)
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_room_evictions_total{reason="memory"}')).toBe(2)
    expect(metrics.get('wijktafel_refused_connections_total{reason="memory_full"}')).toBe(1)
    expect(metrics.get('wijktafel_refused_requests_total{reason="memory_full"}')).toBe(1)
  })

  it('past maxDocBytesInMemory a big board makes idle rooms leave, oldest first; the bytes pass the limit by one board at most, then new boards get 503', async () => {
    const setup = await startServer()
    const big = await createBoard(setup, 'De Horst', 'example')
    const small = await Promise.all(['1', '2', '3', '4'].map((t) => createBoard(setup, t, 'empty')))
    // What a room counts: the board's V1 size (its state is stored smaller, as V2).
    const bytes = (board: CreateBoardResponse) =>
      Y.encodeStateAsUpdate(loadBoardDoc(setup.server.store.loadDoc(board.id))).length
    const [bigBytes, smallBytes] = [bytes(big), bytes(small[0]!)]
    expect(bigBytes).toBeGreaterThan(10 * smallBytes)
    await setup.server.close()
    // Room for the big board and one and a half small ones.
    const server = await startServer({
      dataDir: setup.dataDir,
      maxDocBytesInMemory: bigBytes + Math.round(1.5 * smallBytes),
      roomIdleMs: 60_000,
    })
    const inMemory = async () => (await readMetrics(server.url)).get('wijktafel_rooms')
    const evicted = async () =>
      (await readMetrics(server.url)).get('wijktafel_room_evictions_total{reason="memory"}') ?? 0

    await (await visit(server, small[0]!)).leave()
    await (await visit(server, small[1]!)).leave()
    expect(await inMemory()).toBe(2)
    await visit(server, big) // the oldest idle room makes way
    expect(await evicted()).toBe(1)
    expect(await inMemory()).toBe(2)
    await visit(server, small[0]!) // the other idle one makes way
    expect(await evicted()).toBe(2)
    await visit(server, small[2]!) // under the limit when it came: admitted, now over it
    expect(await inMemory()).toBe(3)
    expect((await upgrade(server, small[3]!)).status).toBe(503) // over it, nobody idle
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_doc_bytes_in_memory')).toBe(bigBytes + 2 * smallBytes)
    expect(metrics.get('wijktafel_refused_connections_total{reason="memory_full"}')).toBe(1)
  })

  it('with the default limits, 40 people behind one router open a board at once and a facilitator makes 20 boards in a row', async () => {
    const server = await startServer({
      newConnectionsPerIpPerMinute: defaultConfig.newConnectionsPerIpPerMinute,
      newConnectionBurstPerIp: defaultConfig.newConnectionBurstPerIp,
      boardsPerIpPerHour: defaultConfig.boardsPerIpPerHour,
      boardBurstPerIp: defaultConfig.boardBurstPerIp,
    })
    const boards: CreateBoardResponse[] = []
    for (let i = 0; i < defaultConfig.boardBurstPerIp; i++) {
      boards.push(await createBoard(server, `Tafel ${i + 1}`))
    }
    const meeting = Array.from({ length: 40 }, () =>
      connectClient(server, boards[0]!.id, boards[0]!.tokens.editor),
    )
    await Promise.all(meeting.map((client) => waitForSynced(client.provider, 15_000)))
    expect(await connections(server)).toBe(40)
    // The next board is one too many in a row: it waits its turn (a minute at most).
    const next = await post(server, '/api/boards', '{"title":"Eén te veel"}', '127.0.0.1')
    expect(next.status).toBe(429)
    expect(Number(next.headers.get('retry-after'))).toBeLessThanOrEqual(60)
  })
})
