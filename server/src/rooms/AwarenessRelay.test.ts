import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { RoomMetrics } from '../metrics/Metrics.js'
import { AwarenessRelay, MAX_CLIENT_IDS_PER_CONNECTION } from './AwarenessRelay.js'
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

  it('lets only the connection that announced a client id change or remove it, until it closes', () => {
    const { refused, relay, conns } = twoEditors()
    const [owner, other] = conns
    const bram = new awarenessProtocol.Awareness(new Y.Doc())
    const mallory = new awarenessProtocol.Awareness(new Y.Doc())
    relay.apply(owner, cursorUpdate(bram, 1))

    // One message: Mallory's own state, a newer state for Bram's id, then his removal.
    const forged = new awarenessProtocol.Awareness(new Y.Doc())
    forged.clientID = bram.clientID
    forged.setLocalState({ cursor: { x: 666 } })
    forged.meta.set(bram.clientID, { clock: 10, lastUpdated: 0 })
    relay.apply(other, join(cursorUpdate(mallory, 5), forgedEntry(forged)))
    relay.apply(other, removal(bram.clientID, 11))
    expect(relay.awareness.getStates().get(bram.clientID)).toEqual({ cursor: { x: 1 } })
    expect(relay.awareness.getStates().get(mallory.clientID)).toEqual({ cursor: { x: 5 } })
    expect(refused).toEqual(['awareness_not_owned', 'awareness_not_owned'])
    // An echo of Bram's state as it is changes nothing and is not counted.
    relay.apply(other, awarenessProtocol.encodeAwarenessUpdate(relay.awareness, [bram.clientID]))
    expect(refused).toHaveLength(2)
    expect([...other.clientIds]).toEqual([mallory.clientID])

    relay.apply(owner, cursorUpdate(bram, 2))
    expect(relay.awareness.getStates().get(bram.clientID)).toEqual({ cursor: { x: 2 } })
    // Bram's connection closes: his state goes, and his id is free again.
    relay.remove(owner)
    expect(relay.awareness.getStates().has(bram.clientID)).toBe(false)
    relay.apply(other, cursorUpdate(bram, 3))
    expect(relay.awareness.getStates().get(bram.clientID)).toEqual({ cursor: { x: 3 } })
    relay.destroy()
  })

  it('lets one connection own only a few client ids: 1,000 new ids in one message leave at most the cap', () => {
    const { refused, relay, conns } = twoEditors()
    const [mallory, bram] = conns

    relay.apply(mallory, manyStates(1, 1000))
    expect(mallory.clientIds.size).toBeLessThanOrEqual(MAX_CLIENT_IDS_PER_CONNECTION)
    expect(relay.awareness.getStates().size).toBeLessThanOrEqual(MAX_CLIENT_IDS_PER_CONNECTION)
    expect(refused).toEqual(['awareness_too_many_ids'])
    // The same ids again at a newer clock: the owned ones move, the rest still claim nothing.
    const owned = [...mallory.clientIds]
    relay.apply(mallory, manyStates(1, 1000, 2))
    expect([...mallory.clientIds]).toEqual(owned)
    expect(relay.awareness.getStates().size).toBe(owned.length)
    const moved = owned.map((id) => relay.awareness.getStates().get(id))
    expect(moved).toEqual(owned.map(() => ({ n: 2 })))

    // Another person's connection is not affected by Mallory's cap.
    const ayse = new awarenessProtocol.Awareness(new Y.Doc())
    relay.apply(bram, cursorUpdate(ayse, 7))
    expect(relay.awareness.getStates().get(ayse.clientID)).toEqual({ cursor: { x: 7 } })
    relay.destroy()
  })
})

/** One update with `count` states `{n: clock}` for the ids from `firstId`, at `clock`. */
function manyStates(firstId: number, count: number, clock = 1): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, count)
  for (let id = firstId; id < firstId + count; id++) {
    encoding.writeVarUint(encoder, id)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify({ n: clock }))
  }
  return encoding.toUint8Array(encoder)
}

/** Two editors' connections in one relay, and the reasons of the messages they had refused. */
function twoEditors() {
  const refused: string[] = []
  const counting = { ...metrics, refusedMessage: (reason: string) => refused.push(reason) }
  const conns = [0, 1].map(
    () => new Connection(openSocket(), 'editor', limits, counting, 0, 1),
  ) as [Connection, Connection]
  const relay = new AwarenessRelay(new Y.Doc(), () => conns, 0)
  return { refused, relay, conns }
}

function openSocket(): WebSocket {
  return { OPEN: 1, readyState: 1, send: () => {} } as unknown as WebSocket
}

/** The entry of `awareness` for its own id, as another client would forge it. */
function forgedEntry(awareness: awarenessProtocol.Awareness): Uint8Array {
  return awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
}

/** An update removing `clientId` at `clock`. */
function removal(clientId: number, clock: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, 'null')
  return encoding.toUint8Array(encoder)
}

/** One update holding the entries of both (each with one entry). */
function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  const rest = (update: Uint8Array) => update.subarray(1) // after the count 1
  return Uint8Array.from([2, ...rest(a), ...rest(b)])
}
