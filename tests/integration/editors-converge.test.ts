import { describe, expect, it } from 'vitest'
import { geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

/** Map iteration order is local insertion order, so compare with sorted keys. */
function sorted(json: Record<string, unknown>): string {
  return JSON.stringify(Object.entries(json).sort(([x], [y]) => (x < y ? -1 : 1)))
}

describe('two editors', () => {
  it('see each other’s map edits in both directions', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const a = connectClient(server, board.id, board.tokens.facilitator)
    const b = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])

    putRecords(a.doc, geoShape('dream', 'Een groene wijk'))
    await waitFor(() => b.doc.getMap('records').has('shape:dream'), {
      message: 'B sees the card A added',
    })
    putRecords(b.doc, geoShape('action', 'Zonnepanelen op de school'))
    b.doc.getMap('records').delete('shape:dream')
    await waitFor(() => a.doc.getMap('records').has('shape:action'), {
      message: 'A sees the card B added',
    })
    await waitFor(() => !a.doc.getMap('records').has('shape:dream'), {
      message: 'A sees the card B deleted',
    })
  })

  it('converge on the same state after concurrent edits of the same keys', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const a = connectClient(server, board.id, board.tokens.editor)
    const b = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])

    // Both write before either can have heard the other: same keys, different values.
    for (let i = 0; i < 50; i++) {
      putRecords(a.doc, geoShape(`${i % 10}`, `a ${i}`))
      putRecords(b.doc, geoShape(`${i % 10}`, `b ${i}`))
      putRecords(b.doc, geoShape(`b${i}`, `b ${i}`))
    }
    await waitFor(
      () =>
        sorted(a.doc.getMap('records').toJSON()) === sorted(b.doc.getMap('records').toJSON()) &&
        a.doc.getMap('records').size === 60,
      { message: 'both documents hold the same 60 records' },
    )
    // A third client, joining late, gets exactly the converged state from the server.
    const c = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(c.provider)
    expect(c.doc.getMap('records').toJSON()).toEqual(a.doc.getMap('records').toJSON())
  })
})
