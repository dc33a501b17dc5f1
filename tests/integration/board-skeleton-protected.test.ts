import { describe, expect, it } from 'vitest'
import { CloseCode } from '@wijktafel/shared'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

/** A board with its document, one page and a shape, and two editors on it. */
async function boardWithTwoEditors(server: TestServer) {
  const board = await createBoard(server, 'De Horst')
  const a = connectClient(server, board.id, board.tokens.editor)
  const b = connectClient(server, board.id, board.tokens.editor)
  await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])
  putRecords(a.doc, ...boardBasics(), geoShape('dream', 'Een groene wijk'))
  await waitFor(() => b.doc.getMap('records').has('shape:dream'), { message: 'B has the board' })
  return { board, a, b }
}

describe('the board’s document and last page', () => {
  it('deleting the document record is refused and everyone keeps it', async () => {
    const server = await startServer()
    const { board, a, b } = await boardWithTwoEditors(server)
    b.doc.getMap('records').delete('document:document')
    await waitFor(() => b.closes.length > 0, { message: 'B is disconnected' })
    expect(b.closes).toEqual([
      { code: CloseCode.UPDATE_REJECTED, reason: 'cannot delete document:document' },
    ])
    const late = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(late.provider)
    expect(late.doc.getMap('records').has('document:document')).toBe(true)
    expect(a.doc.getMap('records').has('document:document')).toBe(true)
  })

  it('deleting the last page is refused, deleting one of two pages is not', async () => {
    const server = await startServer()
    const { board, a, b } = await boardWithTwoEditors(server)
    putRecords(a.doc, { ...boardBasics()[1]!, id: 'page:two', name: 'Pagina 2' })
    await waitFor(() => b.doc.getMap('records').has('page:two'), { message: 'B has page two' })
    a.doc.getMap('records').delete('page:two')
    await waitFor(() => !b.doc.getMap('records').has('page:two'), {
      message: 'B sees page two deleted',
    })

    b.doc.transact(() => {
      b.doc.getMap('records').delete('shape:dream')
      b.doc.getMap('records').delete('page:page')
    })
    await waitFor(() => b.closes.length > 0, { message: 'B is disconnected' })
    expect(b.closes).toEqual([
      { code: CloseCode.UPDATE_REJECTED, reason: 'cannot delete the last page page:page' },
    ])
    const late = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(late.provider)
    // The whole update was refused, the shape deletion with it.
    expect(Object.keys(late.doc.getMap('records').toJSON()).sort()).toEqual([
      'document:document',
      'page:page',
      'shape:dream',
    ])
    expect(a.closes).toEqual([])
  })
})
