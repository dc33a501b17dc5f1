import type { WebSocket } from 'ws'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { CloseCode, READ_ONLY_REASON, canWrite } from '@wijktafel/shared'
import type { Role } from '@wijktafel/shared'
import type { BoardStore } from '../persistence/BoardStore.js'
import { loadBoardDoc } from '../persistence/loadBoardDoc.js'
import type { Logger } from '../config.js'
import type { BoardRules } from '../records/BoardRules.js'
import { fitCloseReason } from './closeReason.js'
import { UpdateGuard } from './UpdateGuard.js'
import {
  MalformedMessageError,
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './messages.js'

/** One socket in a room. Also the origin of the doc and awareness changes it makes. */
export class Connection {
  /** Awareness client ids this socket has announced; removed when it closes. */
  readonly clientIds = new Set<number>()
  deniedWrite = false
  closed = false
  constructor(
    readonly socket: WebSocket,
    readonly role: Role,
  ) {}

  send(message: Uint8Array): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN) this.socket.send(message)
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, fitCloseReason(reason))
  }
}

export interface RoomOptions {
  boardId: string
  store: BoardStore
  compactAfterUpdates: number
  /** What the doc may hold; every editor's update is checked against it first. */
  rules: BoardRules
  log: Logger
  /** Called once when an update could not be stored; the manager forgets the room. */
  onStorageFailure(room: Room): void
}

/**
 * One board in memory: its Y.Doc, its awareness and its connections. An editor's update
 * reaches the doc only when its UpdateGuard accepts every record it writes; every doc
 * change is appended to the store before any other connection hears of it [1].
 */
export class Room {
  readonly boardId: string
  readonly doc: Y.Doc
  readonly awareness: awarenessProtocol.Awareness
  private readonly guard: UpdateGuard
  private readonly connections = new Set<Connection>()
  private lastStoredId: number
  private updatesSinceCompaction = 0
  /** Set when storage failed or the room was destroyed: it must not touch anything again. */
  private closed = false

  constructor(private readonly options: RoomOptions) {
    this.boardId = options.boardId
    const stored = options.store.loadDoc(this.boardId)
    this.doc = loadBoardDoc(stored)
    this.lastStoredId = stored.lastUpdateId
    this.updatesSinceCompaction = stored.updates.length
    this.guard = new UpdateGuard(this.doc, options.rules)
    // The server has no presence of its own; the constructor sets an empty local state.
    this.awareness = new awarenessProtocol.Awareness(this.doc)
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    if (this.updatesSinceCompaction > 0) this.compact()
  }

  get connectionCount(): number {
    return this.connections.size
  }

  add(socket: WebSocket, role: Role): Connection {
    const conn = new Connection(socket, role)
    this.connections.add(conn)
    conn.send(encodeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) conn.send(encodeAwareness(this.awareness, states))
    return conn
  }

  remove(conn: Connection): void {
    conn.closed = true
    if (!this.connections.delete(conn) || this.closed) return
    awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], conn)
  }

  handleFrame(conn: Connection, frame: Uint8Array, isBinary: boolean): void {
    if (this.closed || conn.closed) return
    if (!isBinary) return conn.close(CloseCode.BAD_MESSAGE, 'binary frames only')
    let message
    try {
      message = decodeClientMessage(frame)
    } catch (error) {
      if (!(error instanceof MalformedMessageError)) throw error
      return conn.close(CloseCode.BAD_MESSAGE, 'malformed message')
    }
    switch (message.kind) {
      case 'sync-step1':
        // Viewers need the board too, so everyone gets an answer.
        return conn.send(encodeSyncStep2(this.doc, message.stateVector))
      case 'sync-step2':
      case 'sync-update':
        return this.applyClientUpdate(conn, message.update)
      case 'awareness':
        if (!canWrite(conn.role)) return this.sendAllAwareness(conn) // [2]
        try {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, conn)
        } catch {
          conn.close(CloseCode.BAD_MESSAGE, 'malformed message')
        }
        return
      case 'query-awareness':
        return this.sendAllAwareness(conn)
    }
  }

  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    if (!canWrite(conn.role)) {
      // Two bytes is an empty update: what a viewer with nothing new answers to step 1.
      if (update.length > 2 && !conn.deniedWrite) {
        conn.deniedWrite = true
        conn.send(encodePermissionDenied(READ_ONLY_REASON))
      }
      return
    }
    const verdict = this.guard.check(update)
    if (!verdict.ok) {
      this.options.log(`refused an update on board ${this.boardId}: ${verdict.reason}`)
      return conn.close(CloseCode.UPDATE_REJECTED, verdict.reason)
    }
    if (!verdict.update) return
    try {
      Y.applyUpdate(this.doc, verdict.update, conn)
    } catch (error) {
      // Cannot happen (the shadow just integrated the same changes); if it does, the
      // shadow must not stay ahead of the doc.
      this.guard.rebuild()
      throw error
    }
  }

  private sendAllAwareness(conn: Connection): void {
    conn.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]))
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (this.closed) return
    try {
      this.lastStoredId = this.options.store.appendUpdate(this.boardId, update)
    } catch (error) {
      return this.failStorage(error)
    }
    const message = encodeSyncUpdate(update)
    for (const conn of this.connections) if (conn !== origin) conn.send(message)
    this.updatesSinceCompaction++
    if (this.updatesSinceCompaction >= this.options.compactAfterUpdates) this.compact()
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Connection) {
      for (const id of [...added, ...updated]) origin.clientIds.add(id)
      for (const id of removed) origin.clientIds.delete(id)
    }
    const message = encodeAwareness(this.awareness, [...added, ...updated, ...removed])
    // The sender hears its own state back too: a lone client would otherwise hear nothing
    // for 30 s and reconnect.
    for (const conn of this.connections) conn.send(message)
  }

  /** Stores the in-memory doc as the new state and drops the log rows it contains. */
  compact(): void {
    if (this.closed || this.updatesSinceCompaction === 0) return
    try {
      this.options.store.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), this.lastStoredId)
      this.updatesSinceCompaction = 0
    } catch (error) {
      // The log still holds everything, so nothing is lost; try again at the next threshold.
      this.updatesSinceCompaction = 0
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
    this.awareness.off('update', this.onAwarenessUpdate)
    this.guard.destroy()
    this.doc.destroy() // also destroys the awareness and its timer
  }
}

// [1] So a broadcast change is always a stored change. If the append throws, the room
//     closes every connection with 4503 and is dropped from memory; the clients reconnect
//     to a room loaded from disk and resend, in their sync step 2, what was not stored.
// [2] A projector's cursor is noise, so a viewer's awareness is not applied or forwarded.
//     The reply keeps its client from reconnecting after 30 s of silence.
