import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '@wijktafel/shared'
import { updateFrame } from '../helpers/frames.js'
import { readMetrics } from '../helpers/metrics.js'
import { boardBasics, geoShape, interestCard, putRecords } from '../helpers/records.js'
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

/** Sends `change` (made to a copy of `doc`) from a fresh editor socket; resolves with its close. */
async function attack(
  server: TestServer,
  url: string,
  doc: Y.Doc,
  change: (fork: Y.Doc) => void,
): Promise<{ code: number; reason: string }> {
  const fork = new Y.Doc()
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(doc))
  const updates: Uint8Array[] = []
  fork.on('update', (u: Uint8Array) => updates.push(u))
  change(fork)
  const socket = openRawSocket(url)
  await socket.opened
  for (const update of updates) socket.ws.send(updateFrame(update))
  await waitFor(() => socket.closed !== null, { message: 'the attacker is disconnected' })
  return socket.closed!
}

describe('a malicious editor', () => {
  it('invalid records, deleting the page and huge strings are refused and change nothing for others', async () => {
    // Fields without a length limit (meta, a geo shape's label) are bounded by the board size.
    const maxBoardBytes = 512 * 1024
    const server = await startServer({ maxBoardBytes })
    const { board, a, b } = await boardUnderAttack(server)
    const url = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`
    const before = b.doc.getMap('records').toJSON()
    const storedBefore = server.server.store.loadDoc(board.id).updates.length
    const put =
      (...records: TestRecord[]) =>
      (fork: Y.Doc) =>
        putRecords(fork, ...records)

    const huge = 'a'.repeat(900_000)
    const invalid = CloseCode.UPDATE_REJECTED
    const attacks: [string, (fork: Y.Doc) => void, number, RegExp][] = [
      [
        'an invalid card',
        put(interestCard('x', { category: 'bogus' })),
        invalid,
        /^invalid record shape:x/,
      ],
      [
        'a 900 KB card text',
        put(interestCard('x', { text: huge })),
        invalid,
        /^invalid record shape:x/,
      ],
      ['a 900 KB key', (f) => f.getMap('records').set(huge, 1), invalid, /^invalid record a+…/],
      [
        'deleting the page',
        (f) => f.getMap('records').delete('page:page'),
        invalid,
        /^cannot delete the last page/,
      ],
      [
        'an invalid card next to a valid one',
        put(geoShape('fine'), interestCard('y', { category: 'bogus' })),
        invalid,
        /^invalid record shape:y/,
      ],
      [
        'a 900 KB text in a valid card’s meta',
        put({ ...interestCard('speeltuin'), meta: { huge } }),
        CloseCode.TOO_LARGE,
        /^board too large/,
      ],
      [
        'a 900 KB label on a rectangle',
        put(geoShape('big', huge)),
        CloseCode.TOO_LARGE,
        /^board too large/,
      ],
    ]
    for (const [what, change, code, reason] of attacks) {
      const closed = await attack(server, url, b.doc, change)
      expect(closed.code, what).toBe(code)
      expect(closed.reason, what).toMatch(reason)
    }

    // The honest editors are still connected and still working together.
    putRecords(a.doc, geoShape('after', 'nog steeds'))
    await waitFor(() => b.doc.getMap('records').has('shape:after'), { message: 'B hears A' })
    expect(a.closes).toEqual([])
    expect(b.closes).toEqual([])
    expect(b.doc.getMap('records').toJSON()).toEqual({
      ...before,
      'shape:after': geoShape('after', 'nog steeds'),
    })
    expect(server.server.store.loadDoc(board.id).updates).toHaveLength(storedBefore + 1)
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_messages_total{reason="invalid_record"}')).toBe(5)
    expect(metrics.get('wijktafel_refused_messages_total{reason="board_too_large"}')).toBe(2)
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
