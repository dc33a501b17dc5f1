import Database from 'better-sqlite3'
import { isRole } from '@wijktafel/shared'
import type { AssetStore } from './AssetStore.js'
import type { BoardRecord, BoardStore, StoredDoc, TokenRecord } from './BoardStore.js'
import { createSqliteAssetStore } from './SqliteAssetStore.js'

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
  state BLOB NOT NULL
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
`

/** The SQLite store, with its connection for maintenance tools and tests (PRAGMAs). */
export interface SqliteBoardStore extends BoardStore {
  readonly database: Database.Database
  /** The photos of the boards, in the same database. */
  readonly assets: AssetStore
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

  const insertBoard = db.prepare<[string, string, string]>(
    'INSERT INTO boards (id, title, created_at) VALUES (?, ?, ?)',
  )
  const insertToken = db.prepare<[string, string, string]>(
    'INSERT INTO tokens (hash, board_id, role) VALUES (?, ?, ?)',
  )
  const selectBoard = db.prepare<[string], { id: string; title: string; created_at: string }>(
    'SELECT id, title, created_at FROM boards WHERE id = ?',
  )
  const selectToken = db.prepare<[string], { board_id: string; role: string }>(
    'SELECT board_id, role FROM tokens WHERE hash = ?',
  )
  const countBoards = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM boards')
  const selectState = db.prepare<[string], { state: Buffer }>(
    'SELECT state FROM board_state WHERE board_id = ?',
  )
  const selectUpdates = db.prepare<[string], { id: number; data: Buffer }>(
    'SELECT id, data FROM board_updates WHERE board_id = ? ORDER BY id',
  )
  const insertUpdate = db.prepare<[string, Uint8Array]>(
    'INSERT INTO board_updates (board_id, data) VALUES (?, ?)',
  )
  const upsertState = db.prepare<[string, Uint8Array]>(
    `INSERT INTO board_state (board_id, state) VALUES (?, ?)
     ON CONFLICT(board_id) DO UPDATE SET state = excluded.state`,
  )
  const deleteUpdates = db.prepare<[string, number]>(
    'DELETE FROM board_updates WHERE board_id = ? AND id <= ?',
  )
  const ping = db.prepare<[], { one: number }>('SELECT 1 AS one')

  const createBoard = db.transaction(
    (board: BoardRecord, tokens: readonly TokenRecord[], initialState: Uint8Array) => {
      insertBoard.run(board.id, board.title, board.createdAt)
      for (const token of tokens) insertToken.run(token.hash, board.id, token.role)
      upsertState.run(board.id, initialState)
    },
  )
  const compact = db.transaction((boardId: string, state: Uint8Array, upToId: number) => {
    upsertState.run(boardId, state)
    deleteUpdates.run(boardId, upToId)
  })
  // Read state and log in one transaction so a concurrent writer can never split them.
  const loadDoc = db.transaction((boardId: string): StoredDoc => {
    const state = selectState.get(boardId)?.state ?? null
    const rows = selectUpdates.all(boardId)
    return {
      state: state === null ? null : new Uint8Array(state),
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastUpdateId: rows.at(-1)?.id ?? 0,
    }
  })

  return {
    database: db,
    assets: createSqliteAssetStore(db),
    createBoard: (board, tokens, initialState) => createBoard(board, tokens, initialState),
    getBoard(id) {
      const row = selectBoard.get(id)
      return row && { id: row.id, title: row.title, createdAt: row.created_at }
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
    ping() {
      ping.get()
    },
    close() {
      if (db.open) db.close()
    },
  }
}

// [1] WAL keeps readers and the single writer out of each other's way. synchronous=FULL
//     fsyncs the WAL on every commit, so an update that was broadcast as accepted survives
//     a power cut, not only a process crash (NORMAL would only survive the latter). Every
//     update is its own commit; FULL costs one fsync per update, which is acceptable for
//     the write rates of a meeting (tens of updates per second). If a benchmark shows it,
//     batch appends per tick rather than weakening durability.
