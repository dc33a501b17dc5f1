import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { CloseCode, MessageType, SyncMessageType } from '@wijktafel/shared'
import { awarenessFrame, syncFrame } from '../helpers/frames.js'
import { readMetrics } from '../helpers/metrics.js'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

/** A presence update for `clientId` at `clock`, as a y-websocket client sends it. */
function presence(clientId: number, clock: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify({ cursor: { x: clock, y: 0 } }))
  return awarenessFrame(encoding.toUint8Array(encoder))
}

async function flood(server: TestServer, url: string, frames: Uint8Array[]) {
  const socket = openRawSocket(url)
  await socket.opened
  for (const frame of frames) socket.ws.send(frame)
  await waitFor(() => socket.closed !== null, { message: 'the flooding socket is closed' })
  return socket.closed!
}

describe('per-connection rate limits', () => {
  it('a flood of messages, presence updates or sync requests closes only that connection with 4429', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const url = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`
    const a = connectClient(server, board.id, board.tokens.editor)
    const b = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])

    const query = new Uint8Array([MessageType.QUERY_AWARENESS])
    expect(await flood(server, url, Array(1000).fill(query))).toEqual({
      code: CloseCode.RATE_LIMITED,
      reason: 'too many messages',
    })
    const cursors = Array.from({ length: 200 }, (_, clock) => presence(424242, clock + 1))
    expect(await flood(server, url, cursors)).toEqual({
      code: CloseCode.RATE_LIMITED,
      reason: 'too many presence updates',
    })
    const step1 = syncFrame(SyncMessageType.STEP1, Y.encodeStateVector(new Y.Doc()))
    expect(await flood(server, url, Array(10).fill(step1))).toEqual({
      code: CloseCode.RATE_LIMITED,
      reason: 'too many sync requests',
    })

    // The presence the flood got through before the limit is gone with its connection.
    await waitFor(() => !b.provider.awareness.getStates().has(424242), {
      message: 'the flooder’s cursor disappears',
    })
    putRecords(a.doc, geoShape('after', 'nog steeds'))
    await waitFor(() => b.doc.getMap('records').has('shape:after'), { message: 'B hears A' })
    expect([...a.closes, ...b.closes]).toEqual([])
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_messages_total{reason="rate_doc"}')).toBe(2)
    expect(metrics.get('wijktafel_refused_messages_total{reason="rate_awareness"}')).toBe(1)
  })

  it('honest clients dragging at 120 updates and moving cursors 20 times a second never hit the defaults', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const clients = Array.from({ length: 4 }, () =>
      connectClient(server, board.id, board.tokens.editor),
    )
    await Promise.all(clients.map((c) => waitForSynced(c.provider)))
    putRecords(clients[0]!.doc, ...boardBasics())
    // Everyone at once for 3 s: each echoes the others' cursors back, as y-websocket does.
    const started = Date.now()
    let frame = 0
    const drag = setInterval(() => {
      frame++
      for (const [i, c] of clients.entries()) {
        putRecords(c.doc, geoShape(`card${i}`, '', { x: frame }))
        if (frame % 6 === 0) c.provider.awareness.setLocalStateField('cursor', { x: frame, y: i })
      }
    }, 1000 / 120)
    try {
      await waitFor(() => Date.now() - started > 3_000, { message: '3 s have passed' })
    } finally {
      clearInterval(drag)
    }
    await waitFor(
      () =>
        clients.every(
          (c) => (c.doc.getMap('records').get('shape:card0') as { x: number })?.x === frame,
        ),
      { message: 'everyone has the last move' },
    )
    expect(clients.flatMap((c) => c.closes)).toEqual([])
    const metrics = await readMetrics(server.url)
    expect([...metrics.keys()].filter((key) => key.includes('reason="rate_'))).toEqual([])
  })
})
