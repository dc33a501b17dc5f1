import type { RawData, WebSocket } from 'ws'
import type * as Y from 'yjs'
import {
  CloseCode,
  RELOAD_NEEDED_REASON,
  YDOC_META,
  YDOC_META_SCHEMA,
  lowerSequence,
  readDocSchema,
} from '@wijktafel/shared'
import type { DocSchema, Role } from '@wijktafel/shared'
import type { Logger } from '../config.js'
import type { RoomMetrics } from '../metrics/Metrics.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import { GroupCommit } from '../persistence/GroupCommit.js'
import { loadBoardDoc } from '../persistence/loadBoardDoc.js'
import type { RuleChain } from '../rules/index.js'
import { Room } from './Room.js'
import type { Connection, RoomLimits } from './Room.js'

export interface RoomManagerOptions {
  store: BoardStore
  roomIdleMs: number
  compactAfterUpdates: number
  limits: RoomLimits
  /** What an update may write (createRuleChain). */
  rules: RuleChain
  metrics: RoomMetrics
  log: Logger
  /**
   * Called when a room that had people in it leaves memory (the last one left ROOM_IDLE_MS
   * ago, or the server shuts down with nobody in it): the automatic 'last-left' version.
   */
  onLastLeft?: (room: Room) => void
}

/**
 * Keeps one Room per board that has connections, loading it from the store on the first
 * connection and evicting it roomIdleMs after the last one left.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<string, NodeJS.Timeout>()
  private connectionsAccepted = 0
  /** All rooms' updates of one tick go to the store in one transaction. */
  private readonly commits: GroupCommit

  constructor(private readonly options: RoomManagerOptions) {
    this.commits = new GroupCommit(options.store)
  }

  get roomCount(): number {
    return this.rooms.size
  }

  /** Open connections of all rooms, by role. */
  connectionsByRole(): Record<Role, number> {
    const counts: Record<Role, number> = { facilitator: 0, editor: 0, viewer: 0 }
    for (const room of this.rooms.values()) room.countByRole(counts)
    return counts
  }

  /**
   * Wires an accepted socket into its board's room. A client that declared a `schema` older
   * than the board's is closed with 4426 at once: only a reload (a newer app) helps it.
   */
  accept(boardId: string, socket: WebSocket, role: Role, schema: DocSchema | null = null): void {
    // An oversized frame emits 'error'; without a listener it would crash the process.
    // ws then closes the socket itself: 1009 for size, 1002/1007 for protocol errors.
    socket.on('error', (error: Error & { code?: string }) => {
      const tooBig = error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
      this.options.metrics.refusedMessage(tooBig ? 'too_big' : 'ws_protocol')
      this.options.log(`ws error on board ${boardId}: ${error.message}`)
    })
    let room: Room
    try {
      room = this.open(boardId)
    } catch (error) {
      this.options.log(`could not load board ${boardId}: ${String(error)}`)
      socket.close(CloseCode.STORAGE_FAILED, 'storage unavailable')
      return
    }
    const conn = room.add(socket, role, ++this.connectionsAccepted)
    socket.on('message', (data, isBinary) => {
      try {
        room.handleFrame(conn, toBytes(data), isBinary)
      } catch (error) {
        // A bug must cost one connection, never the process or the room.
        this.options.log(`unexpected error on board ${boardId}: ${String(error)}`)
        conn.close(1011, 'internal error')
      }
    })
    socket.on('close', () => this.leave(room, conn))
    conn.schema = schema
    const board = readDocSchema(room.doc.getMap(YDOC_META).get(YDOC_META_SCHEMA))
    const lower = schema && lowerSequence(schema, board)
    if (lower) {
      this.options.log(`board ${boardId}: a client at an older ${lower} must reload`)
      conn.close(CloseCode.RELOAD_NEEDED, RELOAD_NEEDED_REASON)
    }
  }

  private open(boardId: string): Room {
    const timer = this.idleTimers.get(boardId)
    if (timer) {
      clearTimeout(timer)
      this.idleTimers.delete(boardId)
    }
    let room = this.rooms.get(boardId)
    if (!room) {
      room = new Room({
        boardId,
        store: this.options.store,
        compactAfterUpdates: this.options.compactAfterUpdates,
        limits: this.options.limits,
        rules: this.options.rules,
        metrics: this.options.metrics,
        log: this.options.log,
        commits: this.commits,
        onStorageFailure: (failed) => this.forget(failed),
      })
      this.rooms.set(boardId, room)
    }
    return room
  }

  private leave(room: Room, conn: Connection): void {
    room.remove(conn)
    this.evictWhenIdle(room)
  }

  /** Leaves memory roomIdleMs from now unless someone connects meanwhile. */
  private evictWhenIdle(room: Room): void {
    if (this.rooms.get(room.boardId) !== room || room.connectionCount > 0) return
    const previous = this.idleTimers.get(room.boardId)
    if (previous) clearTimeout(previous)
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.boardId)
      if (room.connectionCount > 0) return
      this.forget(room)
      this.lastLeft(room)
      room.compact()
      room.destroy()
    }, this.options.roomIdleMs)
    timer.unref()
    this.idleTimers.set(room.boardId, timer)
  }

  private lastLeft(room: Room): void {
    if (!room.hadConnections || !this.options.onLastLeft) return
    try {
      this.options.onLastLeft(room)
    } catch (error) {
      this.options.log(`could not keep a version of board ${room.boardId}: ${String(error)}`)
    }
  }

  /**
   * Runs `use` with the board's doc as it is now: the room's when the board is open, else
   * one loaded from the store for this call only (never written to).
   */
  readDoc<T>(boardId: string, use: (doc: Y.Doc) => T): T {
    const room = this.rooms.get(boardId)
    if (room) return use(room.doc)
    const doc = loadBoardDoc(this.options.store.loadDoc(boardId))
    try {
      return use(doc)
    } finally {
      doc.destroy()
    }
  }

  /**
   * Runs `use` with the board's room, loading it if nobody is connected (it then leaves
   * memory after roomIdleMs like any room), so a change the server makes (a restore) is
   * stored and sent like every other change.
   */
  withRoom<T>(boardId: string, use: (room: Room) => T): T {
    const room = this.open(boardId)
    try {
      return use(room)
    } finally {
      this.evictWhenIdle(room)
    }
  }

  /**
   * The board was deleted: its connections are closed with 4404 and its room is dropped
   * from memory without storing anything more.
   */
  dropBoard(boardId: string): void {
    const room = this.rooms.get(boardId)
    const timer = this.idleTimers.get(boardId)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(boardId)
    if (!room) return
    this.forget(room)
    room.closeAll(CloseCode.BOARD_GONE, 'board gone')
    room.destroy()
  }

  /** Closes the board's open connections that `which` picks (e.g. after its links changed). */
  closeConnections(
    boardId: string,
    which: (conn: Connection) => boolean,
    code: number,
    reason: string,
  ): void {
    this.rooms.get(boardId)?.closeAll(code, reason, which)
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.boardId) !== room) return
    this.rooms.delete(room.boardId)
    const timer = this.idleTimers.get(room.boardId)
    if (timer) clearTimeout(timer)
    this.idleTimers.delete(room.boardId)
  }

  /** Shutdown: compact every room, close its sockets with 1001 and free it. */
  closeAll(): void {
    for (const room of [...this.rooms.values()]) {
      this.forget(room)
      // A room waiting to leave memory: its people have left (the server is going away).
      if (room.connectionCount === 0) this.lastLeft(room)
      room.compact()
      room.closeAll(CloseCode.GOING_AWAY, 'server shutting down')
      room.destroy()
    }
  }
}

/** Copies the frame into its own buffer, so no decoder can ever see pooled memory. */
function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data)
}
