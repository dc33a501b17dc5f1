import { describe, expect, it } from 'vitest'
import { parseRefusal } from '@wijktafel/shared'
import { boardBasics, geoShape, pageRecord, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient, TestServer } from '../helpers/testContext.js'
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

const keys = (client: TestClient) => Object.keys(client.doc.getMap('records').toJSON()).sort()
const pages = (client: TestClient) => keys(client).filter((key) => key.startsWith('page:'))

describe('the board’s document and last page', () => {
  it('deleting the document record is put back for everyone, the deleter is told and stays', async () => {
    const server = await startServer()
    const { board, a, b } = await boardWithTwoEditors(server)
    b.doc.getMap('records').delete('document:document')
    await waitFor(() => b.denied.length > 0, { message: 'B is told' })
    expect(b.denied.map(parseRefusal)).toEqual(['cannot delete document:document'])
    await waitFor(() => b.doc.getMap('records').has('document:document'), {
      message: 'B has the document record back',
    })
    const late = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(late.provider)
    expect(late.doc.getMap('records').has('document:document')).toBe(true)
    expect(a.doc.getMap('records').has('document:document')).toBe(true)
    expect([a.closes, b.closes]).toEqual([[], []])
  })

  it('deleting the last page puts it back with its shapes, the rest of that update goes through', async () => {
    const server = await startServer()
    const { board, a, b } = await boardWithTwoEditors(server)
    putRecords(a.doc, pageRecord('page:two', 'Pagina 2'))
    await waitFor(() => b.doc.getMap('records').has('page:two'), { message: 'B has page two' })
    a.doc.getMap('records').delete('page:two')
    await waitFor(() => !b.doc.getMap('records').has('page:two'), {
      message: 'B sees page two deleted',
    })

    b.doc.transact(() => {
      b.doc.getMap('records').delete('shape:dream')
      b.doc.getMap('records').delete('page:page')
      b.doc.getMap('records').set('shape:note', geoShape('note', 'Nieuw'))
    })
    await waitFor(() => b.doc.getMap('records').has('page:page'), {
      message: 'B has the last page back',
    })
    expect(b.denied.map(parseRefusal)).toEqual(['cannot delete the last page page:page'])
    const late = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(late.provider)
    expect(keys(late)).toEqual(['document:document', 'page:page', 'shape:dream', 'shape:note'])
    await waitFor(() => a.doc.getMap('records').has('shape:note'), {
      message: 'A sees the new shape',
    })
    expect(keys(a)).toEqual(keys(late))
    expect(keys(b)).toEqual(keys(late))
    expect([a.closes, b.closes]).toEqual([[], []])
  })

  it('two editors deleting the two pages at once both keep one page, and keep syncing', async () => {
    const server = await startServer()
    const { a, b } = await boardWithTwoEditors(server)
    putRecords(a.doc, pageRecord('page:two', 'Pagina 2'))
    putRecords(a.doc, { ...geoShape('on-two', 'Op pagina 2'), parentId: 'page:two' })
    await waitFor(() => b.doc.getMap('records').has('shape:on-two'), {
      message: 'B has page two and its shape',
    })

    // As tldraw does, each deletes a page together with its shapes; in one tick: neither has
    // received the other's change when it makes its own.
    a.doc.transact(() => {
      a.doc.getMap('records').delete('shape:dream')
      a.doc.getMap('records').delete('page:page')
    })
    b.doc.transact(() => {
      b.doc.getMap('records').delete('shape:on-two')
      b.doc.getMap('records').delete('page:two')
    })
    await waitFor(() => a.denied.length + b.denied.length > 0, {
      message: 'the second deleter is told',
    })
    const [told] = [a, b].filter((client) => client.denied.length > 0)
    const kept = told === a ? 'page:page' : 'page:two'
    expect(told!.denied.map(parseRefusal)).toEqual([`cannot delete the last page ${kept}`])
    await waitFor(() => pages(a).join() === kept && pages(b).join() === kept, {
      message: `both editors end with ${kept}`,
    })
    const itsShape = kept === 'page:page' ? 'shape:dream' : 'shape:on-two'
    await waitFor(() => keys(a).includes(itsShape) && keys(b).includes(itsShape), {
      message: `the page that stays keeps its shape ${itsShape}`,
    })

    putRecords(a.doc, geoShape('van-a', 'van A'))
    putRecords(b.doc, geoShape('van-b', 'van B'))
    await waitFor(() => keys(a).includes('shape:van-b') && keys(b).includes('shape:van-a'), {
      message: 'new shapes sync both ways',
    })
    expect(keys(a)).toEqual(keys(b))
    expect(a.denied.length + b.denied.length).toBe(1)
    expect([a.closes, b.closes]).toEqual([[], []])
  })
})
