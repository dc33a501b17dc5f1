import * as Y from 'yjs'
import type { Logger } from '../config.js'
import type { RoomMetrics } from '../metrics/Metrics.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import { loadBoardDoc } from '../persistence/loadBoardDoc.js'

export interface RoomStorageOptions {
  boardId: string
  store: BoardStore
  compactAfterUpdates: number
  /** Past this many stored bytes the log is compacted after every update (boardSizeRule). */
  maxBoardBytes: number
  metrics: RoomMetrics
  log: Logger
}

/**
 * A board's Y.Doc as the store holds it: loaded from the compacted state and the log,
 * appended to one update at a time, and compacted when the log grows long or the stored
 * bytes pass the board size limit [1]. Knows nothing of connections.
 */
export class RoomStorage {
  readonly doc: Y.Doc
  private lastStoredId: number
  private updatesSinceCompaction: number
  /** Bytes of the stored state plus the log after it: never less than the board's size. */
  private bytes: number

  constructor(private readonly options: RoomStorageOptions) {
    const stored = options.store.loadDoc(options.boardId)
    this.doc = loadBoardDoc(stored)
    this.lastStoredId = stored.lastUpdateId
    this.updatesSinceCompaction = stored.updates.length
    this.bytes = stored.updates.reduce((sum, u) => sum + u.length, stored.state?.length ?? 0)
    if (this.updatesSinceCompaction > 0) this.compact()
  }

  get storedBytes(): number {
    return this.bytes
  }

  /**
   * Appends one doc update to the log. False when the store refused it: the caller must then
   * treat the board as lost from memory (Room closes everything with 4503).
   */
  append(update: Uint8Array): boolean {
    const { boardId, store, metrics, log } = this.options
    const started = performance.now()
    try {
      this.lastStoredId = store.appendUpdate(boardId, update)
    } catch (error) {
      metrics.storageWrite(false)
      log(`storage failed for board ${boardId}: ${String(error)}`)
      return false
    }
    metrics.persisted((performance.now() - started) / 1000)
    metrics.storageWrite(true)
    this.bytes += update.length
    this.updatesSinceCompaction++
    return true
  }

  /** Compacts when the log reached its length or the stored bytes passed the size limit. */
  compactIfDue(): void {
    const { compactAfterUpdates, maxBoardBytes } = this.options
    if (this.updatesSinceCompaction >= compactAfterUpdates || this.bytes > maxBoardBytes) {
      this.compact()
    }
  }

  /** Stores the in-memory doc as the new state and drops the log rows it contains. */
  compact(): void {
    if (this.updatesSinceCompaction === 0) return
    const { boardId, store, metrics, log } = this.options
    try {
      const state = Y.encodeStateAsUpdate(this.doc)
      store.compact(boardId, state, this.lastStoredId)
      this.bytes = state.length
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
