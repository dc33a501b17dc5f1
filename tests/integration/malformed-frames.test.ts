import { describe, expect, it } from 'vitest'
import { CloseCode, MessageType, SyncMessageType } from '@wijktafel/shared'
import {
  BAD_VARINT,
  awarenessFrame,
  seededBytes,
  syncFrame,
  updateFrame,
  validUpdate,
} from '../helpers/frames.js'
import { geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { RawSocket, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()
const MAX_MESSAGE_BYTES = 4096

const update = validUpdate('shape:x', geoShape('x', 'hallo wereld'))
const garbage = new Uint8Array([...BAD_VARINT, 0x01])
const cases: [string, Uint8Array | string, number][] = [
  ['a text frame', 'hello', CloseCode.BAD_MESSAGE],
  ['an empty frame', new Uint8Array(), CloseCode.BAD_MESSAGE],
  ['a bad varint', BAD_VARINT, CloseCode.BAD_MESSAGE],
  ['an unknown message type', new Uint8Array([7, 0]), CloseCode.BAD_MESSAGE],
  [
    'an auth message from a client',
    new Uint8Array([MessageType.AUTH, 0, 0]),
    CloseCode.BAD_MESSAGE,
  ],
  ['an unknown sync type', syncFrame(9, new Uint8Array([0, 0])), CloseCode.BAD_MESSAGE],
  ['a truncated update message', updateFrame(update).slice(0, 20), CloseCode.BAD_MESSAGE],
  [
    'a valid message plus trailing bytes',
    new Uint8Array([...updateFrame(update), 0, 1]),
    CloseCode.BAD_MESSAGE,
  ],
  ['a garbage state vector', syncFrame(SyncMessageType.STEP1, BAD_VARINT), CloseCode.BAD_MESSAGE],
  [
    'awareness that is not JSON',
    awarenessFrame(new Uint8Array([1, 5, 1, 3, 0x7b, 0x7b, 0x7b])),
    CloseCode.BAD_MESSAGE,
  ],
  [
    'a valid-prefix-plus-garbage update',
    updateFrame(new Uint8Array([...update.slice(0, 20), ...garbage])),
    CloseCode.UPDATE_REJECTED,
  ],
  ['an oversized frame', new Uint8Array(MAX_MESSAGE_BYTES + 1), CloseCode.MESSAGE_TOO_BIG],
]

async function attacker(server: TestServer, boardId: string, token: string): Promise<RawSocket> {
  const socket = openRawSocket(`${server.wsUrl}/sync/${boardId}?token=${token}`)
  await socket.opened
  return socket
}

async function closedWith(socket: RawSocket, what: string): Promise<number> {
  await waitFor(() => socket.closed !== null, {
    message: `the server closes the socket after ${what}`,
  })
  return socket.closed!.code
}

describe('malformed frames', () => {
  it('random and malformed frames close only the offending connection', async () => {
    const server = await startServer({ maxMessageBytes: MAX_MESSAGE_BYTES })
    const board = await createBoard(server, 'De Horst')
    const other = await createBoard(server, 'Spijkerkwartier')
    const a = connectClient(server, board.id, board.tokens.editor)
    const b = connectClient(server, board.id, board.tokens.editor)
    const c = connectClient(server, other.id, other.tokens.editor)
    await Promise.all([a, b, c].map((client) => waitForSynced(client.provider)))
    const sockets = [a, b, c].map((client) => client.provider.ws)

    for (const [what, frame, code] of cases) {
      const socket = await attacker(server, board.id, board.tokens.editor)
      socket.ws.send(frame, { binary: typeof frame !== 'string' })
      expect(await closedWith(socket, what), what).toBe(code)
    }
    // Fuzz: whatever random bytes do, they may only cost their own connection.
    const random = seededBytes(20260312)
    for (let i = 0; i < 40; i++) {
      const socket = await attacker(server, board.id, board.tokens.editor)
      socket.ws.send(random(1 + (i % 30)))
      socket.ws.send(random(64))
      const code = await closedWith(socket, `random frame ${i}`)
      expect([CloseCode.BAD_MESSAGE, CloseCode.UPDATE_REJECTED]).toContain(code)
    }

    putRecords(a.doc, geoShape('after', 'nog steeds'))
    putRecords(b.doc, geoShape('also', 'ook'))
    putRecords(c.doc, geoShape('elsewhere', 'ander bord'))
    await waitFor(() => b.doc.getMap('records').has('shape:after'), { message: 'B hears A' })
    await waitFor(() => a.doc.getMap('records').has('shape:also'), { message: 'A hears B' })
    await waitFor(() => server.server.store.loadDoc(other.id).updates.length > 0, {
      message: 'the other room stores C’s edit',
    })
    expect([a, b, c].map((client) => client.provider.ws)).toEqual(sockets)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const late = connectClient(server, other.id, other.tokens.viewer)
    await waitForSynced(late.provider)
    expect(late.doc.getMap('records').get('shape:elsewhere')).toEqual(
      geoShape('elsewhere', 'ander bord'),
    )
  })

  it('a partly applicable update is refused whole: nothing of it is stored or sent on', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const a = connectClient(server, board.id, board.tokens.editor)
    const b = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])
    // Valid structs, then a delete set that fails after Yjs has integrated them [1].
    const partial = new Uint8Array([...update.slice(0, -1), 0x05, ...BAD_VARINT])
    const socket = await attacker(server, board.id, board.tokens.editor)
    socket.ws.send(updateFrame(partial))
    expect(await closedWith(socket, 'a partly valid update')).toBe(CloseCode.UPDATE_REJECTED)
    expect(socket.closed?.reason).toBe('update could not be applied')

    // The server sends to A in order, so B's later edit arriving means the partial one never will.
    putRecords(b.doc, geoShape('later', 'daarna'))
    await waitFor(() => a.doc.getMap('records').has('shape:later'), { message: 'A hears B' })
    expect(a.doc.getMap('records').has('shape:x')).toBe(false)
    const stored = server.server.store.loadDoc(board.id)
    expect(stored.updates).toHaveLength(1)
  })
})

// [1] ENGINEERING.md: Y.applyUpdate can integrate structs and emit them as a normal update
//     before it throws. The server applies an update to a shadow copy of the doc first, so
//     that partial change dies with the shadow.
