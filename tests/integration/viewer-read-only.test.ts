import { describe, expect, it } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { MessageType, READ_ONLY_REASON, SyncMessageType } from '@wijktafel/shared'
import { deniedReason, syncFrame } from '../helpers/frames.js'
import { geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

describe('a viewer', () => {
  it('a viewer’s update is dropped and the viewer stays connected', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const editor = connectClient(server, board.id, board.tokens.editor)
    const viewer = connectClient(server, board.id, board.tokens.viewer)
    await Promise.all([waitForSynced(editor.provider), waitForSynced(viewer.provider)])
    putRecords(editor.doc, geoShape('dream', 'Een groene wijk'))
    await waitFor(() => viewer.doc.getMap('records').has('shape:dream'), {
      message: 'the viewer receives the editor’s card',
    })

    putRecords(viewer.doc, geoShape('vandal', 'weg ermee'))
    viewer.doc.getMap('records').delete('shape:dream')
    await waitFor(() => viewer.denied.length > 0, {
      message: 'the viewer is told the board is read-only',
    })
    expect(viewer.denied).toEqual([READ_ONLY_REASON])

    // Still connected: a later editor change reaches the viewer on the same socket.
    const socketBefore = viewer.provider.ws
    putRecords(editor.doc, geoShape('action', 'Buurtfeest'))
    await waitFor(() => viewer.doc.getMap('records').has('shape:action'), {
      message: 'the viewer receives the editor’s later card',
    })
    expect(viewer.provider.ws).toBe(socketBefore)
    expect(viewer.provider.wsconnected).toBe(true)
    // The editor never saw the viewer's writes; a second viewer write is dropped silently.
    putRecords(viewer.doc, geoShape('vandal2', 'nog eens'))
    const late = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(late.provider)
    expect(editor.doc.getMap('records').has('shape:vandal')).toBe(false)
    expect(editor.doc.getMap('records').get('shape:dream')).toEqual(
      geoShape('dream', 'Een groene wijk'),
    )
    expect(late.doc.getMap('records').toJSON()).toEqual({
      'shape:dream': geoShape('dream', 'Een groene wijk'),
      'shape:action': geoShape('action', 'Buurtfeest'),
    })
    expect(viewer.denied).toHaveLength(1)
  })

  it('cannot get a write into the stored board, even across a restart', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst')
    const viewer = connectClient(first, board.id, board.tokens.viewer)
    await waitForSynced(viewer.provider)
    putRecords(viewer.doc, geoShape('vandal', 'weg ermee'))
    await waitFor(() => viewer.denied.length > 0, { message: 'the viewer is refused' })
    viewer.provider.destroy()
    await first.server.close()

    const second = await startServer({ dataDir: first.dataDir })
    const editor = connectClient(second, board.id, board.tokens.editor)
    await waitForSynced(editor.provider)
    expect(editor.doc.getMap('records').size).toBe(0)
  })

  it('is not told “read-only” when it answers with the board it already has, deletions included', async () => {
    // What a projector does after a reload: its offline copy holds the whole board, and its
    // answer to the server's step 1 carries the board's delete set even when nothing is new.
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const editor = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(editor.provider)
    putRecords(editor.doc, geoShape('dream', 'Een groene wijk'), geoShape('old', 'weg'))
    editor.doc.getMap('records').delete('shape:old')
    const other = connectClient(server, board.id, board.tokens.editor)
    await waitFor(
      () =>
        other.doc.getMap('records').has('shape:dream') &&
        !other.doc.getMap('records').has('shape:old'),
      { message: 'the server holds the card and the deletion' },
    )
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(editor.doc))
    const sameBoard = Y.encodeStateAsUpdate(copy)
    expect(sameBoard.length).toBeGreaterThan(2) // the delete set: not an empty update

    const viewer = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.viewer}`)
    await viewer.opened
    viewer.ws.send(syncFrame(SyncMessageType.STEP2, sameBoard))
    viewer.ws.send(syncFrame(SyncMessageType.UPDATE, sameBoard))
    // The server answers this step 1 after it has judged the two messages before it.
    viewer.ws.send(syncFrame(SyncMessageType.STEP1, Y.encodeStateVector(copy)))
    await waitFor(() => viewer.messages.some(isStep2), {
      message: 'the server answers the viewer’s step 1',
    })
    expect(viewer.messages.map(deniedReason).filter((r) => r !== null)).toEqual([])

    // Something really new from the viewer is still refused.
    putRecords(copy, geoShape('vandal', 'weg ermee'))
    viewer.ws.send(syncFrame(SyncMessageType.UPDATE, Y.encodeStateAsUpdate(copy)))
    await waitFor(() => viewer.messages.some((m) => deniedReason(m) === READ_ONLY_REASON), {
      message: 'the viewer is told the board is read-only',
    })
    expect(editor.doc.getMap('records').has('shape:vandal')).toBe(false)
  })
})

function isStep2(frame: Uint8Array): boolean {
  const decoder = decoding.createDecoder(frame)
  return (
    decoding.readVarUint(decoder) === MessageType.SYNC &&
    decoding.readVarUint(decoder) === SyncMessageType.STEP2
  )
}
