import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqliteBoardStore } from './SqliteBoardStore.js'
import type { SqliteBoardStore } from './SqliteBoardStore.js'

const EMPTY_DOC = Y.encodeStateAsUpdate(new Y.Doc())
const createdAt = new Date(0).toISOString()

describe('SqliteAssetStore', () => {
  const stores: SqliteBoardStore[] = []
  afterEach(() => {
    for (const store of stores.splice(0)) store.close()
  })

  /** A store with two boards, A and B, each with one photo. */
  function storeWithTwoBoards() {
    const store = openSqliteBoardStore(':memory:')
    stores.push(store)
    for (const id of ['A', 'B']) {
      const boardId = id.repeat(22)
      store.createBoard({ id: boardId, title: id, createdAt }, [], EMPTY_DOC)
      store.assets.addAsset({
        id: id.toLowerCase().repeat(22),
        boardId,
        type: 'image/png',
        data: new Uint8Array([1, 2, 3]),
        createdAt,
      })
    }
    return store
  }

  it('finds a photo only under its own board', () => {
    const store = storeWithTwoBoards()
    expect(store.assets.getAsset('A'.repeat(22), 'a'.repeat(22))?.data).toEqual(
      new Uint8Array([1, 2, 3]),
    )
    expect(store.assets.getAsset('B'.repeat(22), 'a'.repeat(22))).toBeUndefined()
  })

  it('deleteBoardAssets removes every photo of that board and none of another', () => {
    const store = storeWithTwoBoards()
    expect(store.assets.deleteBoardAssets('A'.repeat(22))).toBe(1)
    expect(store.assets.countAssets('A'.repeat(22))).toBe(0)
    expect(store.assets.countAssets('B'.repeat(22))).toBe(1)
  })

  it('a deleted board takes its photos with it', () => {
    const store = storeWithTwoBoards()
    store.database.prepare('DELETE FROM boards WHERE id = ?').run('A'.repeat(22))
    expect(store.assets.countAssets('A'.repeat(22))).toBe(0)
    expect(store.assets.countAssets('B'.repeat(22))).toBe(1)
  })

  it('a photo cannot belong to a board that does not exist', () => {
    const store = storeWithTwoBoards()
    expect(() =>
      store.assets.addAsset({
        id: 'c'.repeat(22),
        boardId: 'C'.repeat(22),
        type: 'image/gif',
        data: new Uint8Array([1]),
        createdAt,
      }),
    ).toThrow(/FOREIGN KEY/)
  })
})
