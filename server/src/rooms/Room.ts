import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import { CloseCode, REFUSED_PREFIX, canWrite } from '@wijktafel/shared'
import type { Role } from '@wijktafel/shared'
import type { Logger } from '../config.js'
import type { MessageKind, RefusedMessageReason, RoomMetrics } from '../metrics/Metrics.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import type { GroupCommit } from '../persistence/GroupCommit.js'
import type { RuleChain } from '../rules/index.js'
import { AwarenessRelay } from './AwarenessRelay.js'
import { fitCloseReason } from './closeReason.js'
import { Connection } from './Connection.js'
import type { RateLimits } from './Connection.js'
import { RoomStorage } from './RoomStorage.js'
import { UNAPPLIABLE, UpdateGuard } from './UpdateGuard.js'
import type { Correction, GuardVerdict } from './UpdateGuard.js'
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
  /** What an update may write; every editor's update passes this chain first. */
  rules: RuleChain
  metrics: RoomMetrics
  log: Logger
  /** The group commit of the store, shared by every room. */
  commits: GroupCommit
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

/** The origin of a corrected update in the doc: it goes to every connection. */
const CORRECTED = Symbol('corrected')
/** The origin of a change the server itself makes (a restore): it goes to every connection. */
const SERVER_CHANGE = Symbol('server change')

/**
 * One board in memory: its Y.Doc, its presence and its connections. It only sequences: a
 * frame is decoded, the connection's role and rates are checked, an editor's update passes
 * the rule chain on the guard's shadow, then it is applied, stored (with every update of the
 * tick, in one transaction) and only then sent on to the others [1]; an update with refused
 * keys put back goes to its writer as well, who is told why [3]. What is allowed lives in
 * rules/, how it is stored in RoomStorage.
 */
export class Room {
  readonly boardId: string
  readonly doc: Y.Doc
  private readonly presence: AwarenessRelay
  private readonly guard: UpdateGuard
  private readonly storage: RoomStorage
  private readonly connections = new Set<Connection>()
  /** Set when storage failed or the room was destroyed: it must not touch anything again. */
  private closed = false
  /** Some of its updates wait for the group commit; so does everything sent meanwhile. */
  private holding = false
  /** Whether anyone ever connected while the room was in memory (automatic versions). */
  hadConnections = false
  /** Y.encodeSnapshot of the doc as loaded: "changed since" for a board without versions. */
  readonly loadedSnapshot: Uint8Array

