import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqliteBoardStore } from './SqliteBoardStore.js'
import type { SqliteBoardStore } from './SqliteBoardStore.js'
import type { NewVersion } from './VersionStore.js'

const BOARD = 'AAAAAAAAAAAAAAAAAAAAAA'
const OTHER = 'BBBBBBBBBBBBBBBBBBBBBB'
const LIMITS = { maxAutoVersions: 2, maxNamedVersions: 2 }

let counter = 0
function version(boardId: string, kind: 'named' | 'auto'): NewVersion {
  counter++
  return {
    id: String(counter).padStart(22, 'v'),
    boardId,
    name: `v${counter}`,
    createdAt: new Date(counter).toISOString(),
    createdBy: kind === 'named' ? 'Ana' : null,
    kind,
    reason: kind === 'auto' ? 'last-left' : null,
    state: new Uint8Array([1, 2, 3, counter]),
    snapshot: new Uint8Array([counter]),
    thumbnail: kind === 'named' ? new Uint8Array([9]) : null,
  }
}

describe('SqliteVersionStore', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

  function open(file = ':memory:'): SqliteBoardStore {
    const store = openSqliteBoardStore(file)
    cleanups.push(() => store.close())
    for (const id of [BOARD, OTHER]) {
      if (!store.getBoard(id))
        store.createBoard({ id, title: id, createdAt: '' }, [], new Uint8Array([0, 0]))
    }
    return store
  }

  it('a database from before versions opens and gains the table, its boards intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijktafel-versions-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const file = join(dir, 'wijktafel.sqlite')
    const old = new Database(file)
    old.exec(`CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, created_at TEXT NOT NULL);
      INSERT INTO boards VALUES ('${BOARD}', 'Oud bord', '2026-01-01T00:00:00.000Z');`)
    old.close()

    const store = open(file)
    expect(store.getBoard(BOARD)?.title).toBe('Oud bord')
    const saved = store.versions.addVersion(version(BOARD, 'named'), LIMITS)
    expect(store.versions.listVersions(BOARD)).toEqual([saved])
  })

  it('lists newest first, keeps the newest automatic versions only, and refuses named ones past the limit', () => {
    const { versions } = open()
    const named = versions.addVersion(version(BOARD, 'named'), LIMITS)!
    expect(named).toMatchObject({ kind: 'named', createdBy: 'Ana', bytes: 4, hasThumbnail: true })
    const autos = [1, 2, 3].map(() => versions.addVersion(version(BOARD, 'auto'), LIMITS)!)
    versions.addVersion(version(OTHER, 'auto'), LIMITS)
    expect(versions.listVersions(BOARD).map((v) => v.id)).toEqual([
      autos[2]!.id,
      autos[1]!.id,
      named.id,
    ])
    expect(versions.listVersions(OTHER)).toHaveLength(1)
    expect(versions.newestSnapshot(BOARD)).toEqual(new Uint8Array([counter - 1]))

    versions.addVersion(version(BOARD, 'named'), LIMITS)
    expect(versions.addVersion(version(BOARD, 'named'), LIMITS)).toBeNull()
    expect(versions.listVersions(BOARD)).toHaveLength(4)
  })

  it('reads and deletes a version only under its own board, and goes with its board', () => {
    const store = open()
    const { versions } = store
    const saved = versions.addVersion(version(BOARD, 'named'), LIMITS)!
    expect(versions.getState(OTHER, saved.id)).toBeUndefined()
    expect(versions.getThumbnail(BOARD, saved.id)).toEqual(new Uint8Array([9]))
    expect(versions.deleteVersion(OTHER, saved.id)).toBe(false)
    expect(versions.getState(BOARD, saved.id)).toEqual(new Uint8Array([1, 2, 3, counter]))

    versions.addVersion(version(BOARD, 'auto'), LIMITS)
    expect(store.deleteBoard(BOARD)).toBe(true)
    expect(versions.listVersions(BOARD)).toEqual([])
    expect(store.getBoard(BOARD)).toBeUndefined()
    expect(store.deleteBoard(BOARD)).toBe(false)
  })
})
