import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode, SyncMessageType } from '@wijktafel/shared'
import { loadBoardDoc } from '../../server/src/persistence/loadBoardDoc.js'
import { DATABASE_FILE, openSqliteBoardStore } from '@wijktafel/server'
import type { SqliteBoardStore } from '@wijktafel/server'
import { syncFrame } from '../helpers/frames.js'
import { geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket, tempDir } = testContext()

/**
 * A real SQLite store that records which boards' updates each transaction appended, and
 * whose commit can be made to fail (the appends ran, then the transaction throws: rolled
 * back, as when the fsync of the commit fails).
 */
function observedStore(dataDir: string) {
  const real = openSqliteBoardStore(join(dataDir, DATABASE_FILE))
  const transactions: string[][] = []
  let open: string[] | null = null
  const commit = { fails: false }
  const store: SqliteBoardStore = {
    ...real,
    appendUpdate(boardId, update) {
      open?.push(boardId)
      return real.appendUpdate(boardId, update)
    },
    transaction(write) {
      return real.transaction(() => {
        open = []
        try {
          const result = write()
          if (open.length > 0) transactions.push(open)
          if (commit.fails) throw new Error('SQLITE_IOERR_FSYNC: disk I/O error')
          return result
        } finally {
          open = null
        }
      })
    },
  }
  return { store, transactions, commit }
}

/** A board with a writer and a reader, both synced. */
async function boardWithTwo(server: TestServer, title: string) {
  const board = await createBoard(server, title)
  const writer = connectClient(server, board.id, board.tokens.editor)
  const reader = connectClient(server, board.id, board.tokens.editor)
  await Promise.all([waitForSynced(writer.provider), waitForSynced(reader.provider)])
  return { board, writer, reader }
}

const storageFailed = (client: TestClient) =>
  client.closes.some((close) => close.code === CloseCode.STORAGE_FAILED)

describe('group commit', () => {
  it('stores the updates of several boards that arrive in one tick in one transaction', async () => {
    const { store, transactions } = observedStore(tempDir())
    const server = await startServer({ persistence: { kind: 'store', store } })
    const rooms = await Promise.all(['A', 'B', 'C'].map((t) => boardWithTwo(server, t)))
    transactions.length = 0

    // Written in one synchronous run: the server reads all nine frames in one poll.
    for (const [r, { writer }] of rooms.entries()) {
      for (let i = 0; i < 3; i++) putRecords(writer.doc, geoShape(`${r}-${i}`))
    }
    await waitFor(() => rooms.every(({ reader }) => reader.doc.getMap('records').size === 3), {
      message: 'every reader receives the three shapes of its board',
    })
    const boards = rooms.map(({ board }) => board.id).sort()
    expect(transactions.map((boardIds) => [...boardIds].sort())).toEqual([
      boards.flatMap((id) => [id, id, id]),
    ])
  })

  it('sends nothing of a batch whose commit fails: every writer and reader in it gets 4503', async () => {
    const { store, commit } = observedStore(tempDir())
    const server = await startServer({ persistence: { kind: 'store', store } })
    const rooms = await Promise.all(['A', 'B'].map((t) => boardWithTwo(server, t)))

    commit.fails = true
    for (const [r, { writer }] of rooms.entries()) putRecords(writer.doc, geoShape(`lost-${r}`))
    await waitFor(() => rooms.every((room) => storageFailed(room.reader)), {
      message: 'both readers are disconnected with 4503',
    })
    await waitFor(() => rooms.every((room) => storageFailed(room.writer)), {
      message: 'both writers are disconnected with 4503',
    })
    for (const { reader } of rooms) expect(reader.doc.getMap('records').size).toBe(0)

    // The disk is back: the writers' sync step 2 resends the edits, stored this time.
    commit.fails = false
    await waitFor(() => rooms.every(({ reader }) => reader.doc.getMap('records').size === 1), {
      timeoutMs: 10_000,
      message: 'after reconnecting, each reader receives the edit, now stored',
    })
    for (const [r, { board }] of rooms.entries()) {
      const onDisk = loadBoardDoc(store.loadDoc(board.id))
      expect(Object.keys(onDisk.getMap('records').toJSON())).toEqual([`shape:lost-${r}`])
    }
  })

  it('answers a sync step 1 of the same tick only once the update in it is stored', async () => {
    const { store, commit } = observedStore(tempDir())
    const server = await startServer({ persistence: { kind: 'store', store } })
    const { board, writer } = await boardWithTwo(server, 'De Horst')
    const late = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`)
    await late.opened
    // The server greets with its own sync step 1 (and presence) first.
    await waitFor(() => late.messages.length > 0, { message: 'the raw socket is greeted' })
    const greeted = late.messages.length

    commit.fails = true
    putRecords(writer.doc, geoShape('unstored'))
    // Asks for everything, in the same tick as the unstored update.
    late.ws.send(syncFrame(SyncMessageType.STEP1, Y.encodeStateVector(new Y.Doc())))
    await waitFor(() => late.closed !== null, { message: 'the raw socket is closed' })
    expect(late.closed?.code).toBe(CloseCode.STORAGE_FAILED)
    // Neither the answer (it holds the update) nor the update itself went out.
    expect(late.messages.length).toBe(greeted)
  })
})
