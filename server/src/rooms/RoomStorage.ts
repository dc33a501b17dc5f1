import * as Y from 'yjs'
import type { Logger } from '../config.js'
import type { RoomMetrics } from '../metrics/Metrics.js'
import type { BoardStore, StoredDoc } from '../persistence/BoardStore.js'
import type { CommitWriter, GroupCommit } from '../persistence/GroupCommit.js'
import { loadBoardDoc } from '../persistence/loadBoardDoc.js'

export interface RoomStorageOptions {
  boardId: string
  store: BoardStore
  compactAfterUpdates: number
  /** Past this many stored bytes the log is compacted after every update (boardSizeRule). */
  maxBoardBytes: number
  metrics: RoomMetrics
  log: Logger
  /** Where appends wait for the end of the tick, with every other room's. */
  commits: GroupCommit
  /** Every update appended so far is stored (after the batch's transaction). */
  onCommitted(): void
  /** The batch with this board's updates could not be stored. */
  onFailed(): void
}

/**
 * A board's Y.Doc as the store holds it: loaded from the compacted state and the log,
 * appended to through the group commit (stored at the end of the tick, with every other
 * room's updates) and compacted when the log grows long or the stored bytes pass the board
 * size limit [1]. Knows nothing of connections.
 */
export class RoomStorage implements CommitWriter {
  readonly boardId: string
  readonly doc: Y.Doc
  private lastStoredId: number
  private updatesSinceCompaction: number
  /**
   * The state's V1 size plus the log after it: never less than the board's size as
   * maxBoardBytes measures it (V1), although the state is stored smaller, as V2 [3].
   */
  private bytes: number

  constructor(private readonly options: RoomStorageOptions) {
    this.boardId = options.boardId
    const stored = options.store.loadDoc(options.boardId)
    this.doc = loadBoardDoc(stored)
    this.lastStoredId = stored.lastUpdateId
    this.updatesSinceCompaction = stored.updates.length
    this.bytes = this.loadedBytes(stored)
    if (this.updatesSinceCompaction > 0) this.compact()
  }

  /** The board's size bound (V1 bytes of state plus log), for the size rule and memory cap. */
  get storedBytes(): number {
    return this.bytes
  }

  private loadedBytes(stored: StoredDoc): number {
    // A V2 state's V1 size is only known by encoding; the loaded doc holds the log too.
    if (stored.state && stored.stateEncoding === 'v2') {
      return Y.encodeStateAsUpdate(this.doc).length
    }
    return stored.updates.reduce((sum, u) => sum + u.length, stored.state?.length ?? 0)
  }

  /**
   * Queues one doc update for the end of the tick. `onCommitted` follows once it is stored,
   * or `onFailed`: the caller must then treat the board as lost from memory (Room closes
   * everything with 4503). Counted in the stored bytes at once, so the board size rule
   * judges the next update of the same tick with it [2].
   */
  append(update: Uint8Array): void {
    this.bytes += update.length
    this.updatesSinceCompaction++
    this.options.commits.enqueue(this, update)
  }

  stored(_update: Uint8Array, id: number, seconds: number): void {
    this.lastStoredId = id
    this.options.metrics.persisted(seconds)
  }

  committed(): void {
    this.options.metrics.storageWrite(true)
    this.options.onCommitted()
  }

  failed(error: unknown): void {
    this.options.metrics.storageWrite(false)
    this.options.log(`storage failed for board ${this.boardId}: ${String(error)}`)
    this.options.onFailed()
  }

  /** Forgets what was queued and not yet stored: the board is being deleted. */
  withdraw(): void {
    this.options.commits.withdraw(this)
  }

  /** Compacts when the log reached its length or the stored bytes passed the size limit. */
  compactIfDue(): void {
    const { compactAfterUpdates, maxBoardBytes } = this.options
    if (this.updatesSinceCompaction >= compactAfterUpdates || this.bytes > maxBoardBytes) {
      this.compact()
    }
  }

  /**
   * Stores the in-memory doc as the new state and drops the log rows it contains. Call it
   * with nothing of this board queued (after a flush): the state may only hold stored updates.
   */
  compact(): void {
    if (this.updatesSinceCompaction === 0) return
    const { boardId, store, metrics, log } = this.options
    try {
      const size = Y.encodeStateAsUpdate(this.doc).length
      store.compact(boardId, Y.encodeStateAsUpdateV2(this.doc), this.lastStoredId)
      this.bytes = size
      this.updatesSinceCompaction = 0
      metrics.compacted(true)
    } catch (error) {
      // The log still holds everything, so nothing is lost; try again at the next threshold.
      this.updatesSinceCompaction = 0
      metrics.compacted(false)
      log(`compaction failed for board ${boardId}: ${String(error)}`)
    }
  }
}

// [1] While state and log fit the limit, so does the board, and the board size rule needs
//     no encode (boardSizeRule [1]). Once an accepted update takes the stored bytes past the
//     limit, compacting brings them back to the board's own size, so the next updates are
//     cheap again; a board that is itself over the limit compacts after each update it takes.
// [2] A batch that fails drops the room from memory, so a count that includes updates that
//     were never stored does not outlive it.
// [3] The state is stored as V2 (BoardStore [1]), which is smaller than the board's V1 size
//     and so no bound for the board size rule, which keeps maxBoardBytes in V1 bytes (what a
//     client receives and config.ts documents). So a compaction also encodes V1 once, for its
//     length (about as long as the V2 encode: ~20 ms on 2,000 cards after 20,000 moves,
//     once per compactAfterUpdates updates), and a board loaded from a V2 state is measured
//     once. The memory cap sums the same V1 figures: closer to a doc's heap than V2 bytes.
