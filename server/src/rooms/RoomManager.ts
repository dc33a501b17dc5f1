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
import type { Metrics, RoomMetrics } from '../metrics/Metrics.js'
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
  /** Boards held in memory at most, and their stored bytes at most [1]. */
  maxRooms: number
  maxDocBytesInMemory: number
  /** What an update may write (createRuleChain). */
  rules: RuleChain
  metrics: RoomMetrics & Pick<Metrics, 'roomEvicted' | 'refusedRequest'>
  log: Logger
  /**
   * Called when a room that had people in it leaves memory (the last one left ROOM_IDLE_MS
   * ago, or the server shuts down with nobody in it): the automatic 'last-left' version.
   */
  onLastLeft?: (room: Room) => void
}

/** No board more fits in memory: every room there has people in it [1]. */
export class MemoryFullError extends Error {
  readonly code = 'memory_full'
  constructor() {
    super('the boards in memory are at maxRooms or maxDocBytesInMemory, and all are in use')
    this.name = 'MemoryFullError'
  }
}

/** An open board's queued updates could not be stored: its doc holds uncommitted edits. */
export class StorageUnavailableError extends Error {
  readonly code = 'storage_unavailable'
  constructor(boardId: string) {
    super(`the updates of board ${boardId} could not be stored`)
    this.name = 'StorageUnavailableError'
  }
}

/**
 * Keeps one Room per board that has connections, loading it from the store on the first
 * connection and evicting it roomIdleMs after the last one left, or earlier, least recently
 * used first, when another board needs its place in memory [1].
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>()
  /** The rooms nobody is in, in the order they became idle (a Map keeps insertion order). */
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

  /** Stored bytes (state plus log) of the boards in memory: kept by each room, no encode. */
  get docBytes(): number {
    let sum = 0
    for (const room of this.rooms.values()) sum += room.storedBytes
    return sum
  }

  /**
   * Whether `boardId`'s room is in memory or one more fits, after storing and evicting the
   * least recently used idle rooms as needed. The upgrade asks before accepting a socket,
   * so a full server answers 503 instead of evicting a meeting.
   */
  makeRoomFor(boardId: string): boolean {
    return this.rooms.has(boardId) || this.fitMemory(1)
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
      // The upgrade made room just before (makeRoomFor); if another board took it, retry.
      if (error instanceof MemoryFullError) socket.close(CloseCode.GOING_AWAY, 'server full')
      else socket.close(CloseCode.STORAGE_FAILED, 'storage unavailable')
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
      if (!this.fitMemory(1)) throw this.memoryFull()
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
      // Its size is known only now: idle rooms make way for it too [1].
      this.fitMemory(0)
    }
    return room
  }

  /**
   * Evicts idle rooms, longest idle first, until `adding` more rooms fit under both limits;
   * whether they do. Rooms with connections are never evicted.
   */
  private fitMemory(adding: 0 | 1): boolean {
    const { maxRooms, maxDocBytesInMemory } = this.options
    const fits = () =>
      this.rooms.size + adding <= maxRooms &&
      (adding ? this.docBytes < maxDocBytesInMemory : this.docBytes <= maxDocBytesInMemory)
    for (const boardId of [...this.idleTimers.keys()]) {
      if (fits()) return true
      const room = this.rooms.get(boardId)
      if (room && room.connectionCount === 0) this.evict(room, 'memory')
    }
    return fits()
  }

  private memoryFull(): MemoryFullError {
    this.options.metrics.refusedRequest('memory_full')
    return new MemoryFullError()
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
      this.evict(room, 'idle')
    }, this.options.roomIdleMs)
    timer.unref()
    // Deleted first, so the room moves to the end: the idle order is the order of last use.
    this.idleTimers.delete(room.boardId)
    this.idleTimers.set(room.boardId, timer)
  }

  /** The one way a room leaves memory with its board kept: versioned, stored, freed. */
  private evict(room: Room, reason: 'idle' | 'memory'): void {
    this.forget(room)
    this.lastLeft(room)
    room.compact()
    room.destroy()
    this.options.metrics.roomEvicted(reason)
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
   * Runs `use` with the board's doc as it is now, committed: the room's when the board is
   * open (after storing what this tick queued [2]), else one loaded from the store for this
   * call only (never written to). Throws StorageUnavailableError when that storing failed.
   */
  readDoc<T>(boardId: string, use: (doc: Y.Doc) => T): T {
    const room = this.rooms.get(boardId)
    if (room) {
      this.commits.flush()
      // A failed batch closes the room and takes it out of `rooms` (onStorageFailure).
      if (this.rooms.get(boardId) !== room) throw new StorageUnavailableError(boardId)
      return use(room.doc)
    }
    // Held only for this call, but held all the same: it needs the place of a room.
    if (!this.fitMemory(1)) throw this.memoryFull()
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
   * stored and sent like every other change. Throws MemoryFullError when it does not fit.
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

// [1] A room costs memory by its document; the stored bytes (the state plus the log after
//     it) are what RoomStorage already counts, never less than the encoded board. A board's
//     size is known only once it is loaded, so the limits are checked before loading (one
//     more room must fit, and the bytes must be under their limit) and idle rooms are
//     evicted again after it: the bytes can pass their limit by at most the last board
//     loaded. When every room in memory has people in it, a new board is refused (503 on
//     the upgrade and on the HTTP routes that load a board) rather than a meeting evicted:
//     the people of a refused board retry, the people of an evicted one would all have to
//     reconnect and resync. Idle rooms go oldest first, through the same path as after
//     roomIdleMs (an automatic version, then compaction): nothing is lost.
// [2] An update is applied to the room's doc at once but stored at the end of the tick
//     (GroupCommit). Read without the flush, an export or a named version made in the same
//     tick could hold an edit that is then lost when its batch fails: the edit's sender
//     was never told it was stored, but the file or the version would have it. Flushing
//     first stores it, or fails the room, and then nothing of its doc may be handed out.
