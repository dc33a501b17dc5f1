import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { CloseCode } from '@wijktafel/shared'
import { DATABASE_FILE, openSqliteBoardStore } from '@wijktafel/server'
import type { BoardStore } from '@wijktafel/server'
import { boardBasics, geoShape, labelOf, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, tempDir } = testContext()

describe('persistence', () => {
  it('data survives a server restart', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst')
    const a = connectClient(first, board.id, board.tokens.editor)
    await waitForSynced(a.provider)
    putRecords(a.doc, ...boardBasics())
    putRecords(a.doc, geoShape('dream', 'Een groene wijk'))
    await waitFor(() => first.server.store.loadDoc(board.id).updates.length >= 2, {
      message: 'both edits are stored',
    })
    a.provider.destroy()
    await first.server.close()

    const second = await startServer({ dataDir: first.dataDir })
    const b = connectClient(second, board.id, board.tokens.viewer)
    await waitForSynced(b.provider)
    expect(labelOf(b.doc.getMap('records').get('shape:dream'))).toBe('Een groene wijk')
    expect(b.doc.getMap('records').get('page:page')).toEqual(boardBasics()[1])
    const info = await fetch(`${second.url}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(info.status).toBe(200)
  })

  it('compacts the log past the threshold, says 1001 on shutdown and restores every edit', async () => {
    const first = await startServer({ compactAfterUpdates: 7 })
    const board = await createBoard(first, 'De Horst')
    const a = connectClient(first, board.id, board.tokens.editor)
    const b = connectClient(first, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])
    for (let i = 0; i < 60; i++) putRecords(a.doc, geoShape(`${i % 13}`, '', { x: i }))
    await waitFor(() => (b.doc.getMap('records').get('shape:7') as { x: number }).x === 59, {
      message: 'B received the last edit',
    })
    const stored = first.server.store.loadDoc(board.id)
    expect(stored.state).not.toBeNull()
    expect(stored.updates.length).toBeLessThan(7)
    const expected = a.doc.getMap('records').toJSON()
    const closes: number[] = []
    b.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
    a.provider.destroy()
    await first.server.close()
    expect(closes).toContain(CloseCode.GOING_AWAY)

    const second = await startServer({ dataDir: first.dataDir })
    // Shutdown compacted what was left in the log.
    expect(second.server.store.loadDoc(board.id).updates).toHaveLength(0)
    const c = connectClient(second, board.id, board.tokens.viewer)
    await waitForSynced(c.provider)
    expect(c.doc.getMap('records').toJSON()).toEqual(expected)
  })

  it('evicts an idle room after compacting it, and reloads it for the next visitor', async () => {
    const server = await startServer({ roomIdleMs: 20 })
    const board = await createBoard(server, 'De Horst')
    const a = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(a.provider)
    putRecords(a.doc, geoShape('dream', 'Een groene wijk'))
    await waitFor(() => server.server.store.loadDoc(board.id).updates.length === 1, {
      message: 'the edit is stored',
    })
    a.provider.destroy()
    await waitFor(() => server.server.roomCount() === 0, { message: 'the idle room is evicted' })
    expect(server.server.store.loadDoc(board.id).updates).toHaveLength(0)

    const b = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(b.provider)
    expect(labelOf(b.doc.getMap('records').get('shape:dream'))).toBe('Een groene wijk')
  })

  it('the log alone restores a board when the server stopped without compacting', async () => {
    const dataDir = tempDir()
    // A store whose compaction and close never happen, as after a kill: only appends land.
    const real = openSqliteBoardStore(join(dataDir, DATABASE_FILE))
    // Kept open while the next server starts, so its WAL is not checkpointed first.
    onTestFinished(() => real.close())
    const crashing: BoardStore = { ...real, compact: () => {}, close: () => {} }
    const dying = await startServer({ persistence: { kind: 'store', store: crashing } })
    const board = await createBoard(dying, 'De Horst')
    const a = connectClient(dying, board.id, board.tokens.editor)
    await waitForSynced(a.provider)
    for (let i = 0; i < 20; i++) putRecords(a.doc, geoShape(`${i}`, '', { x: i }))
    await waitFor(() => real.loadDoc(board.id).updates.length === 20, {
      message: 'all 20 edits are appended',
    })
    a.provider.destroy()
    await dying.server.close()

    const second = await startServer({ dataDir })
    const b = connectClient(second, board.id, board.tokens.viewer)
    await waitForSynced(b.provider)
    expect(b.doc.getMap('records').size).toBe(20)
  })
})
