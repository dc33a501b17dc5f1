import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateChanges } from './updateChanges.js'

function board(): Y.Doc {
  const doc = new Y.Doc()
  const records = doc.getMap('records')
  records.set('shape:a', { text: 'blijft' })
  records.set('shape:b', { text: 'weg' })
  records.delete('shape:b')
  return doc
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

describe('updateChanges', () => {
  it('is false for the same board, delete set and all, and for an empty update', () => {
    const doc = board()
    expect(updateChanges(doc, Y.encodeStateAsUpdate(copyOf(doc)))).toBe(false)
    expect(updateChanges(doc, Y.encodeStateAsUpdate(new Y.Doc()))).toBe(false)
  })

  it('is true for a new item', () => {
    const doc = board()
    const copy = copyOf(doc)
    copy.getMap('records').set('shape:c', { text: 'nieuw' })
    expect(updateChanges(doc, Y.encodeStateAsUpdate(copy))).toBe(true)
  })

  it('is true for deleting an item the board still holds, alone or among known deletions', () => {
    const doc = board()
    const copy = copyOf(doc)
    copy.getMap('records').delete('shape:a')
    expect(updateChanges(doc, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc)))).toBe(true)
    expect(updateChanges(doc, Y.encodeStateAsUpdate(copy))).toBe(true)
  })

  it('is true, without throwing, for bytes Yjs cannot read', () => {
    expect(updateChanges(board(), new Uint8Array([0xff, 0xff, 0xff, 0x7f, 1, 2, 3]))).toBe(true)
  })
})
