import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { RoomMetrics } from '../metrics/Metrics.js'
import { AwarenessRelay } from './AwarenessRelay.js'
import { Connection } from './Connection.js'

const limits = {
  docMessagesPerSecond: 1,
  docMessageBurst: 1,
  awarenessPerSecond: 1,
  awarenessBurst: 1,
}
const metrics: RoomMetrics = {
  received() {},
  sent() {},
  refusedMessage() {},
  persisted() {},
  compacted() {},
  storageWrite() {},
}

/** A connection whose socket records what it is sent. */
function connection(sent: Uint8Array[]): Connection {
  const socket = { OPEN: 1, readyState: 1, send: (m: Uint8Array) => sent.push(m) }
  return new Connection(socket as unknown as WebSocket, 'editor', limits, metrics, 0, 1)
}

/** A client's awareness update that moves its cursor to `x`. */
function cursorUpdate(client: awarenessProtocol.Awareness, x: number): Uint8Array {
  client.setLocalStateField('cursor', { x })
  return awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID])
}

describe('AwarenessRelay', () => {
  it('sends the changes of one flush interval as one message, the same bytes to everyone', async () => {
    const outboxes: Uint8Array[][] = Array.from({ length: 40 }, () => [])
    const conns = outboxes.map(connection)
    const relay = new AwarenessRelay(new Y.Doc(), () => conns, 20)
    const clients = conns.map(() => new awarenessProtocol.Awareness(new Y.Doc()))

    // Everyone moves at once, three times: 120 changes.
    for (let round = 0; round < 3; round++) {
      clients.forEach((client, i) => relay.apply(conns[i]!, cursorUpdate(client, round)))
    }
    await new Promise((resolve) => setTimeout(resolve, 60))
    relay.destroy()

    const first = outboxes[0]!
    expect(first.length).toBeLessThanOrEqual(2)
    // One encode per flush: every connection holds the very same buffers.
    for (const outbox of outboxes) {
      expect(outbox).toHaveLength(first.length)
      outbox.forEach((message, i) => expect(message).toBe(first[i]))
    }
    const observer = new awarenessProtocol.Awareness(new Y.Doc())
    for (const message of first) {
      const decoder = decoding.createDecoder(message)
      expect(decoding.readVarUint(decoder)).toBe(1) // awareness
      awarenessProtocol.applyAwarenessUpdate(observer, decoding.readVarUint8Array(decoder), null)
    }
    expect(observer.getStates().size).toBe(41) // 40 clients and the observer itself
    for (const client of clients) {
      expect(observer.getStates().get(client.clientID)).toEqual({ cursor: { x: 2 } })
    }
  })

  it('tells a change from an echo of a state it already has', () => {
    const conn = connection([])
    const relay = new AwarenessRelay(new Y.Doc(), () => [conn], 0)
    const client = new awarenessProtocol.Awareness(new Y.Doc())
    const update = cursorUpdate(client, 1)
    const entry = { clientId: client.clientID, clock: client.meta.get(client.clientID)!.clock }
    expect(relay.changes([{ ...entry, removed: false }])).toBe(true)
    relay.apply(conn, update)
    expect(relay.changes([{ ...entry, removed: false }])).toBe(false)
    expect(relay.changes([{ ...entry, removed: true }])).toBe(true)
    expect(relay.changes([{ ...entry, clock: entry.clock + 1, removed: false }])).toBe(true)
    expect(conn.clientIds).toEqual(new Set([client.clientID]))
    relay.destroy()
  })
})
