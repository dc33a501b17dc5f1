import { describe, expect, it } from 'vitest'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { RawSocket } from '../helpers/testContext.js'
import { waitFor } from '../helpers/waitFor.js'

const { startServer, openRawSocket } = testContext()

async function refusal(socket: RawSocket): Promise<number | null> {
  await waitFor(() => socket.refusedWith !== null || socket.closed !== null, {
    message: 'the server answers the upgrade',
  })
  return socket.refusedWith
}

describe('WebSocket upgrade', () => {
  it('refuses a wrong token and another board’s token with 401 before any socket exists', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const other = await createBoard(server, 'Spijkerkwartier')
    const base = `${server.wsUrl}/sync/${board.id}`
    for (const query of [
      '',
      '?token=',
      `?token=${'A'.repeat(43)}`,
      `?token=${other.tokens.facilitator}`,
      `?token=${board.tokens.editor}x`,
    ]) {
      expect(await refusal(openRawSocket(base + query)), `query ${query || '(none)'}`).toBe(401)
    }
  })

  it('answers 404 for an unknown or malformed board id and 400 for other paths', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const token = `?token=${board.tokens.editor}`
    expect(await refusal(openRawSocket(`${server.wsUrl}/sync/${'B'.repeat(22)}${token}`))).toBe(404)
    expect(await refusal(openRawSocket(`${server.wsUrl}/sync/not-an-id${token}`))).toBe(404)
    expect(await refusal(openRawSocket(`${server.wsUrl}/sync/${board.id}/x${token}`))).toBe(400)
    expect(await refusal(openRawSocket(`${server.wsUrl}/sync${token}`))).toBe(400)
    expect(await refusal(openRawSocket(`${server.wsUrl}/elsewhere${token}`))).toBe(400)
  })

  it('accepts a board’s own token, and the server stays healthy after the refusals', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${'A'.repeat(43)}`)
    const ok = openRawSocket(`${server.wsUrl}/sync/${board.id}?token=${board.tokens.viewer}`)
    await ok.opened
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    expect(server.logs.join('\n')).not.toContain(board.tokens.viewer)
  })
})