  constructor(private readonly options: RoomOptions) {
    const { boardId, store, compactAfterUpdates, limits, metrics, log, commits } = options
    this.boardId = boardId
    this.storage = new RoomStorage({
      boardId,
      store,
      compactAfterUpdates,
      maxBoardBytes: limits.maxBoardBytes,
      metrics,
      log,
      commits,
      onCommitted: () => this.onCommitted(),
      onFailed: () => this.failStorage(),
    })
    this.doc = this.storage.doc
    this.loadedSnapshot = Y.encodeSnapshot(Y.snapshot(this.doc))
    this.guard = new UpdateGuard(this.doc, options.rules, {
      boardId,
      storedBytes: () => this.storage.storedBytes,
    })
    this.presence = new AwarenessRelay(this.doc, () => this.connections, limits.awarenessFlushMs)
    this.doc.on('update', this.onDocUpdate)
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Bytes of the board as stored (state plus log): its weight in memory, without an encode. */
  get storedBytes(): number {
    return this.storage.storedBytes
  }

  /** Adds this room's connections to `counts`, by role (for the metrics). */
  countByRole(counts: Record<Role, number>): void {
    for (const conn of this.connections) counts[conn.role]++
  }

  /** `id`: unique within the server process, for the rules and the logs. */
  add(socket: WebSocket, role: Role, id: number): Connection {
    const { limits, metrics } = this.options
    const conn = new Connection(socket, role, limits, metrics, performance.now(), id)
    this.connections.add(conn)
    this.hadConnections = true
    if (this.holding) conn.hold()
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
    if (!conn.admit('doc', now)) return
    switch (message.kind) {
      case 'sync-step1':
        if (!conn.admit('sync-step1', now)) return
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
    if (!conn.admit(changes ? 'presence' : 'doc', now) || !changes) return
    if (canWrite(conn.role)) this.presence.apply(conn, message.update)
    else this.presence.answerViewer(conn) // [2]
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    if (!conn.mayWrite(update, this.doc)) return
    const verdict = this.guard.check(update, conn)
    if (!verdict.ok) {
      this.options.log(`refused an update on board ${this.boardId}: ${verdict.reason}`)
      return this.refuse(conn, refusedMessageReason(verdict), verdict.code, verdict.reason)
    }
    if (!verdict.update) return
    const corrected = verdict.corrections.length > 0
    try {
      Y.applyUpdate(this.doc, verdict.update, corrected ? CORRECTED : conn)
    } catch (error) {
      // Cannot happen (the shadow just integrated the same changes); if it does, the
      // shadow must not stay ahead of the doc.
      this.guard.rebuild()
      throw error
    }
    if (corrected) this.tellCorrected(conn, verdict.corrections)
  }

  /** After its update went out with refused keys put back: one message, the first reason. */
  private tellCorrected(conn: Connection, corrections: readonly Correction[]): void {
    const [first] = corrections
    if (this.closed || !first) return
    this.options.metrics.refusedMessage('corrected_record')
    const more = corrections.length > 1 ? ` (and ${corrections.length - 1} more)` : ''
    this.options.log(`corrected an update on board ${this.boardId}: ${first.reason}${more}`)
    conn.send(encodePermissionDenied(fitCloseReason(REFUSED_PREFIX + first.reason)))
  }

  private refuse(conn: Connection, why: RefusedMessageReason, code: number, reason: string): void {
    this.options.metrics.refusedMessage(why)
    conn.close(code, reason)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.closed) return
    this.storage.append(update)
    this.hold()
    const message = encodeSyncUpdate(update)
    for (const conn of this.connections) if (conn !== origin) conn.send(message)
  }

  /** Until the queued updates are stored, nothing goes out to this room's connections [1]. */
  private hold(): void {
    if (this.holding) return
    this.holding = true
    for (const conn of this.connections) conn.hold()
  }

  private onCommitted(): void {
    if (this.closed) return
    this.holding = false
    for (const conn of this.connections) conn.release()
    this.storage.compactIfDue()
  }

  /**
   * Makes a change of the server's own (a restore) in one transaction: stored, then sent to
   * every connection like any update [4]. False when the room is closed or storing failed.
   */
  applyServerChange(change: (doc: Y.Doc) => void): boolean {
    if (this.closed) return false
    this.doc.transact(() => change(this.doc), SERVER_CHANGE)
    // The caller answers when this returns: stored by then, not at the end of the tick.
    this.options.commits.flush()
    if (this.closed) return false
    this.guard.rebuild()
    return true
  }

  /**
   * Stores what is queued (of every room), then the in-memory doc as the new state, and
   * drops the log rows it contains. Before a room leaves memory and at shutdown.
   */
  compact(): void {
    if (this.closed) return
    this.options.commits.flush()
    if (!this.closed) this.storage.compact()
  }

  private failStorage(): void {
    this.closed = true
    this.options.onStorageFailure(this)
    this.closeAll(CloseCode.STORAGE_FAILED, 'storage unavailable')
    // Destroying the doc from inside its own update event would cut Yjs's cleanup short.
    setImmediate(() => this.destroy())
  }

  /** Closes this room's connections, or only those `which` picks; what they held is dropped. */
  closeAll(code: number, reason: string, which: (conn: Connection) => boolean = () => true): void {
    for (const conn of this.connections) {
      if (!which(conn)) continue
      conn.discard()
      conn.close(code, reason)
    }
  }

  destroy(): void {
    this.closed = true
    // A deleted board's queued updates must not be stored (nor fail the others' batch).
    this.storage.withdraw()
    this.doc.off('update', this.onDocUpdate)
    this.presence.destroy()
    this.guard.destroy()
    this.doc.destroy()
  }
}

function refusedMessageReason(verdict: GuardVerdict & { ok: false }): RefusedMessageReason {
  if (verdict.reason === UNAPPLIABLE) return 'update_failed'
  // What else closes: writes outside `records`, `meta` and `meeting` (structureRule).
  return verdict.code === CloseCode.TOO_LARGE ? 'board_too_large' : 'invalid_structure'
}

// [1] So a broadcast change is always a stored change. An update is applied to the doc (and
//     the guard's shadow) at once, so the next update, in this tick too, is judged against
//     it; its append waits for the end of the tick (GroupCommit), and from then until the
//     commit every connection of the room holds what it sends (Connection [1]): the update
//     itself, an answer to sync step 1 built from a doc that holds it, the refusal after a
//     corrected update. If the batch fails, the room discards all that, closes every
//     connection with 4503 and is dropped from memory, so no later update is judged against
//     a doc that holds something unstored; the clients reconnect to a room loaded from disk
//     and resend, in their sync step 2, what was not stored.
// [2] A projector's cursor is noise, so a viewer's awareness is not applied or forwarded;
//     the viewer still gets an answer now and then (AwarenessRelay.answerViewer).
// [3] Its writer already holds the refused values and the merged update overwrites them
//     (UpdateGuard [4]), so the writer needs it as much as the others do. The permission-
//     denied message (`refused:<reason>`, shared/src/protocol/refusals.ts) comes after it,
//     so the client has converged when it shows why; what the writer sends next syncs as
//     usual. One message per update, however many keys were put back.
// [4] The rules are for what clients write; the server's own change is not judged. The
//     guard's shadow must hold what the doc holds, or the clients' next updates (which
//     build on the change) would look to it as if they depended on changes it never saw.
