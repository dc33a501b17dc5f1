import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MessageType, SyncMessageType } from '@wijktafel/shared'
import { syncFrame, updateFrame } from '../helpers/frames.js'
import { readMetrics } from '../helpers/metrics.js'
import { boardBasics, geoShape, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

/** The update that `change` makes to a copy of `doc`. */
function forkUpdate(doc: Y.Doc, change: (fork: Y.Doc) => void): Uint8Array {
  const fork = new Y.Doc()
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(doc))
  let update: Uint8Array = new Uint8Array()
  fork.on('update', (u: Uint8Array) => (update = u))
  change(fork)
  fork.destroy()
  return update
}

describe('a viewer sending crafted messages', () => {
  it('changes nothing with sync step 2 or update messages, in memory or on disk', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst')
    const editor = connectClient(first, board.id, board.tokens.editor)
    await waitForSynced(editor.provider)
    putRecords(editor.doc, ...boardBasics(), geoShape('dream', 'Een groene wijk'))
    await waitFor(() => first.server.store.loadDoc(board.id).updates.length === 1, {
      message: 'the editor’s board is stored',
    })
    const storedBefore = first.server.store.loadDoc(board.id)
    const boardBefore = editor.doc.getMap('records').toJSON()

    const crafted = [
      // A new card, as a step 2 and as an update.
      syncFrame(
        SyncMessageType.STEP2,
        forkUpdate(editor.doc, (f) => putRecords(f, geoShape('x'))),
      ),
      updateFrame(forkUpdate(editor.doc, (f) => putRecords(f, geoShape('y')))),
      // Deleting the page and the dream, overwriting the dream.
      updateFrame(forkUpdate(editor.doc, (f) => f.getMap('records').delete('page:page'))),
      updateFrame(forkUpdate(editor.doc, (f) => f.getMap('records').delete('shape:dream'))),
      updateFrame(forkUpdate(editor.doc, (f) => putRecords(f, geoShape('dream', 'weg')))),
      // Another root type, and meta.
      updateFrame(forkUpdate(editor.doc, (f) => f.getMap('other').set('k', 1))),
      updateFrame(forkUpdate(editor.doc, (f) => f.getMap('meta').set('schema', { bogus: 1 }))),
      // The whole board again plus a card, as a client would send after being offline.
      syncFrame(
        SyncMessageType.STEP2,
        Y.encodeStateAsUpdate(
          (() => {
            const fork = new Y.Doc()
            Y.applyUpdate(fork, Y.encodeStateAsUpdate(editor.doc))
            putRecords(fork, geoShape('offline'))
            return fork
          })(),
        ),
      ),
    ]
    const viewer = openRawSocket(`${first.wsUrl}/sync/${board.id}?token=${board.tokens.viewer}`)
    await viewer.opened
    for (const frame of crafted) viewer.ws.send(frame)
    // One permission-denied message for the first write, then silence; the socket stays.
    await waitFor(() => viewer.messages.some((m) => m[0] === MessageType.AUTH), {
      message: 'the viewer is told it may not write',
    })
    const metrics = await readMetrics(first.url)
    expect(metrics.get('wijktafel_refused_messages_total{reason="read_only"}')).toBe(crafted.length)
    expect(viewer.messages.filter((m) => m[0] === MessageType.AUTH)).toHaveLength(1)
    expect(viewer.closed).toBeNull()

    // In memory: the editor's next edit arrives at a fresh client, and nothing else does.
    putRecords(editor.doc, geoShape('later', 'daarna'))
    const reader = connectClient(first, board.id, board.tokens.viewer)
    await waitFor(() => reader.doc.getMap('records').has('shape:later'), {
      message: 'a fresh client receives the editor’s later edit',
    })
    const expected = { ...boardBefore, 'shape:later': geoShape('later', 'daarna') }
    expect(reader.doc.getMap('records').toJSON()).toEqual(expected)
    expect(editor.doc.getMap('records').toJSON()).toEqual(expected)
    expect(reader.doc.share.has('other')).toBe(false)

    // On disk: only the editor's later edit was appended.
    const storedAfter = first.server.store.loadDoc(board.id)
    expect(storedAfter.state).toEqual(storedBefore.state)
    expect(storedAfter.updates.slice(0, -1)).toEqual(storedBefore.updates)
    expect(storedAfter.updates).toHaveLength(storedBefore.updates.length + 1)
    editor.provider.destroy()
    reader.provider.destroy()
    await first.server.close()
    const second = await startServer({ dataDir: first.dataDir })
    const late = connectClient(second, board.id, board.tokens.viewer)
    await waitForSynced(late.provider)
    expect(late.doc.getMap('records').toJSON()).toEqual(expected)
  })
})
