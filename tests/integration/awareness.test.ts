import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

function sees(observer: TestClient, subject: TestClient): boolean {
  return observer.provider.awareness.getStates().has(subject.doc.clientID)
}

describe('awareness', () => {
  it('an editor’s presence reaches the others and disappears when it leaves', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const a = connectClient(server, board.id, board.tokens.editor)
    const b = connectClient(server, board.id, board.tokens.facilitator)
    await Promise.all([waitForSynced(a.provider), waitForSynced(b.provider)])

    a.provider.awareness.setLocalStateField('user', { name: 'Fatima', color: '#e76f51' })
    await waitFor(
      () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Fatima',
      {
        message: 'B sees A’s name',
      },
    )
    a.provider.awareness.setLocalStateField('cursor', { x: 10, y: 20 })
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor?.x === 10, {
      message: 'B sees A’s cursor move',
    })

    // A's socket closes without A saying goodbye: the server removes A's state for B.
    ;(a.provider.ws as unknown as WebSocket).terminate()
    a.provider.destroy()
    await waitFor(() => !sees(b, a), { message: 'A’s state disappears for B' })
  })

  it('a viewer sees the others but its own presence is not forwarded', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const editor = connectClient(server, board.id, board.tokens.editor)
    const viewer = connectClient(server, board.id, board.tokens.viewer)
    await Promise.all([waitForSynced(editor.provider), waitForSynced(viewer.provider)])
    editor.provider.awareness.setLocalStateField('user', { name: 'Jan' })
    viewer.provider.awareness.setLocalStateField('user', { name: 'Beamer' })
    await waitFor(
      () => viewer.provider.awareness.getStates().get(editor.doc.clientID)?.user?.name === 'Jan',
      {
        message: 'the viewer sees the editor',
      },
    )
    // A later editor joins and gets everything the server holds: the viewer is not in it.
    const late = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(late.provider)
    await waitFor(() => sees(late, editor), { message: 'the late editor sees the first editor' })
    expect(sees(late, viewer)).toBe(false)
    expect(sees(editor, viewer)).toBe(false)
  })

  it('a lone viewer hears an answer to its awareness, so it never times out', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const viewer = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(viewer.provider)
    const heardBefore = viewer.provider.wsLastMessageReceived
    // What y-websocket does every 15 s: renew its own state.
    await waitFor(() => Date.now() > heardBefore + 5, { message: 'the clock moves on' })
    viewer.provider.awareness.setLocalState(viewer.provider.awareness.getLocalState())
    await waitFor(() => viewer.provider.wsLastMessageReceived > heardBefore, {
      message: 'the viewer receives a reply to its awareness',
    })
  })
})
