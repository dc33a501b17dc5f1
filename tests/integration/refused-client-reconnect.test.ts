import { describe, expect, it } from 'vitest'
import { parseRefusal } from '@wijktafel/shared'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

const REASON =
  'invalid record shape:bad: At shape(type = geo).props.geo: Expected one of 20 values, got bogus'

describe('a client whose change was refused', () => {
  it('an invalid record made offline is put back when it reconnects; the rest of its offline edits arrive', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const writer = connectClient(server, board.id, board.tokens.editor)
    const reader = connectClient(server, board.id, board.tokens.viewer)
    await Promise.all([waitForSynced(writer.provider), waitForSynced(reader.provider)])
    putRecords(writer.doc, ...boardBasics(), geoShape('dream', 'Een groene wijk'))
    await waitFor(() => reader.doc.getMap('records').has('shape:dream'), {
      message: 'the reader has the board',
    })

    writer.provider.disconnect()
    putRecords(writer.doc, geoShape('bad', '', { props: { geo: 'bogus' } }))
    putRecords(writer.doc, geoShape('offline', 'offline gemaakt'))
    // Its sync step 2 carries both: one update, of which the server takes the valid part.
    writer.provider.connect()
    await waitFor(() => reader.doc.getMap('records').has('shape:offline'), {
      message: 'the valid offline edit arrives',
    })
    await waitFor(() => !writer.doc.getMap('records').has('shape:bad'), {
      message: 'the invalid one is put back on the writer’s board',
    })
    expect(writer.denied.map(parseRefusal)).toEqual([REASON])
    expect(reader.doc.getMap('records').has('shape:bad')).toBe(false)

    // Reconnecting again sends nothing refused: the writer's doc is the board's.
    writer.provider.disconnect()
    writer.provider.connect()
    await waitForSynced(writer.provider)
    putRecords(writer.doc, geoShape('again', 'Opnieuw'))
    await waitFor(() => reader.doc.getMap('records').has('shape:again'), {
      message: 'the writer’s next edit arrives',
    })
    expect(writer.denied).toHaveLength(1)
    expect(writer.doc.getMap('records').toJSON()).toEqual(reader.doc.getMap('records').toJSON())
    expect(writer.closes).toEqual([])
  })
})
