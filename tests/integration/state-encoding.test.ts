import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DATABASE_FILE, openSqliteBoardStore } from '@wijktafel/server'
import { loadBoardDoc } from '../../server/src/persistence/loadBoardDoc.js'
import { interestCard, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

/** The board's compacted state row, read the way a maintenance tool would. */
function stateRow(dataDir: string, boardId: string) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    return db
      .prepare<[string], { state: Buffer; encoding?: string }>(
        'SELECT * FROM board_state WHERE board_id = ?',
      )
      .get(boardId)!
  } finally {
    db.close()
  }
}

/** What a viewer who opens the board sees. */
async function recordsSeen(server: TestServer, boardId: string, token: string) {
  const viewer = connectClient(server, boardId, token)
  await waitForSynced(viewer.provider)
  const records = viewer.doc.getMap('records').toJSON()
  viewer.provider.destroy()
  return records
}

/** Changes the stored board with the server stopped, as a log row the next load compacts. */
function appendToStoredBoard(dataDir: string, boardId: string, change: (doc: Y.Doc) => void) {
  const store = openSqliteBoardStore(join(dataDir, DATABASE_FILE))
  const doc = loadBoardDoc(store.loadDoc(boardId))
  const before = Y.encodeStateVector(doc)
  change(doc)
  store.appendUpdate(boardId, Y.encodeStateAsUpdate(doc, before))
  doc.destroy()
  store.close()
}

const cards = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ...interestCard(`c${i}`, { text: `Kom halen: buurtmoestuin ${i}` }),
    x: (i % 50) * 220,
    y: Math.floor(i / 50) * 140,
  }))

const shapes = (records: Record<string, unknown>) =>
  Object.keys(records).filter((id) => id.startsWith('shape:'))

describe('the compacted state is stored in Yjs V2', () => {
  it('a board stored before (V1 state, no encoding column) opens unchanged, and is V2 after its next compaction', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst')
    const editor = connectClient(first, board.id, board.tokens.editor)
    await waitForSynced(editor.provider)
    putRecords(editor.doc, ...cards(40))
    await waitFor(() => first.server.store.loadDoc(board.id).updates.length > 0, {
      message: 'the cards are stored',
    })
    const expected = editor.doc.getMap('records').toJSON()
    editor.provider.destroy()
    await first.server.close()

    // Turn the database into today's layout: a V1 state and no encoding column.
    const store = openSqliteBoardStore(join(first.dataDir, DATABASE_FILE))
    const v1 = Y.encodeStateAsUpdate(loadBoardDoc(store.loadDoc(board.id)))
    store.close()
    const db = new Database(join(first.dataDir, DATABASE_FILE))
    db.exec('ALTER TABLE board_state DROP COLUMN encoding')
    db.prepare('UPDATE board_state SET state = ? WHERE board_id = ?').run(v1, board.id)
    db.close()
    expect(stateRow(first.dataDir, board.id)).toEqual({
      board_id: board.id,
      state: Buffer.from(v1),
    })

    const second = await startServer({ dataDir: first.dataDir })
    expect(await recordsSeen(second, board.id, board.tokens.viewer)).toEqual(expected)
    expect(stateRow(second.dataDir, board.id).encoding).toBe('v1') // read as it was

    // One edit, then the shutdown compacts: the state is written as V2.
    const mover = connectClient(second, board.id, board.tokens.editor)
    await waitForSynced(mover.provider)
    putRecords(mover.doc, { ...cards(1)[0]!, x: 999 })
    await waitFor(() => second.server.store.loadDoc(board.id).updates.length > 0, {
      message: 'the move is stored',
    })
    const moved = mover.doc.getMap('records').toJSON()
    mover.provider.destroy()
    await second.server.close()
    const row = stateRow(second.dataDir, board.id)
    expect(row.encoding).toBe('v2')
    expect(row.state.length).toBeLessThan(v1.length)

    const third = await startServer({ dataDir: first.dataDir })
    expect(await recordsSeen(third, board.id, board.tokens.viewer)).toEqual(moved)
  })

  it('a board of 2,000 cards moved 60,000 times is stored at most twice its fresh size', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst', 'empty')
    await first.server.close()
    appendToStoredBoard(first.dataDir, board.id, (doc) => putRecords(doc, ...cards(2000)))
    // Opening the board compacts the log into the state: the fresh board as stored.
    const second = await startServer({ dataDir: first.dataDir })
    expect(shapes(await recordsSeen(second, board.id, board.tokens.viewer))).toHaveLength(2000)
    await second.server.close()
    const fresh = stateRow(first.dataDir, board.id).state.length

    // Each move its own transaction, as a drag's flushes are [1].
    let seed = 42
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32
    appendToStoredBoard(first.dataDir, board.id, (doc) => {
      const records = doc.getMap<Record<string, unknown>>('records')
      for (let i = 0; i < 60_000; i++) {
        const id = `shape:c${Math.floor(random() * 2000)}`
        records.set(id, { ...records.get(id), x: Math.round(random() * 5000) })
      }
    })
    const third = await startServer({ dataDir: first.dataDir })
    const seen = await recordsSeen(third, board.id, board.tokens.viewer)
    expect(shapes(seen)).toHaveLength(2000)
    await third.server.close()
    const moved = stateRow(first.dataDir, board.id).state.length
    expect(moved / fresh).toBeLessThanOrEqual(2)
  })
})

// [1] Every move leaves its overwritten value behind as a deleted item whose id and origin
//     the compacted state keeps (gc drops only the content): in V1 about 10 bytes a move,
//     so 60,000 moves take this board past twice its fresh size (2.19x as V1, what the store
//     wrote before); V2 packs those ids column-wise (1.29x).
