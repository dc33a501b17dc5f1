import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode, READ_ONLY_REASON, canWrite } from '@wijktafel/shared'
import type { Role } from '@wijktafel/shared'
import type { Logger } from '../config.js'
import type { MessageKind, RefusedMessageReason, RoomMetrics } from '../metrics/Metrics.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import { loadBoardDoc } from '../persistence/loadBoardDoc.js'
import type { BoardRules } from '../records/BoardRules.js'
import { AwarenessRelay } from './AwarenessRelay.js'
import { Connection } from './Connection.js'
import type { RateLimits } from './Connection.js'
import { UNAPPLIABLE, UpdateGuard } from './UpdateGuard.js'
import {
  MalformedMessageError,
  decodeClientMessage,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './messages.js'
import type { ClientMessage } from './messages.js'

export { Connection } from './Connection.js'

/** What one room enforces (ServerConfig). */
export interface RoomLimits extends RateLimits {
  maxBoardBytes: number
  maxAwarenessBytes: number
  awarenessFlushMs: number
}

export interface RoomOptions {
  boardId: string
  store: BoardStore
  compactAfterUpdates: number
  limits: RoomLimits
  /** What the doc may hold; every editor's update is checked against it first. */
  rules: BoardRules
  metrics: RoomMetrics
  log: Logger
  /** Called once when an update could not be stored; the manager forgets the room. */
  onStorageFailure(room: Room): void
}

const MESSAGE_KINDS: Record<ClientMessage['kind'], MessageKind> = {
  'sync-step1': 'sync_step1',
  'sync-step2': 'sync_step2',
  'sync-update': 'sync_update',
  awareness: 'awareness',
  'query-awareness': 'query_awareness',
}

/**
 * One board in memory: its Y.Doc, its presence and its connections. An editor's update
 * reaches the doc only when its UpdateGuard accepts every record it writes and the board
 * stays within its size; every doc change is appended to the store before any other
 * connection hears of it [1].
 */
export class Room {
  readonly boardId: string
  readonly doc: Y.Doc
  private readonly presence: AwarenessRelay
  private readonly guard: UpdateGuard
  private readonly connections = new Set<Connection>()
  private lastStoredId: number
  private updatesSinceCompaction = 0
  /** Bytes of the stored state plus the log after it: never less than the board's size [2]. */
  private storedBytes: number
  /** Set when storage failed or the room was destroyed: it must not touch anything again. */
  private closed = false

  constructor(private readonly options: RoomOptions) {
    this.boardId = options.boardId
    const stored = options.store.loadDoc(this.boardId)
    this.doc = loadBoardDoc(stored)
    this.lastStoredId = stored.lastUpdateId
    this.updatesSinceCompaction = stored.updates.length
    this.storedBytes = stored.updates.reduce((sum, u) => sum + u.length, stored.state?.length ?? 0)
    this.guard = new UpdateGuard(this.doc, options.rules)
    this.presence = new AwarenessRelay(
      this.doc,
      () => this.connections,
      options.limits.awarenessFlushMs,
    )
    this.doc.on('update', this.onDocUpdate)
    if (this.updatesSinceCompaction > 0) this.compact()
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Adds this room's connections to `counts`, by role (for the metrics). */
  countByRole(counts: Record<Role, number>): void {
    for (const conn of this.connections) counts[conn.role]++
  }

  add(socket: WebSocket, role: Role): Connection {
    const { limits, metrics } = this.options
    const conn = new Connection(socket, role, limits, metrics, performance.now())
    this.connections.add(conn)
    conn.send(encodeSyncStep1(this.doc))
    this.presence.sendAll(conn)
    return conn
  }

  remove(conn: Connection): void {
    conn.closed = true
    if (!this.connections.delete(conn) || this.closed) return
    this.presence.remove(conn)
  }

  handleFrame(conn: Connection, frame: Uint8Array, isBinary: boolean): void {
    if (this.closed || conn.closed) return
    const { metrics } = this.options
    if (!isBinary) {
      metrics.received('undecodable', frame.length)
      return this.refuse(conn, 'text_frame', CloseCode.BAD_MESSAGE, 'binary frames only')
    }
    let message: ClientMessage
    try {
      message = decodeClientMessage(frame)
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) throw error
      metrics.received('undecodable', frame.length)
      return this.refuse(conn, 'malformed', CloseCode.BAD_MESSAGE, 'malformed message')
    }
    metrics.received(MESSAGE_KINDS[message.kind], frame.length)
    const now = performance.now()
    if (message.kind === 'awareness') return this.handleAwareness(conn, message, now)
    if (!conn.docMessages.take(now)) {
      return this.refuse(conn, 'rate_doc', CloseCode.RATE_LIMITED, 'too many messages')
    }
    switch (message.kind) {
      case 'sync-step1':
        if (!conn.stateRequests.take(now)) {
          return this.refuse(conn, 'rate_doc', CloseCode.RATE_LIMITED, 'too many sync requests')
        }
        // Viewers need the board too, so everyone gets an answer.
        return conn.send(encodeSyncStep2(this.doc, message.stateVector))
      case 'sync-step2':
      case 'sync-update':
        return this.applyClientUpdate(conn, message.update)
      case 'query-awareness':
        return this.presence.sendAll(conn)
    }
  }

  private handleAwareness(
    conn: Connection,
    message: Extract<ClientMessage, { kind: 'awareness' }>,
    now: number,
  ): void {
    if (message.update.length > this.options.limits.maxAwarenessBytes) {
      return this.refuse(conn, 'awareness_too_large', CloseCode.TOO_LARGE, 'presence too large')
    }
    // Only a change is sent on to everyone; an echo costs no more than a document message.
    const changes = this.presence.changes(message.entries)
    if (changes && !conn.presenceChanges.take(now)) {
      return this.refuse(
        conn,
        'rate_awareness',
        CloseCode.RATE_LIMITED,
        'too many presence updates',
      )
    }
    if (!changes && !conn.docMessages.take(now)) {
      return this.refuse(conn, 'rate_doc', CloseCode.RATE_LIMITED, 'too many messages')
    }
    if (!changes) return
    if (canWrite(conn.role)) this.presence.apply(conn, message.update)
    else this.presence.answerViewer(conn) // [3]
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    if (!canWrite(conn.role)) {
      // Two bytes is an empty update: what a viewer with nothing new answers to step 1.
      if (update.length > 2) {
        this.options.metrics.refusedMessage('read_only')
        if (!conn.deniedWrite) {
          conn.deniedWrite = true
          conn.send(encodePermissionDenied(READ_ONLY_REASON))
        }
      }
      return
    }
    const verdict = this.guard.check(update)
    if (!verdict.ok) {
      this.options.log(`refused an update on board ${this.boardId}: ${verdict.reason}`)
      const reason = verdict.reason === UNAPPLIABLE ? 'update_failed' : 'invalid_record'
      return this.refuse(conn, reason, CloseCode.UPDATE_REJECTED, verdict.reason)
    }
    if (!verdict.update) return
    const size = this.sizeAfter(verdict.update)
    if (size === 'too large') {
      this.guard.rebuild() // the shadow holds the refused update
      const reason = `board too large (limit ${this.options.limits.maxBoardBytes} bytes)`
      this.options.log(`refused an update on board ${this.boardId}: ${reason}`)
      return this.refuse(conn, 'board_too_large', CloseCode.TOO_LARGE, reason)
    }
    try {
      Y.applyUpdate(this.doc, verdict.update, conn)
    } catch (error) {
      // Cannot happen (the shadow just integrated the same changes); if it does, the
      // shadow must not stay ahead of the doc.
      this.guard.rebuild()
      throw error
    }
    if (size === 'compact') this.compact()
  }

  /**
   * Whether the board may take an update the guard accepted. Cheap while the stored bytes
   * stay under the limit; past it the board is measured, and compacted if it may grow.
   */
  private sizeAfter(update: Uint8Array): 'fits' | 'compact' | 'too large' {
    const max = this.options.limits.maxBoardBytes
    if (this.storedBytes + update.length <= max) return 'fits'
    const after = this.guard.shadowSize()
    if (after <= max) return 'compact'
    // An oversized board (say, after the limit was lowered) may still shrink.
    return after > Y.encodeStateAsUpdate(this.doc).length ? 'too large' : 'compact'
  }

  private refuse(conn: Connection, why: RefusedMessageReason, code: number, reason: string): void {
    this.options.metrics.refusedMessage(why)
    conn.close(code, reason)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.closed) return
    const { store, metrics } = this.options
    const started = performance.now()
    try {
      this.lastStoredId = store.appendUpdate(this.boardId, update)
    } catch (error) {
      metrics.storageWrite(false)
      return this.failStorage(error)
    }
    metrics.persisted((performance.now() - started) / 1000)
    metrics.storageWrite(true)
    this.storedBytes += update.length
    const message = encodeSyncUpdate(update)
    for (const conn of this.connections) if (conn !== origin) conn.send(message)
    this.updatesSinceCompaction++
    if (this.updatesSinceCompaction >= this.options.compactAfterUpdates) this.compact()
  }

  /** Stores the in-memory doc as the new state and drops the log rows it contains. */
  compact(): void {
    if (this.closed || this.updatesSinceCompaction === 0) return
    try {
      const state = Y.encodeStateAsUpdate(this.doc)
      this.options.store.compact(this.boardId, state, this.lastStoredId)
      this.storedBytes = state.length
      this.updatesSinceCompaction = 0
      this.options.metrics.compacted(true)
    } catch (error) {
      // The log still holds everything, so nothing is lost; try again at the next threshold.
      this.updatesSinceCompaction = 0
      this.options.metrics.compacted(false)
      this.options.log(`compaction failed for board ${this.boardId}: ${String(error)}`)
    }
  }

  private failStorage(error: unknown): void {
    this.closed = true
    this.options.log(`storage failed for board ${this.boardId}: ${String(error)}`)
    this.options.onStorageFailure(this)
    this.closeAll(CloseCode.STORAGE_FAILED, 'storage unavailable')
    // Destroying the doc from inside its own update event would cut Yjs's cleanup short.
    setImmediate(() => this.destroy())
  }

  closeAll(code: number, reason: string): void {
    for (const conn of this.connections) conn.close(code, reason)
  }

  destroy(): void {
    this.closed = true
    this.doc.off('update', this.onDocUpdate)
    this.presence.destroy()
    this.guard.destroy()
    this.doc.destroy()
  }
}

// [1] So a broadcast change is always a stored change. If the append throws, the room
//     closes every connection with 4503 and is dropped from memory; the clients reconnect
//     to a room loaded from disk and resend, in their sync step 2, what was not stored.
// [2] Every stored byte is part of the board or of the log that compaction folds away, so
//     while state + log fit the limit, so does the board, and the check costs nothing. Past
//     it, the shadow (which holds the update) is encoded: the exact size after the update.
//     An accepted update then compacts the log, so the next ones are cheap again; near the
//     limit, every (maxBoardBytes - board size) bytes of updates pay one encode.
// [3] A projector's cursor is noise, so a viewer's awareness is not applied or forwarded;
//     the viewer still gets an answer now and then (AwarenessRelay.answerViewer).
