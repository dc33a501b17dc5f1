import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { awarenessFrame } from '../helpers/frames.js'
import { readMetrics } from '../helpers/metrics.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

/** One awareness entry as a client sends it; `state: null` removes the client. */
interface Entry {
  clientId: number
  clock: number
  state: object | null
}

/** An awareness message of several entries, as no honest client sends for others' ids. */
function awarenessMessage(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return awarenessFrame(encoding.toUint8Array(encoder))
}

function stateOf(observer: TestClient, clientId: number): Record<string, any> | undefined {
  return observer.provider.awareness.getStates().get(clientId)
}

describe('awareness ownership', () => {
  it('an editor cannot change or remove another editor’s presence; its own still works, and a leaver’s presence goes', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const bram = connectClient(server, board.id, board.tokens.editor)
    const observer = connectClient(server, board.id, board.tokens.facilitator)
    await Promise.all([waitForSynced(bram.provider), waitForSynced(observer.provider)])
    bram.provider.awareness.setLocalState({ user: { name: 'Bram' }, cursor: { x: 10, y: 20 } })
    const bramId = bram.doc.clientID
    await waitFor(() => stateOf(observer, bramId)?.user?.name === 'Bram', {
      message: 'the observer sees Bram',
    })

    // Mallory holds an editor link too, and writes frames by hand.
    const mallory = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`)
    await mallory.opened
    const malloryId = 4_242_424
    const bramClock = bram.provider.awareness.meta.get(bramId)!.clock
    // One message: her own presence, and Bram's renamed and his cursor moved.
    mallory.ws.send(
      awarenessMessage([
        { clientId: malloryId, clock: 1, state: { user: { name: 'Mallory' } } },
        { clientId: bramId, clock: bramClock + 5, state: { user: { name: 'Niemand' } } },
      ]),
    )
    await waitFor(() => stateOf(observer, malloryId)?.user?.name === 'Mallory', {
      message: 'the rest of the message applied: the observer sees Mallory',
    })
    expect(stateOf(observer, bramId)).toEqual({ user: { name: 'Bram' }, cursor: { x: 10, y: 20 } })

    // Then she removes Bram, in a message that also moves her own cursor.
    mallory.ws.send(
      awarenessMessage([
        { clientId: bramId, clock: bramClock + 6, state: null },
        { clientId: malloryId, clock: 2, state: { user: { name: 'Mallory' }, cursor: { x: 1 } } },
      ]),
    )
    await waitFor(() => stateOf(observer, malloryId)?.cursor?.x === 1, {
      message: 'Mallory’s own cursor moves',
    })
    expect(stateOf(observer, bramId)?.user?.name).toBe('Bram')
    expect(mallory.closed).toBeNull() // dropped, not disconnected

    // Bram himself still moves his cursor.
    bram.provider.awareness.setLocalStateField('cursor', { x: 30, y: 40 })
    await waitFor(() => stateOf(observer, bramId)?.cursor?.x === 30, {
      message: 'Bram’s own cursor moves',
    })
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_messages_total{reason="awareness_not_owned"}')).toBe(2)

    // Bram leaves: his presence goes for the others, as before.
    bram.provider.destroy()
    await waitFor(() => !observer.provider.awareness.getStates().has(bramId), {
      message: 'Bram’s presence disappears when he leaves',
    })
    expect(stateOf(observer, malloryId)?.user?.name).toBe('Mallory')
  })
})
