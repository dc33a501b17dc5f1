import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { validUpdate } from '../helpers/frames.js'
import { Rng, hostileFrame, junkFrame } from '../helpers/fuzz.js'
import type { Corpus, Frame } from '../helpers/fuzz.js'
import { readMetrics, sumOf } from '../helpers/metrics.js'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { freePort, startServerProcess } from '../helpers/serverProcess.js'
import type { ServerProcess } from '../helpers/serverProcess.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const FRAMES = 100_000
const PARALLEL = 48
const MAX_MESSAGE_BYTES = 16 * 1024
const SEED = 20261127

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function honestClient(server: ServerProcess, boardId: string, token: string) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.wsUrl}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const closes: number[] = []
  provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
  cleanups.push(() => {
    provider.destroy()
    doc.destroy()
  })
  return { doc, provider, closes }
}

/** Opens a socket, sends `frames` at once and resolves when the server has closed it (or not). */
function volley(url: string, frames: Frame[]): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url)
    const done = () => {
      clearTimeout(timer)
      ws.terminate()
      resolve()
    }
    // The last frame always closes the socket; this only guards against a hang.
    const timer = setTimeout(done, 5_000)
    ws.on('error', () => {})
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame, { binary: typeof frame !== 'string' })
    })
    ws.on('close', done)
  })
}

describe('fuzzing a live board', () => {
  it('100,000 random and mutated frames leave the server up, honest clients converged and the stored board readable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wijktafel-fuzz-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const port = await freePort()
    // Many sockets from one address, one after the other: the per-address limit is not the
    // subject here (connection-limits.test.ts is).
    const env = { MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES), MAX_CONNECTIONS_PER_IP: '1000' }
    let server = await startServerProcess({ dataDir, port, env })
    cleanups.push(() => server.stop('SIGKILL'))
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Fuzz' }),
    })
    const board = (await res.json()) as CreateBoardResponse

    const a = honestClient(server, board.id, board.tokens.editor)
    const b = honestClient(server, board.id, board.tokens.facilitator)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])
    const updates: Uint8Array[] = []
    a.doc.on('update', (update: Uint8Array) => updates.push(update))
    putRecords(a.doc, ...boardBasics())
    for (let i = 0; i < 5; i++) putRecords(a.doc, geoShape(`seed${i}`, 'start', { x: i }))
    await waitFor(() => b.doc.getMap('records').size === 7, { message: 'B has the seed shapes' })
    a.provider.awareness.setLocalStateField('user', { name: 'Amira' })
    const corpus: Corpus = {
      updates: updates.slice(),
      awareness: [awarenessProtocol.encodeAwarenessUpdate(a.provider.awareness, [a.doc.clientID])],
      stateVectors: [Y.encodeStateVector(a.doc), Y.encodeStateVector(new Y.Doc())],
      invalidRecord: validUpdate('shape:bad', { id: 'shape:bad', typeName: 'shape' }),
    }

    // The honest clients keep editing and moving their cursors all through.
    let edits = 0
    const editing = setInterval(() => {
      const client = edits % 2 === 0 ? a : b
      putRecords(client.doc, geoShape(`honest${edits % 40}`, `edit ${edits}`, { x: edits }))
      client.provider.awareness.setLocalStateField('cursor', { x: edits, y: 0 })
      edits++
    }, 25)
    cleanups.push(() => clearInterval(editing))

    const rng = new Rng(SEED)
    const started = performance.now()
    let processed = 0
    let sockets = 0
    let volleyFrames = 0
    while (processed < FRAMES) {
      await Promise.all(
        Array.from({ length: PARALLEL * 20 }, (_, i) => i).map(async (i) => {
          // A viewer every fifth socket: its writes take another path through the server.
          const viewer = i % 5 === 0
          const token = viewer ? board.tokens.viewer : board.tokens.editor
          const frames: Frame[] = Array.from({ length: rng.int(4, 14) }, () =>
            junkFrame(rng, corpus, viewer),
          )
          // Mutation makes some hostile frames harmless: a text frame after it always closes.
          frames.push(hostileFrame(rng, corpus, MAX_MESSAGE_BYTES), 'bye')
          volleyFrames += frames.length
          sockets++
          await limit(() => volley(`${server.wsUrl}/sync/${board.id}?token=${token}`, frames))
        }),
      )
      const metrics = await readMetrics(server.url)
      processed =
        sumOf(metrics, 'wijktafel_messages_total') +
        (metrics.get('wijktafel_refused_messages_total{reason="too_big"}') ?? 0) +
        (metrics.get('wijktafel_refused_messages_total{reason="ws_protocol"}') ?? 0)
    }
    const seconds = (performance.now() - started) / 1000
    clearInterval(editing)
    const metrics = await readMetrics(server.url)
    const refused = sumOf(metrics, 'wijktafel_refused_messages_total')
    console.log(
      `fuzz: ${volleyFrames} frames sent on ${sockets} sockets, ${processed} handled by the ` +
        `server (${refused} refused) in ${seconds.toFixed(1)} s`,
    )
    expect(server.child.exitCode).toBeNull()
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

    // The honest clients were never cut off and hold the same board.
    await waitFor(
      () => isDeepStrictEqual(a.doc.getMap('records').toJSON(), b.doc.getMap('records').toJSON()),
      { message: 'the honest clients converge', timeoutMs: 10_000 },
    )
    expect(a.closes).toEqual([])
    expect(b.closes).toEqual([])
    const expected = b.doc.getMap('records').toJSON()

    // A crash right now, and the board on disk still loads, with everything.
    await server.stop('SIGKILL')
    a.provider.destroy()
    b.provider.destroy()
    server = await startServerProcess({ dataDir, port, env })
    const reader = honestClient(server, board.id, board.tokens.viewer)
    await waitForSynced(reader.provider, 10_000)
    expect(reader.doc.getMap('records').toJSON()).toEqual(expected)
  }, 120_000)
})

/** At most PARALLEL volleys at a time. */
let running = 0
const queue: (() => void)[] = []
async function limit<T>(task: () => Promise<T>): Promise<T> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => queue.push(resolve))
  running++
  try {
    return await task()
  } finally {
    running--
    queue.shift()?.()
  }
}
