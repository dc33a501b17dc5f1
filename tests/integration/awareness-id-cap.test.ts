import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { MAX_CLIENT_IDS_PER_CONNECTION } from '../../server/src/rooms/AwarenessRelay.js'
import { awarenessFrame } from '../helpers/frames.js'
import { readMetrics } from '../helpers/metrics.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

/** One awareness message with a state `{n: clock}` for each of `ids`, at `clock`. */
function statesFor(ids: readonly number[], clock: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, ids.length)
  for (const id of ids) {
    encoding.writeVarUint(encoder, id)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, JSON.stringify({ n: clock }))
  }
  return awarenessFrame(encoding.toUint8Array(encoder))
}

describe('awareness client ids per connection', () => {
  it('one socket announcing 1,000 presences is shown as MAX_CLIENT_IDS_PER_CONNECTION at most; everyone else is unaffected', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const observer = connectClient(server, board.id, board.tokens.facilitator)
    await waitForSynced(observer.provider)
    const states = () => observer.provider.awareness.getStates()

    const mallory = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`)
    await mallory.opened
    const ids = Array.from({ length: 1000 }, (_, i) => 1_000_000 + i)
    mallory.ws.send(statesFor(ids, 1))
    // Her first id moves: once the observer sees that, the 1,000 were handled before it.
    mallory.ws.send(statesFor([ids[0]!], 2))
    await waitFor(() => states().get(ids[0]!)?.n === 2, { message: 'the observer hears Mallory' })
    const shown = ids.filter((id) => states().has(id))
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThanOrEqual(MAX_CLIENT_IDS_PER_CONNECTION)
    expect(mallory.closed).toBeNull() // dropped, not disconnected

    // An honest editor joining now is shown as always.
    const bram = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(bram.provider)
    bram.provider.awareness.setLocalState({ user: { name: 'Bram' } })
    await waitFor(() => states().get(bram.doc.clientID)?.user?.name === 'Bram', {
      message: 'the observer sees Bram',
    })
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_messages_total{reason="awareness_too_many_ids"}')).toBe(1)
  })
})
