import type { Role } from '@wijktafel/shared'

export interface BoardRecord {
  id: string
  title: string
  /** ISO 8601. */
  createdAt: string
  /** How often its links were replaced (0 for its first links); read, never written here. */
  linkEpoch?: number
}

export interface TokenRecord {
  /** hashToken() of the token; the token itself is never stored. */
  hash: string
  role: Role
}

/** How a stored state is encoded: Y.encodeStateAsUpdate (v1) or Y.encodeStateAsUpdateV2 [1]. */
export type StateEncoding = 'v1' | 'v2'

/**
 * Everything needed to rebuild a board's Y.Doc: the compacted state, then the log after it.
 * Rebuild it with loadBoardDoc, which reads the state in its encoding.
 */
export interface StoredDoc {
  state: Uint8Array | null
  /** The encoding of `state`: 'v1' for boards last compacted before V2 states existed. */
  stateEncoding: StateEncoding
  /** Yjs updates as the wire carries them (V1), in order. */
  updates: Uint8Array[]
  /** Id of the last log row (0 when the log is empty); compaction deletes rows up to it. */
  lastUpdateId: number
}

/**
 * Storage of boards, their token hashes and their Yjs documents. All calls are synchronous:
 * the group commit appends the updates of a tick before any of them is broadcast, and a
 * synchronous store makes "stored, then sent" a plain sequence without interleaving. A store
 * with a `transaction(write)` method (SqliteBoardStore) gets each tick's appends in one.
 */
export interface BoardStore {
  /**
   * Creates the board, its token hashes and its first document state in one transaction.
   * `initialState` is a V1 update (Y.encodeStateAsUpdate); it is stored as V2.
   */
  createBoard(board: BoardRecord, tokens: readonly TokenRecord[], initialState: Uint8Array): void
  getBoard(id: string): BoardRecord | undefined
  findToken(hash: string): { boardId: string; role: Role } | undefined
  countBoards(): number
  loadDoc(boardId: string): StoredDoc
  /** Appends one Yjs update to the board's log and returns its row id. */
  appendUpdate(boardId: string, update: Uint8Array): number
  /**
   * Replaces the stored state with `stateV2` (Y.encodeStateAsUpdateV2 of the board's doc)
   * and deletes the log rows with id <= upToId, atomically.
   */
  compact(boardId: string, stateV2: Uint8Array, upToId: number): void
  /**
   * Replaces the board's links in one transaction: the link epoch goes up by one, the token
   * hashes of `roles` are deleted and `newTokens(epoch)` are inserted. Returns the new epoch,
   * or null (and changes nothing) when there is no such board.
   */
  rotateLinks(
    boardId: string,
    roles: readonly Role[],
    newTokens: (epoch: number) => readonly TokenRecord[],
  ): number | null
  /**
   * Deletes the board and everything of it (tokens, state, log, photos, versions) in one
   * transaction, overwriting the deleted bytes. False when there was no such board.
   */
  deleteBoard(boardId: string): boolean
  /** A trivial query, for health checks; throws when the database is unusable. */
  ping(): void
  close(): void
}

// [1] A compacted board is mostly the ids and origins of overwritten values (gc dropped their
//     content but keeps one item per overwrite of a Y.Map key). V2 encodes ids and clocks
//     column-wise and run-length, so a moved-about board stays near its fresh size (about
//     1.4x where V1 is 3x after 100,000 moves on 2,000 cards: bench scenario 4). Only the
//     compacted state is V2: the log holds updates as y-protocols sends them, V1.
