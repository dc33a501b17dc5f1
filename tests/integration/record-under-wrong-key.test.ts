import { describe, expect, it } from 'vitest'
import { parseRefusal } from '@wijktafel/shared'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

describe('a record under another id’s key', () => {
  it('is put back, so no key can hold a copy that tldraw would file under another id', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const a = connectClient(server, board.id, board.tokens.facilitator)
    await waitForSynced(a.provider)
    putRecords(a.doc, ...boardBasics(), geoShape('dream', 'Een groene wijk'))

    // The facilitator is checked like any editor.
    a.doc.getMap('records').set('shape:copy', geoShape('dream', 'Een kopie'))
    await waitFor(() => a.denied.length > 0, { message: 'the writer is told' })
    expect(a.denied.map(parseRefusal)).toEqual([
      'invalid record shape:copy: its id is "shape:dream"',
    ])
    await waitFor(() => !a.doc.getMap('records').has('shape:copy'), {
      message: 'the copy is gone from the writer’s board',
    })
    const late = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(late.provider)
    expect(late.doc.getMap('records').has('shape:copy')).toBe(false)
    expect(late.doc.getMap('records').get('shape:dream')).toEqual(
      geoShape('dream', 'Een groene wijk'),
    )
    expect(a.closes).toEqual([])
  })
})
