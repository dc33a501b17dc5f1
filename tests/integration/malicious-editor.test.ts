import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '@wijktafel/shared'
import { deniedReason, updateFrame } from '../helpers/frames.js'
import { readMetrics } from '../helpers/metrics.js'
import { boardBasics, geoShape, interestCard, keysAdded, putRecords } from '../helpers/records.js'
import type { TestRecord } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

/** A board with two honest editors and its state before the attack. */
async function boardUnderAttack(server: TestServer) {
  const board = await createBoard(server, 'De Horst')
  const a = connectClient(server, board.id, board.tokens.editor)
  const b = connectClient(server, board.id, board.tokens.editor)
  await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])
  putRecords(a.doc, ...boardBasics(), interestCard('speeltuin', { text: 'Een speeltuin' }))
  await waitFor(() => b.doc.getMap('records').size === 3, { message: 'B has the board' })
  return { board, a, b }
}

/** What an attack got: its connection closed (code and reason), or a refusal message. */
type Outcome = { closed: number; reason: string } | { told: string }

/**
 * Sends `change` (made to a copy of `doc`) from a fresh editor socket; resolves with the
 * close of that socket or the permission-denied message it was sent, whichever comes.
 */
async function attack(url: string, doc: Y.Doc, change: (fork: Y.Doc) => void): Promise<Outcome> {
  const fork = new Y.Doc()
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(doc))
  const updates: Uint8Array[] = []
  fork.on('update', (u: Uint8Array) => updates.push(u))
  change(fork)
  const socket = openRawSocket(url)
  await socket.opened
  for (const update of updates) socket.ws.send(updateFrame(update))
  const told = () => socket.messages.map(deniedReason).find((reason) => reason !== null)
  await waitFor(() => socket.closed !== null || told() !== undefined, {
    message: 'the attacker is disconnected or told',
  })
  const outcome = socket.closed
    ? { closed: socket.closed.code, reason: socket.closed.reason }
    : { told: told()! }
  socket.ws.terminate()
  return outcome
}

