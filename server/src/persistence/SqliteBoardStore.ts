import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { isRole } from '@wijktafel/shared'
import type { AssetStore } from './AssetStore.js'
import type {
  BoardRecord,
  BoardStore,
  StateEncoding,
  StoredDoc,
  TokenRecord,
} from './BoardStore.js'
import { createSqliteAssetStore } from './SqliteAssetStore.js'
import { createSqliteVersionStore } from './SqliteVersionStore.js'
import type { VersionStore } from './VersionStore.js'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tokens_board ON tokens(board_id);
CREATE TABLE IF NOT EXISTS board_state (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  state BLOB NOT NULL,
  encoding TEXT NOT NULL DEFAULT 'v1'
);
CREATE TABLE IF NOT EXISTS board_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS board_updates_board ON board_updates(board_id, id);
CREATE TABLE IF NOT EXISTS assets (
  id TEXT NOT NULL,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (board_id, id)
);
CREATE TABLE IF NOT EXISTS versions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  kind TEXT NOT NULL,
  reason TEXT,
  state BLOB NOT NULL,
  snapshot BLOB NOT NULL,
  thumbnail BLOB
);
CREATE INDEX IF NOT EXISTS versions_board ON versions(board_id, kind, seq);
`

/** The SQLite store, with its connection for maintenance tools and tests (PRAGMAs). */
export interface SqliteBoardStore extends BoardStore {
  readonly database: Database.Database
  /** The photos of the boards, in the same database. */
  readonly assets: AssetStore
  /** The kept versions of the boards, in the same database. */
  readonly versions: VersionStore
  /** Runs `write` as one transaction (nested calls of the store become savepoints). */
  transaction<T>(write: () => T): T
}

/**
 * SQLite storage through better-sqlite3. `filename` is a path or ':memory:'.
 * WAL with synchronous=FULL: see [1].
 */
export function openSqliteBoardStore(filename: string): SqliteBoardStore {
  const db = new Database(filename)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.exec(SCHEMA)
  migrate(db)

  const insertBoard = db.prepare<[string, string, string]>(
    'INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)',
  )
  const insertToken = db.prepare<[string, string, string]>(
    'INSERT INTO tokens (hash, board_id, role) VALUES (?, ?, ?)',
  )
  const selectBoard = db.prepare<
    [string],
    { id: string; title: string; created_at: string; link_epoch: number }
  >('SELECT id, title, created_at, link_epoch FROM boards WHERE id = ?')
  const selectToken = db.prepare<[string], { board_id: string; role: string }>(
    'SELECT board_id, role FROM tokens WHERE hash = ?',
  )
  const countBoards = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM boards')
  const selectState = db.prepare<[string], { state: Buffer; encoding: string }>(
    'SELECT state, encoding FROM board_state WHERE board_id = ?',
  )
  const selectUpdates = db.prepare<[string], { id: number; data: Buffer }>(
    'SELECT id, data FROM board_updates WHERE board_id = ? ORDER BY id',
  )
  const insertUpdate = db.prepare<[string, Uint8Array]>(
    'INSERT INTO board_updates (board_id, data) VALUES (?, ?)',
  )
  // Every state this code writes is V2 (BoardStore [1]); older rows stay 'v1' until then.
  const upsertState = db.prepare<[string, Uint8Array]>(
    `INSERT INTO board_state (board_id, state, encoding) VALUES (?, ?, 'v2')
     ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, encoding = excluded.encoding`,
  )
  const deleteUpdates = db.prepare<[string, number]>(
    'DELETE FROM board_updates WHERE board_id = ? AND id <= ?',
  )
  // Every row that belongs to a board, children first (the cascades would do it too) [2].
  const deleteRows = [
    'DELETE FROM versions WHERE board_id = ?',
    'DELETE FROM assets WHERE board_id = ?',
    'DELETE FROM board_updates WHERE board_id = ?',
    'DELETE FROM board_state WHERE board_id = ?',
    'DELETE FROM tokens WHERE board_id = ?',
    'DELETE FROM boards WHERE id = ?',
  ].map((sql) => db.prepare<[string]>(sql))
  const bumpEpoch = db.prepare<[string], { link_epoch: number }>(
    'UPDATE boards SET link_epoch = link_epoch + 1 WHERE id = ? RETURNING link_epoch',
  )
  const deleteTokensOfRole = db.prepare<[string, string]>(
    'DELETE FROM tokens WHERE board_id = ? AND role = ?',
  )
  const ping = db.prepare<[], { one: number }>('SELECT 1 AS one')

  const createBoard = db.transaction(
    (board: BoardRecord, tokens: readonly TokenRecord[], initialState: Uint8Array) => {
      insertBoard.run(board.id, board.title, board.createdAt)
      for (const token of tokens) insertToken.run(token.hash, board.id, token.role)
      upsertState.run(board.id, Y.convertUpdateFormatV1ToV2(initialState))
    },
  )
  const compact = db.transaction((boardId: string, stateV2: Uint8Array, upToId: number) => {
    upsertState.run(boardId, stateV2)
    deleteUpdates.run(boardId, upToId)
  })
  const rotateLinks = db.transaction(
    (
      boardId: string,
      roles: readonly string[],
      newTokens: (epoch: number) => readonly TokenRecord[],
    ): number | null => {
      const epoch = bumpEpoch.get(boardId)?.link_epoch
      if (epoch === undefined) return null
      for (const role of roles) deleteTokensOfRole.run(boardId, role)
      for (const token of newTokens(epoch)) insertToken.run(token.hash, boardId, token.role)
      return epoch
    },
  )
  const deleteBoard = db.transaction((boardId: string): boolean => {
    let board = 0
    for (const statement of deleteRows) board = statement.run(boardId).changes
    return board > 0
  })
  // Read state and log in one transaction so a concurrent writer can never split them.
  const loadDoc = db.transaction((boardId: string): StoredDoc => {
    const row = selectState.get(boardId)
    const rows = selectUpdates.all(boardId)
    return {
      state: row ? new Uint8Array(row.state) : null,
      stateEncoding: stateEncoding(row?.encoding ?? 'v1'),
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastUpdateId: rows.at(-1)?.id ?? 0,
    }
  })

  return {
    database: db,
    assets: createSqliteAssetStore(db),
    versions: createSqliteVersionStore(db),
    transaction: (write) => db.transaction(write)(),
    createBoard: (board, tokens, initialState) => createBoard(board, tokens, initialState),
    getBoard(id) {
      const row = selectBoard.get(id)
      return (
        row && {
          id: row.id,
          title: row.title,
          createdAt: row.created_at,
          linkEpoch: row.link_epoch,
        }
      )
    },
    findToken(hash) {
      const row = selectToken.get(hash)
      if (!row || !isRole(row.role)) return undefined
      return { boardId: row.board_id, role: row.role }
    },
    countBoards: () => countBoards.get()?.n ?? 0,
    loadDoc: (boardId) => loadDoc(boardId),
    appendUpdate: (boardId, update) => Number(insertUpdate.run(boardId, update).lastInsertRowid),
    compact: (boardId, state, upToId) => compact(boardId, state, upToId),
    rotateLinks: (boardId, roles, newTokens) => rotateLinks(boardId, roles, newTokens),
    deleteBoard(boardId) {
      db.pragma('secure_delete = ON')
      try {
        const existed = deleteBoard(boardId)
        // Copies of the deleted pages in the WAL go too, once nobody reads them.
        db.pragma('wal_checkpoint(TRUNCATE)')
        return existed
      } finally {
        db.pragma('secure_delete = OFF')
      }
    },
    ping() {
      ping.get()
    },
    close() {
      if (db.open) db.close()
    },
  }
}

/**
 * Brings a database made by an older version up to this one, in place: columns added
 * since are added with their defaults [3]. Runs on every open; does nothing when done.
 */
function migrate(db: Database.Database): void {
  addColumnIfMissing(db, 'boards', 'link_epoch', 'INTEGER NOT NULL DEFAULT 0')
  addColumnIfMissing(db, 'board_state', 'encoding', "TEXT NOT NULL DEFAULT 'v1'")
}

function addColumnIfMissing(
  db: Database.Database,
  table: string,
  column: string,
  definition: string,
): void {
  const columns = db.pragma(`table_info(${table})`) as { name: string }[]
  if (!columns.some((existing) => existing.name === column)) {
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`)
  }
}

/** A row's encoding; anything else means the database was written by a newer version. */
function stateEncoding(value: string): StateEncoding {
  if (value === 'v1' || value === 'v2') return value
  throw new Error(`board state in an unknown encoding: ${value}`)
}

// [1] WAL keeps readers and the single writer out of each other's way. synchronous=FULL
//     fsyncs the WAL on every commit, so an update that was broadcast as accepted survives
//     a power cut, not only a process crash (NORMAL would only survive the latter). FULL
//     costs one fsync per commit, so the rooms do not commit per update: every update of
//     one tick, of all rooms, is appended in one `transaction` (GroupCommit) and sent only
//     after it committed, one fsync per tick instead of per update.
// [2] A deleted board must be gone, not only unreachable: secure_delete overwrites the
//     deleted rows' bytes with zeros (only for this statement: it costs writes), and the
//     checkpoint moves that into the database file and empties the WAL, which held copies.
// [3] Epoch 0 derives the links every board had before epochs existed (tokens.ts), so an
//     existing board keeps its links. A state stored before V2 states is V1, so old rows
//     read 'v1' and are rewritten as V2 at their board's next compaction, not here.
//     ADD COLUMN with a constant default rewrites nothing: SQLite reads the default for old
//     rows, so the migration is instant on any size.
