import { describe, expect, it } from 'vitest'
import { YDOC_META, YDOC_META_SCHEMA, createWijktafelSchema } from '@wijktafel/shared'
import { boardBasics, geoShape, interestCard, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

describe('valid records', () => {
  it('a valid card and a tldraw shape written by an editor are accepted, sent on and stored', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst')
    const editor = connectClient(first, board.id, board.tokens.editor)
    const other = connectClient(first, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(editor.provider), waitForSynced(other.provider)])

    // What the client's first writer does: the document, a page and the schema, together.
    editor.doc.transact(() => {
      putRecords(editor.doc, ...boardBasics())
      editor.doc.getMap(YDOC_META).set(YDOC_META_SCHEMA, createWijktafelSchema().serialize())
    })
    putRecords(editor.doc, interestCard('zorg', { text: 'Veilig oversteken', category: 'zorg' }))
    putRecords(editor.doc, geoShape('kader', 'Belangenkaart', { x: 400 }))
    await waitFor(() => other.doc.getMap('records').has('shape:kader'), {
      message: 'the other editor receives both shapes',
    })
    const expected = editor.doc.getMap('records').toJSON()
    expect(other.doc.getMap('records').toJSON()).toEqual(expected)
    expect(editor.closes).toEqual([])

    // A change to an accepted card is accepted too.
    putRecords(other.doc, interestCard('zorg', { text: 'Veilig oversteken', shared: true }))
    await waitFor(
      () =>
        (editor.doc.getMap('records').get('shape:zorg') as { props: { shared: boolean } }).props
          .shared,
      { message: 'the editor sees the card moved into the shared interests' },
    )

    for (const client of [editor, other]) client.provider.destroy()
    await first.server.close()
    const second = await startServer({ dataDir: first.dataDir })
    const reader = connectClient(second, board.id, board.tokens.viewer)
    await waitForSynced(reader.provider)
    expect(reader.doc.getMap('records').toJSON()).toEqual(other.doc.getMap('records').toJSON())
    expect(reader.doc.getMap(YDOC_META).get(YDOC_META_SCHEMA)).toEqual(
      createWijktafelSchema().serialize(),
    )
  })
})