describe('a malicious editor', () => {
  it('invalid records and deleting the page are put back; other writes and huge strings close; others see none of it', async () => {
    // Fields without a length limit (meta, a geo shape's label) are bounded by the board size.
    const maxBoardBytes = 512 * 1024
    const server = await startServer({ maxBoardBytes })
    const { board, a, b } = await boardUnderAttack(server)
    const url = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`
    const before = b.doc.getMap('records').toJSON()
    const seen = [a, b].map((client) => keysAdded(client.doc))
    const put =
      (...records: TestRecord[]) =>
      (fork: Y.Doc) =>
        putRecords(fork, ...records)

    const huge = 'a'.repeat(900_000)
    const told = (reason: RegExp) => ({ told: reason })
    const closed = (code: number, reason: RegExp) => ({ closed: code, reason })
    const attacks: [
      string,
      (fork: Y.Doc) => void,
      { told: RegExp } | { closed: number; reason: RegExp },
    ][] = [
      [
        'an invalid card',
        put(interestCard('x', { category: 'bogus' })),
        told(/^refused:invalid record shape:x: .*category/),
      ],
      [
        'a 900 KB card text',
        put(interestCard('x', { text: huge })),
        told(/^refused:invalid record shape:x: too big: over 262144 bytes$/),
      ],
      [
        'deleting the page',
        (f) => f.getMap('records').delete('page:page'),
        told(/^refused:cannot delete the last page page:page$/),
      ],
      [
        'an invalid card next to a valid one',
        put(geoShape('fine'), interestCard('y', { category: 'bogus' })),
        told(/^refused:invalid record shape:y: /),
      ],
      [
        'a write outside records, meta and meeting',
        (f) => f.getText('notes').insert(0, 'los'),
        closed(
          CloseCode.UPDATE_REJECTED,
          /^only records, meta, meeting and impact may be written, not notes$/,
        ),
      ],
      [
        'list content inside the records map',
        (f) => f.getArray('records').insert(0, ['los']),
        closed(CloseCode.UPDATE_REJECTED, /^records is not a list$/),
      ],
      // The name of a new key stays in the board even when its value is put back [1].
      [
        'a 900 KB key',
        (f) => f.getMap('records').set(huge, 1),
        closed(CloseCode.TOO_LARGE, /^board too large/),
      ],
      // One record is put back past the per-record limits, before its size reaches the board.
      [
        'a 900 KB text in a valid card’s meta',
        put({ ...interestCard('speeltuin'), meta: { huge } }),
        told(/^refused:invalid record shape:speeltuin: too big: over 262144 bytes$/),
      ],
      [
        'a 900 KB label on a rectangle',
        put(geoShape('big', huge)),
        told(/^refused:invalid record shape:big: too big: over 262144 bytes$/),
      ],
      [
        'sixty labels of 10,000 characters, each within the limits',
        put(...Array.from({ length: 60 }, (_, i) => geoShape(`big${i}`, huge.slice(0, 10_000)))),
        closed(CloseCode.TOO_LARGE, /^board too large/),
      ],
    ]
    for (const [what, change, expected] of attacks) {
      const outcome = await attack(url, b.doc, change)
      if ('told' in expected) {
        expect(outcome, what).toEqual({ told: expect.stringMatching(expected.told) })
      } else {
        expect(outcome, what).toEqual({
          closed: expected.closed,
          reason: expect.stringMatching(expected.reason),
        })
      }
    }

    // The honest editors are still connected and still working together.
    putRecords(a.doc, geoShape('after', 'nog steeds'))
    await waitFor(() => b.doc.getMap('records').has('shape:after'), { message: 'B hears A' })
    expect(a.closes).toEqual([])
    expect(b.closes).toEqual([])
    // The valid card sent next to an invalid one is the only trace of the attacks.
    expect(b.doc.getMap('records').toJSON()).toEqual({
      ...before,
      'shape:fine': geoShape('fine'),
      'shape:after': geoShape('after', 'nog steeds'),
    })
    expect(a.doc.getMap('records').toJSON()).toEqual(b.doc.getMap('records').toJSON())
    for (const keys of seen) expect([...keys].sort()).toEqual(['shape:after', 'shape:fine'])
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_messages_total{reason="corrected_record"}')).toBe(6)
    expect(metrics.get('wijktafel_refused_messages_total{reason="board_too_large"}')).toBe(2)
    expect(metrics.get('wijktafel_refused_messages_total{reason="invalid_structure"}')).toBe(2)
  })

  it('a board cannot be grown past maxBoardBytes, while shrinking it still works', async () => {
    const maxBoardBytes = 64 * 1024
    const server = await startServer({ maxBoardBytes })
    const { board, a, b } = await boardUnderAttack(server)
    // Valid cards with long texts, 10 at a time: a few fit, then the board is full.
    const text = 'Een buurtmoestuin op het braakliggende terrein. '.repeat(20).slice(0, 950)
    const closes = a.closes
    let batch = 0
    while (closes.length === 0 && batch < 20) {
      const cards = Array.from({ length: 10 }, (_, i) => interestCard(`c${batch}-${i}`, { text }))
      putRecords(a.doc, ...cards)
      const key = `shape:c${batch}-9`
      await waitFor(() => b.doc.getMap('records').has(key) || closes.length > 0, {
        message: `batch ${batch} arrives or is refused`,
      })
      batch++
    }
    expect(closes).toEqual([
      { code: CloseCode.TOO_LARGE, reason: `board too large (limit ${maxBoardBytes} bytes)` },
    ])
    expect(batch).toBeGreaterThan(2)
    const size = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).length
    expect(size(b.doc)).toBeLessThanOrEqual(maxBoardBytes)
    expect(b.closes).toEqual([])
    expect(server.logs).toContain(
      `refused an update on board ${board.id}: board too large (limit ${maxBoardBytes} bytes)`,
    )

    // The other editor deletes cards, after which a small edit fits again.
    const cards = [...b.doc.getMap('records').keys()].filter((key) => key.startsWith('shape:c'))
    b.doc.transact(() => {
      for (const key of cards.slice(0, 10)) b.doc.getMap('records').delete(key)
    })
    putRecords(b.doc, interestCard('klein', { text: 'Klein' }))
    const reader = connectClient(server, board.id, board.tokens.viewer)
    await waitFor(() => reader.doc.getMap('records').has('shape:klein'), {
      message: 'after deleting, a small card is accepted',
    })
    expect(b.closes).toEqual([])
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_messages_total{reason="board_too_large"}')).toBe(1)
  })
})

// [1] Yjs keeps a deleted map entry's key in the item that held it; only the value is
//     dropped. A 900 KB key would stay in the board for good, so the board size rule, which
//     judges the board after the correction, refuses the whole update.
