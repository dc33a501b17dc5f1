import { afterEach, describe, expect, it } from 'vitest'
import { GroupCommit } from './GroupCommit.js'
import type { CommitWriter } from './GroupCommit.js'
import { openSqliteBoardStore } from './SqliteBoardStore.js'
import type { SqliteBoardStore } from './SqliteBoardStore.js'

const stores: SqliteBoardStore[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.close()
})

function storeWithBoards(...ids: string[]): SqliteBoardStore {
  const store = openSqliteBoardStore(':memory:')
  stores.push(store)
  for (const id of ids)
    store.createBoard({ id, title: id, createdAt: '' }, [], new Uint8Array([0, 0]))
  return store
}

/** A writer that notes what happened to it, in order. */
function writer(boardId: string, events: string[]): CommitWriter {
  return {
    boardId,
    stored: (update, id) => events.push(`${boardId} stored ${update[0]} as ${id}`),
    committed: () => events.push(`${boardId} committed`),
    failed: () => events.push(`${boardId} failed`),
  }
}

const bytes = (n: number) => new Uint8Array([n])

describe('GroupCommit', () => {
  it('stores what was queued in one tick in one transaction, in order, then tells each writer once', async () => {
    const store = storeWithBoards('a', 'b')
    let transactions = 0
    const commits = new GroupCommit({
      ...store,
      transaction: (write) => (transactions++, store.transaction(write)),
    })
    const events: string[] = []
    const [a, b] = [writer('a', events), writer('b', events)]
    commits.enqueue(a, bytes(1))
    commits.enqueue(b, bytes(2))
    commits.enqueue(a, bytes(3))
    expect(events).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(transactions).toBe(1)
    expect(events).toEqual([
      'a stored 1 as 1',
      'b stored 2 as 2',
      'a stored 3 as 3',
      'a committed',
      'b committed',
    ])
    expect(store.loadDoc('a').updates).toEqual([bytes(1), bytes(3)])
  })

  it('fails every writer of a batch when one append fails, and stores none of it', () => {
    const store = storeWithBoards('a')
    const commits = new GroupCommit(store)
    const events: string[] = []
    commits.enqueue(writer('a', events), bytes(1))
    // No such board: the foreign key refuses the row.
    commits.enqueue(writer('gone', events), bytes(2))
    commits.flush()
    expect(events).toEqual(['a failed', 'gone failed'])
    expect(store.loadDoc('a').updates).toEqual([])
  })

  it('drops what a withdrawn writer queued, so its deleted board fails nobody', () => {
    const store = storeWithBoards('a')
    const commits = new GroupCommit(store)
    const events: string[] = []
    const gone = writer('gone', events)
    commits.enqueue(writer('a', events), bytes(1))
    commits.enqueue(gone, bytes(2))
    commits.withdraw(gone)
    commits.flush()
    expect(events).toEqual(['a stored 1 as 1', 'a committed'])
  })

  it('fails only the writer whose release throws', () => {
    const store = storeWithBoards('a', 'b')
    const commits = new GroupCommit(store)
    const events: string[] = []
    const broken = {
      ...writer('a', events),
      committed: () => {
        throw new Error('bug')
      },
    }
    commits.enqueue(broken, bytes(1))
    commits.enqueue(writer('b', events), bytes(2))
    commits.flush()
    expect(events).toEqual(['a stored 1 as 1', 'b stored 2 as 2', 'a failed', 'b committed'])
  })
})
