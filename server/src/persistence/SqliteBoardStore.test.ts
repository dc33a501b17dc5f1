import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

const EMPTY_DOC = Y.encodeStateAsUpdate(new Y.Doc())
import { loadBoardDoc } from './loadBoardDoc.js'
import { openSqliteBoardStore } from './SqliteBoardStore.js'
import type { BoardStore } from './BoardStore.js'

const board = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  title: 'De Horst',
  createdAt: new Date(0).toISOString(),
}

describe('SqliteBoardStore', () => {
  const dirs: string[] = []
  const stores: BoardStore[] = []
  afterEach(() => {
    for (const store of stores.splice(0)) store.close()
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })
  function open(file = ':memory:'): BoardStore {
    const store = openSqliteBoardStore(file)
    stores.push(store)
    return store
  }

  it('finds a board and its tokens by hash, and nothing for unknown ones', () => {
    const store = open()
    store.createBoard(
      board,
      [
        { hash: 'f'.repeat(64), role: 'facilitator' },
        { hash: 'e'.repeat(64), role: 'viewer' },
      ],
      EMPTY_DOC,
    )
    expect(store.getBoard(board.id)).toEqual({ ...board, linkEpoch: 0 })
    expect(store.findToken('e'.repeat(64))).toEqual({ boardId: board.id, role: 'viewer' })
    expect(store.findToken('0'.repeat(64))).toBeUndefined()
    expect(store.getBoard('BBBBBBBBBBBBBBBBBBBBBB')).toBeUndefined()
    expect(store.countBoards()).toBe(1)
  })

  it('rebuilds the same document after 1000 appends and a compaction, on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijktafel-store-'))
    dirs.push(dir)
    const file = join(dir, 'test.sqlite')
    let store = open(file)
    store.createBoard(board, [], EMPTY_DOC)
    const doc = new Y.Doc()
    doc.on('update', (update: Uint8Array) => store.appendUpdate(board.id, update))
    const map = doc.getMap<number>('records')
    for (let i = 0; i < 1000; i++) map.set(`shape:${i % 50}`, i)

    const before = loadBoardDoc(store.loadDoc(board.id))
    expect(before.getMap('records').toJSON()).toEqual(map.toJSON())
    const stored = store.loadDoc(board.id)
    expect(stored.updates).toHaveLength(1000)
    store.compact(board.id, Y.encodeStateAsUpdateV2(before), stored.lastUpdateId)
    map.set('shape:after', 1)
    store.close()

    store = open(file)
    const reloaded = store.loadDoc(board.id)
    expect(reloaded.updates).toHaveLength(1)
    expect(reloaded.state).not.toBeNull()
    expect(reloaded.stateEncoding).toBe('v2')
    expect(loadBoardDoc(reloaded).getMap('records').toJSON()).toEqual(map.toJSON())
  })
})
