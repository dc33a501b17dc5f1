/**
 * Benchmark clients in Node, one interface over two protocols:
 * - Yjs (our server and @y/websocket-server): the real y-websocket provider; an edit sets a
 *   whole record in the `records` Y.Map, a cursor move sets the awareness `presence` field.
 * - tldraw sync (TLSocketRoom): the JSON protocol spoken directly over a WebSocket, as
 *   TLSyncClient would: `connect`, then `push` with a record put and presence patches [1].
 * Every edit carries `meta.sentAt`; `onStamp` gets (receive time - sentAt) in ms for edits
 * made by other clients. All clients live in this process, so both ends read one clock.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { JsonChunkAssembler } from '@tldraw/sync-core'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { YDOC_RECORDS } from '@wijktafel/shared'
import { presenceRecord, stampOf, tlSchema } from './records.js'
import type { BenchServer, Board } from './servers.js'

export interface BenchClient {
  /** Resolves when the client holds the server's document. */
  readonly ready: Promise<void>
  /** Number of shape records the client holds. */
  recordCount(): number
  put(record: { id: string }): void
  /** Several records in one transaction / push. */
  putMany(records: { id: string }[]): void
  cursor(x: number, y: number): void
  close(): void
}

export type OnStamp = (latencyMs: number) => void

export function connectClient(
  server: BenchServer,
  board: Board,
  clientNo: number,
  onStamp: OnStamp = () => {},
): BenchClient {
  return server.kind === 'tldraw'
    ? tldrawClient(server.url, board, clientNo, onStamp)
    : yjsClient(server.url, board, clientNo, onStamp)
}

function yjsClient(url: string, board: Board, clientNo: number, onStamp: OnStamp): BenchClient {
  const doc = new Y.Doc()
  const records = doc.getMap<unknown>(YDOC_RECORDS)
  const provider = new WebsocketProvider(`${url.replace('http', 'ws')}/sync`, board.roomId, doc, {
    params: board.token ? { token: board.token } : {},
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  })
  records.observe((event, transaction) => {
    if (transaction.local) return
    const now = performance.now()
    for (const key of event.keysChanged) {
      const sentAt = stampOf(records.get(key))
      if (sentAt !== undefined) onStamp(now - sentAt)
    }
  })
  const presence = presenceRecord(clientNo)
  provider.awareness.setLocalStateField('presence', presence)
  const ready = new Promise<void>((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
  return {
    ready,
    recordCount: () => records.size,
    put: (record) => records.set(record.id, record),
    putMany: (list) => doc.transact(() => list.forEach((r) => records.set(r.id, r))),
    cursor(x, y) {
      presence.cursor = { ...presence.cursor!, x, y }
      presence.lastActivityTimestamp = Date.now()
      provider.awareness.setLocalStateField('presence', { ...presence })
    },
    close() {
      provider.destroy()
      doc.destroy()
    },
  }
}

function tldrawClient(url: string, board: Board, clientNo: number, onStamp: OnStamp): BenchClient {
  const sessionId = randomUUID()
  const ws = new WebSocket(
    `${url.replace('http', 'ws')}/connect/${board.roomId}?sessionId=${sessionId}`,
  )
  const assembler = new JsonChunkAssembler()
  const records = new Set<string>()
  let clientClock = 0
  let presenceSent = false
  let connected = false
  const presence = presenceRecord(clientNo)
  const send = (message: unknown) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message))
  }
  let resolveReady: () => void
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  ws.on('error', () => {})
  ws.on('open', () =>
    send({
      type: 'connect',
      connectRequestId: randomUUID(),
      lastServerClock: -1,
      protocolVersion: 8,
      schema: tlSchema.serialize(),
    }),
  )
  const ping = setInterval(() => send({ type: 'ping' }), 5_000)
  ping.unref()
  const applyDiff = (diff: Record<string, unknown[]>, now: number) => {
    for (const [id, op] of Object.entries(diff)) {
      if (op[0] === 'remove') records.delete(id)
      else if (id.startsWith('shape:')) records.add(id)
      if (connected && id.startsWith('shape:')) {
        const sentAt = stampOf(op)
        if (sentAt !== undefined) onStamp(now - sentAt)
      }
    }
  }
  ws.on('message', (data, isBinary) => {
    const now = performance.now()
    const result = assembler.handleMessage(isBinary ? '' : data.toString())
    if (!result || 'error' in result) return
    const message = result.data as {
      type: string
      diff?: never
      data?: { type: string; diff?: never }[]
    }
    if (message.type === 'incompatibility_error')
      throw new Error(`tldraw refused: ${String(result.stringified)}`)
    if (message.type === 'connect') {
      applyDiff(message.diff ?? {}, now)
      connected = true
      resolveReady()
      return
    }
    const events = message.type === 'data' ? message.data! : [message]
    for (const event of events) if (event.type === 'patch') applyDiff(event.diff ?? {}, now)
  })
  const push = (diff: Record<string, unknown>) => {
    // The server answers our own push with a bare 'commit': what we sent is what it holds.
    for (const id of Object.keys(diff)) records.add(id)
    send({ type: 'push', clientClock: ++clientClock, diff })
  }
  return {
    ready,
    recordCount: () => records.size,
    put: (record) => push({ [record.id]: ['put', record] }),
    putMany: (list) => push(Object.fromEntries(list.map((r) => [r.id, ['put', r]]))),
    cursor(x, y) {
      const cursor = { ...presence.cursor!, x, y }
      if (!presenceSent) {
        presenceSent = true
        send({
          type: 'push',
          clientClock: ++clientClock,
          presence: ['put', { ...presence, cursor }],
        })
      } else {
        send({
          type: 'push',
          clientClock: ++clientClock,
          presence: [
            'patch',
            { cursor: ['put', cursor], lastActivityTimestamp: ['put', Date.now()] },
          ],
        })
      }
    },
    close() {
      clearInterval(ping)
      ws.close()
    },
  }
}

// [1] A TLSyncClient needs a tldraw store and sends a patch of the changed fields; here
//     every edit is a `put` of the whole record, the same bytes a Yjs client sends for the
//     `records` map, so the servers are compared on the same payload. The server diffs it
//     against its copy and broadcasts only the changed fields.
