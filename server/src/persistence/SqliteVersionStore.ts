import type Database from 'better-sqlite3'
import type { VersionKind, VersionReason } from '@wijktafel/shared'
import { VERSION_KINDS, VERSION_REASONS } from '@wijktafel/shared'
import type { NewVersion, VersionLimits, VersionRow, VersionStore } from './VersionStore.js'

interface Row {
  id: string
  board_id: string
  name: string
  created_at: string
  created_by: string | null
  kind: string
  reason: string | null
  bytes: number
  has_thumbnail: number
}

const COLUMNS = `id, board_id, name, created_at, created_by, kind, reason,
  length(state) AS bytes, thumbnail IS NOT NULL AS has_thumbnail`

/**
 * The `versions` table of the board database (created with the others in
 * SqliteBoardStore.ts). `seq` orders versions even when two share a millisecond.
 */
export function createSqliteVersionStore(db: Database.Database): VersionStore {
  const insert = db.prepare<
    [
      string,
      string,
      string,
      string,
      string | null,
      string,
      string | null,
      Uint8Array,
      Uint8Array,
      Uint8Array | null,
    ]
  >(
    `INSERT INTO versions (id, board_id, name, created_at, created_by, kind, reason, state, snapshot, thumbnail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const count = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM versions WHERE board_id = ? AND kind = ?',
  )
  const pruneAuto = db.prepare<[string, string, number]>(
    `DELETE FROM versions WHERE board_id = ? AND kind = 'auto' AND seq NOT IN
       (SELECT seq FROM versions WHERE board_id = ? AND kind = 'auto' ORDER BY seq DESC LIMIT ?)`,
  )
  const list = db.prepare<[string], Row>(
    `SELECT ${COLUMNS} FROM versions WHERE board_id = ? ORDER BY seq DESC`,
  )
  const select = db.prepare<[string, string], Row>(
    `SELECT ${COLUMNS} FROM versions WHERE board_id = ? AND id = ?`,
  )
  const selectState = db.prepare<[string, string], { state: Buffer }>(
    'SELECT state FROM versions WHERE board_id = ? AND id = ?',
  )
  const selectThumbnail = db.prepare<[string, string], { thumbnail: Buffer | null }>(
    'SELECT thumbnail FROM versions WHERE board_id = ? AND id = ?',
  )
  const newest = db.prepare<[string], { snapshot: Buffer }>(
    'SELECT snapshot FROM versions WHERE board_id = ? ORDER BY seq DESC LIMIT 1',
  )
  const remove = db.prepare<[string, string]>('DELETE FROM versions WHERE board_id = ? AND id = ?')

  const add = db.transaction((version: NewVersion, limits: VersionLimits): VersionRow | null => {
    const { boardId, kind } = version
    if (kind === 'named' && (count.get(boardId, 'named')?.n ?? 0) >= limits.maxNamedVersions) {
      return null
    }
    insert.run(
      version.id,
      boardId,
      version.name,
      version.createdAt,
      version.createdBy,
      kind,
      version.reason,
      version.state,
      version.snapshot,
      version.thumbnail,
    )
    if (kind === 'auto') pruneAuto.run(boardId, boardId, limits.maxAutoVersions)
    return toVersion(select.get(boardId, version.id)!)
  })

  return {
    addVersion: (version, limits) => add(version, limits),
    listVersions: (boardId) => list.all(boardId).map(toVersion),
    getVersion(boardId, versionId) {
      const row = select.get(boardId, versionId)
      return row && toVersion(row)
    },
    getState(boardId, versionId) {
      const row = selectState.get(boardId, versionId)
      return row && new Uint8Array(row.state)
    },
    getThumbnail(boardId, versionId) {
      const row = selectThumbnail.get(boardId, versionId)
      return row?.thumbnail ? new Uint8Array(row.thumbnail) : undefined
    },
    newestSnapshot(boardId) {
      const row = newest.get(boardId)
      return row ? new Uint8Array(row.snapshot) : null
    },
    deleteVersion: (boardId, versionId) => remove.run(boardId, versionId).changes > 0,
  }
}

function toVersion(row: Row): VersionRow {
  return {
    id: row.id,
    boardId: row.board_id,
    name: row.name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    kind: (VERSION_KINDS as readonly string[]).includes(row.kind)
      ? (row.kind as VersionKind)
      : 'auto',
    reason: (VERSION_REASONS as readonly (string | null)[]).includes(row.reason)
      ? (row.reason as VersionReason)
      : null,
    bytes: row.bytes,
    hasThumbnail: row.has_thumbnail === 1,
  }
}
