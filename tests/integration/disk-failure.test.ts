import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { CloseCode } from '@wijktafel/shared'
import { DATABASE_FILE, openSqliteBoardStore } from '@wijktafel/server'
import { loadBoardDoc } from '../../server/src/persistence/loadBoardDoc.js'
import { readMetrics } from '../helpers/metrics.js'
import { geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, tempDir } = testContext()

/** Ways a real SQLite database stops taking writes, and how each is undone. */
const disks: [string, (db: Database.Database) => void, (db: Database.Database) => void][] = [
  [
    // SQLITE_FULL, exactly as on a full disk: the file may not grow by one more page.
    'a full disk',
    (db) => db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`),
    (db) => db.pragma('max_page_count = 1073741823'),
  ],
  [
    // SQLITE_READONLY: as a database file that became read-only (chmod does not stop root).
    'a read-only database',
    (db) => db.pragma('query_only = 1'),
    (db) => db.pragma('query_only = 0'),
  ],
]

describe.each(disks)('with %s', (_name, fail, recover) => {
  it('the server refuses new updates with 4503, serves nothing it could not keep, reports it, and recovers', async () => {
    const dataDir = tempDir()
    const store = openSqliteBoardStore(join(dataDir, DATABASE_FILE))
    const server = await startServer({ persistence: { kind: 'store', store } })
    const board = await createBoard(server, 'De Horst')
    const a = connectClient(server, board.id, board.tokens.editor)
    const b = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])
    putRecords(a.doc, geoShape('stored', 'bewaard'))
    await waitFor(() => b.doc.getMap('records').has('shape:stored'), { message: 'B hears A' })

    fail(store.database)
    // Big enough to need new pages, so a full disk cannot hide it in a half-empty one (in
    // labels within MAX_TEXT_CHARS each).
    putRecords(
      a.doc,
      geoShape('unstored', 'x'.repeat(5_000)),
      ...[1, 2, 3].map((n) => geoShape(`unstored${n}`, 'x'.repeat(5_000))),
    )
    const storageFailed = (closes: { code: number }[]) =>
      closes.filter((close) => close.code === CloseCode.STORAGE_FAILED).length
    await waitFor(() => storageFailed(b.closes) > 0, { message: 'B is told with 4503' })
    expect(b.closes.at(-1)?.reason).toBe('storage unavailable')
    // A reconnects, resends the edit in its sync step 2 and is refused again: never accepted.
    await waitFor(() => storageFailed(a.closes) >= 2, {
      timeoutMs: 10_000,
      message: 'A is refused again after reconnecting',
    })
    expect(b.doc.getMap('records').has('shape:unstored')).toBe(false)
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(503)
    expect(await health.json()).toEqual({ ok: false, error: 'database refuses writes' })
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_storage_failing')).toBe(1)
    expect(metrics.get('wijktafel_storage_failures_total')).toBeGreaterThanOrEqual(2)
    expect(
      server.logs.some((line) => line.startsWith(`storage failed for board ${board.id}`)),
    ).toBe(true)

    // The disk is fine again: the clients' next attempt is stored and reaches B.
    recover(store.database)
    await waitFor(() => b.doc.getMap('records').has('shape:unstored'), {
      timeoutMs: 10_000,
      message: 'B receives the edit once it is stored',
    })
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    const onDisk = loadBoardDoc(store.loadDoc(board.id))
    expect(Object.keys(onDisk.getMap('records').toJSON()).sort()).toEqual([
      'shape:stored',
      'shape:unstored',
      'shape:unstored1',
      'shape:unstored2',
      'shape:unstored3',
    ])
  })
})
