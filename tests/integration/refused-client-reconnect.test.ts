import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '@wijktafel/shared'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

const REASON =
  'invalid record shape:bad: At shape(type = geo).props.geo: Expected one of 20 values, got bogus'

describe('a refused client', () => {
  it('stays disconnected, is refused again when it reconnects with the same doc, and syncs with a fresh one', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const writer = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(writer.provider)
    putRecords(writer.doc, ...boardBasics(), geoShape('dream', 'Een groene wijk'))
    const terminal: { code: number; reason: string }[] = []
    writer.provider.on('closed', (event) => terminal.push(event))

    putRecords(writer.doc, geoShape('bad', '', { props: { geo: 'bogus' } }))
    await waitFor(() => terminal.length > 0, { message: 'the provider gives up' })
    // y-websocket treats 4400-4499 as final: it emits 'closed' and schedules no new socket.
    expect(terminal).toEqual([{ code: CloseCode.UPDATE_REJECTED, reason: REASON }])
    expect(writer.provider.shouldConnect).toBe(false)
    expect(writer.provider.ws).toBeNull()
    expect(writer.provider.synced).toBe(false)
    // Local edits still land in its doc, but go nowhere.
    putRecords(writer.doc, geoShape('offline', 'niet verstuurd'))

    // Reconnecting by hand (a retry button) resends the bad record in its sync step 2.
    writer.provider.connect()
    await waitFor(() => terminal.length > 1, { message: 'the reconnected provider is refused' })
    expect(writer.closes).toEqual([
      { code: CloseCode.UPDATE_REJECTED, reason: REASON },
      { code: CloseCode.UPDATE_REJECTED, reason: REASON },
    ])

    // Starting over from the server's state (what the app does on reload after it dropped
    // its offline copy) works: the bad record and the unsent edit are gone.
    writer.provider.destroy()
    const fresh = connectClient(server, board.id, board.tokens.editor, new Y.Doc())
    await waitForSynced(fresh.provider)
    expect(Object.keys(fresh.doc.getMap('records').toJSON()).sort()).toEqual([
      'document:document',
      'page:page',
      'shape:dream',
    ])
    putRecords(fresh.doc, geoShape('again', 'Opnieuw'))
    const reader = connectClient(server, board.id, board.tokens.viewer)
    await waitFor(() => reader.doc.getMap('records').has('shape:again'), {
      message: 'the fresh client’s edit arrives',
    })
    expect(fresh.closes).toEqual([])
  })
})
