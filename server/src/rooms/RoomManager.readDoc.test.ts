import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { defaultConfig } from '../config.js'
import { Metrics } from '../metrics/Metrics.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import { openSqliteBoardStore } from '../persistence/SqliteBoardStore.js'
import { createBoardSchema } from '../records/boardSchema.js'
import { createRuleChain } from '../rules/index.js'
import { RoomManager, StorageUnavailableError } from './RoomManager.js'

const BOARD = 'AAAAAAAAAAAAAAAAAAAAAA'
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A real SQLite store with one empty board, whose appends fail while `disk.full`. */
function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'wijktafel-readdoc-'))
  dirs.push(dir)
  const real = openSqliteBoardStore(join(dir, 'boards.sqlite'))
  real.createBoard(
    { id: BOARD, title: 'De Horst', createdAt: new Date(0).toISOString() },
    [],
    Y.encodeStateAsUpdate(new Y.Doc()),
  )
  const disk = { full: false }
  const store: BoardStore = {
    ...real,
    appendUpdate(boardId, update) {
      if (disk.full) throw new Error('SQLITE_FULL: database or disk is full')
      return real.appendUpdate(boardId, update)
    },
  }
  const metrics = new Metrics({
    rooms: () => 0,
    docBytes: () => 0,
    connections: () => ({}) as never,
  })
  const rooms = new RoomManager({
    store,
    roomIdleMs: 60_000,
    compactAfterUpdates: 1000,
    limits: defaultConfig,
    maxRooms: 10,
    maxDocBytesInMemory: 1e9,
    rules: createRuleChain(createBoardSchema(), defaultConfig),
    metrics,
    log: () => {},
  })
  return { rooms, disk, real }
}

/** The board's `records` map as `readDoc` hands it out. */
function readRecords(rooms: RoomManager): Record<string, unknown> {
  return rooms.readDoc(BOARD, (doc) => doc.getMap('records').toJSON())
}

describe('RoomManager.readDoc', () => {
  it('reads an open board with what this tick changed stored first', () => {
    const { rooms, real } = setup()
    rooms.withRoom(BOARD, (room) => room.doc.getMap('records').set('note', 'opgeslagen'))
    expect(readRecords(rooms)).toEqual({ note: 'opgeslagen' })
    // Stored by the read, not at the end of the tick.
    expect(real.loadDoc(BOARD).updates).toHaveLength(1)
  })

  it('hands out no edit its storing failed: the read of an open board throws StorageUnavailableError', () => {
    const { rooms, disk } = setup()
    rooms.withRoom(BOARD, (room) => room.doc.getMap('records').set('note', 'opgeslagen'))
    expect(readRecords(rooms)).toEqual({ note: 'opgeslagen' })

    disk.full = true
    rooms.withRoom(BOARD, (room) => room.doc.getMap('records').set('note', 'niet opgeslagen'))
    expect(() => readRecords(rooms)).toThrow(StorageUnavailableError)
    // The room is gone; with the disk back, a read loads what was stored.
    disk.full = false
    expect(rooms.roomCount).toBe(0)
    expect(readRecords(rooms)).toEqual({ note: 'opgeslagen' })
  })
})
