import { describe, expect, it } from 'vitest'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()

describe('heartbeat', () => {
  it('keeps answering clients connected and cuts a client that stopped answering pings', async () => {
    const server = await startServer({ pingIntervalMs: 40 })
    const board = await createBoard(server, 'De Horst')
    const url = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`
    const honest = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(honest.provider)
    const socketBefore = honest.provider.ws

    let pings = 0
    const listener = openRawSocket(url)
    listener.ws.on('ping', () => pings++)
    const silent = openRawSocket(url, { autoPong: false })
    await Promise.all([listener.opened, silent.opened])

    await waitFor(() => silent.closed !== null, { message: 'the silent client is cut off' })
    await waitFor(() => pings >= 4, { message: 'four heartbeats have passed' })
    expect(listener.closed).toBeNull()
    expect(honest.provider.ws).toBe(socketBefore)
    expect(honest.provider.wsconnected).toBe(true)
  })
})
