import type { BoardStore } from './BoardStore.js'

/** A board's side of a batch: what happened to the updates it queued. */
export interface CommitWriter {
  readonly boardId: string
  /** The update is stored as log row `id`; called in queue order, before `committed`. */
  stored(update: Uint8Array, id: number, seconds: number): void
  /** Every update this writer queued in the batch is stored: what waited on it may go out. */
  committed(): void
  /** The batch could not be stored: nothing that waited on it may go out. */
  failed(error: unknown): void
}

/** A store that can run several writes as one transaction (SqliteBoardStore does). */
type TransactionalStore = BoardStore & { transaction?<T>(write: () => T): T }

/**
 * Group commit: the updates of every room that arrive in one tick of the event loop are
 * appended in ONE transaction, at the end of the tick (setImmediate), and only then are
 * their writers told [1]. A failure fails the whole batch: every writer in it is told, and
 * none of its updates may have been sent. One per store, shared by all rooms.
 */
export class GroupCommit {
  private queue: { writer: CommitWriter; update: Uint8Array }[] = []
  private scheduled: NodeJS.Immediate | null = null

  constructor(private readonly store: TransactionalStore) {}

  /** Queues `update` for the flush at the end of this tick. */
  enqueue(writer: CommitWriter, update: Uint8Array): void {
    this.queue.push({ writer, update })
    this.scheduled ??= setImmediate(() => this.flush())
  }

  /** Drops what `writer` queued and has not been stored (its board is being deleted). */
  withdraw(writer: CommitWriter): void {
    this.queue = this.queue.filter((entry) => entry.writer !== writer)
  }

  /**
   * Stores everything queued now, in one transaction, then tells the writers in the order
   * they first queued. Synchronous; also called before compaction, a server change and at
   * shutdown, so nothing waits for the end of the tick then.
   */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled)
    this.scheduled = null
    const batch = this.queue
    if (batch.length === 0) return
    this.queue = []
    const writers = [...new Set(batch.map((entry) => entry.writer))]
    const started = performance.now()
    let ids: number[]
    try {
      ids = this.write(batch)
    } catch (error) {
      for (const writer of writers) writer.failed(error)
      return
    }
    const seconds = (performance.now() - started) / 1000
    batch.forEach((entry, i) => entry.writer.stored(entry.update, ids[i]!, seconds))
    for (const writer of writers) {
      try {
        writer.committed()
      } catch (error) {
        // A bug must cost one room, never the process (this runs outside any handler) or
        // the other rooms of the batch, which would wait forever.
        writer.failed(error)
      }
    }
  }

  private write(batch: readonly { writer: CommitWriter; update: Uint8Array }[]): number[] {
    const append = () =>
      batch.map((entry) => this.store.appendUpdate(entry.writer.boardId, entry.update))
    // A store without transactions commits each append on its own [2].
    return this.store.transaction ? this.store.transaction(append) : append()
  }
}

// [1] One fsync per tick instead of one per update (SqliteBoardStore [1]), while "stored
//     before sent" still holds: a room holds every message to its connections from the
//     moment it queues an update until its batch committed (Room [1]). The appends go
//     through `appendUpdate` inside `transaction`, so a wrapper of the store that fails or
//     counts appends sees each one, and a throw rolls the whole batch back.
// [2] Slower (one commit each) but as safe: the writers are still told only after the last
//     append, and a failure in the middle fails every writer of the batch, some of whose
//     updates are then stored without having been sent, as after a crash; their clients
//     reconnect and load them.
