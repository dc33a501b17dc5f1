import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CloseCode } from '@wijktafel/shared'
import { DATABASE_FILE, openSqliteBoardStore } from '@wijktafel/server'
import type { BoardStore } from '@wijktafel/server'
import { loadBoardDoc } from '../../server/src/persistence/loadBoardDoc.js'
import { geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, tempDir } = testContext()

/** A real SQLite store whose disk can be made to fail appends, as when it is full. */
function storeWithFailingDisk(dataDir: string) {
  const real = openSqliteBoardStore(join(dataDir, DATABASE_FILE))
  const disk = { full: false }
  const store: BoardStore = {
    ...real,
    appendUpdate(boardId, update) {
      if (disk.full) throw new Error('SQLITE_FULL: database or disk is full')
      return real.appendUpdate(boardId, update)
    },
  }
  return { store, disk }
}

describe('storage failure', () => {
  it('closes the room with 4503 and never serves an unstored update as accepted', async () => {
    const { store, disk } = storeWithFailingDisk(tempDir())
    const server = await startServer({ persistence: { kind: 'store', store } })
    const board = await createBoard(server, 'De Horst')
    const a = connectClient(server, board.id, board.tokens.editor)
    const b = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])
    putRecords(a.doc, geoShape('stored'))
    await waitFor(() => b.doc.getMap('records').has('shape:stored'), { message: 'B hears A' })

    const closes: number[] = []
    b.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    disk.full = true
    putRecords(a.doc, geoShape('unstored'))
    await waitFor(() => closes.includes(CloseCode.STORAGE_FAILED), {
      message: 'B is disconnected with 4503',
    })
    // B never received the update that could not be stored.
    expect(b.doc.getMap('records').has('shape:unstored')).toBe(false)
    expect(server.server.roomCount()).toBe(0)
    expect(server.logs.some((line) => line.includes('storage failed'))).toBe(true)

    // Disk back: the clients reconnect on their own, and A's sync step 2 resends the edit.
    disk.full = false
    await waitFor(() => b.doc.getMap('records').has('shape:unstored'), {
      timeoutMs: 10_000,
      message: 'after reconnecting, B receives the edit, now stored',
    })
    const onDisk = loadBoardDoc(store.loadDoc(board.id))
    expect(onDisk.getMap('records').toJSON()).toEqual({
      'shape:stored': geoShape('stored'),
      'shape:unstored': geoShape('unstored'),
    })
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })
})
