import { describe, expect, it } from 'vitest'
import { CloseCode } from '@wijktafel/shared'
import { boardBasics, interestCard, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

const REASON =
  'invalid record shape:bogus: At shape(type = wt-interest).props.category: Expected one of 4 values, got bogus'

describe('an invalid record', () => {
  it('an editor that writes an invalid card record is refused and the board is unchanged for everyone else', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst')
    const offender = connectClient(first, board.id, board.tokens.editor)
    const other = connectClient(first, board.id, board.tokens.editor)
    const third = connectClient(first, board.id, board.tokens.facilitator)
    await Promise.all([offender, other, third].map((client) => waitForSynced(client.provider)))
    putRecords(other.doc, ...boardBasics(), interestCard('speeltuin', { text: 'Een speeltuin' }))
    await waitFor(() => offender.doc.getMap('records').has('shape:speeltuin'), {
      message: 'the offender has the board',
    })

    putRecords(offender.doc, interestCard('bogus', { text: 'Kom halen', category: 'bogus' }))
    await waitFor(() => offender.closes.length > 0, { message: 'the offender is disconnected' })
    expect(offender.closes).toEqual([{ code: CloseCode.UPDATE_REJECTED, reason: REASON }])
    expect(first.logs).toContain(`refused an update on board ${board.id}: ${REASON}`)

    // The server sends to each socket in order: once the other editor has the third
    // client's later edit, it would have had the refused record before it.
    putRecords(third.doc, interestCard('daarna', { text: 'Daarna' }))
    await waitFor(() => other.doc.getMap('records').has('shape:daarna'), {
      message: 'the other editor still hears the room',
    })
    expect(other.doc.getMap('records').has('shape:bogus')).toBe(false)
    // ...and can still edit.
    putRecords(other.doc, interestCard('bankje', { text: 'Een bankje', category: 'brengen' }))
    await waitFor(() => third.doc.getMap('records').has('shape:bankje'), {
      message: 'the other editor’s next edit reaches the room',
    })
    expect(other.closes).toEqual([])
    const expected = third.doc.getMap('records').toJSON()
    expect(Object.keys(expected).sort()).toEqual([
      'document:document',
      'page:page',
      'shape:bankje',
      'shape:daarna',
      'shape:speeltuin',
    ])

    // What was stored is what everyone else saw.
    for (const client of [offender, other, third]) client.provider.destroy()
    await first.server.close()
    const second = await startServer({ dataDir: first.dataDir })
    const reader = connectClient(second, board.id, board.tokens.viewer)
    await waitForSynced(reader.provider)
    expect(reader.doc.getMap('records').toJSON()).toEqual(expected)
  })
})
