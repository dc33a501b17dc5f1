import { describe, expect, it } from 'vitest'
import { readMetrics } from '../helpers/metrics.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { RawSocket } from '../helpers/testContext.js'
import { waitFor } from '../helpers/waitFor.js'

const { startServer, openRawSocket } = testContext()

/** 101 (opened) or the HTTP status of the refused upgrade. */
async function outcome(socket: RawSocket): Promise<number> {
  await waitFor(() => socket.refusedWith !== null || socket.ws.readyState === socket.ws.OPEN, {
    message: 'the server answers the upgrade',
  })
  return socket.refusedWith ?? 101
}

describe('who may open a WebSocket', () => {
  it('a page of another origin gets 403; the server’s own origin, listed origins and non-browser clients get in', async () => {
    const server = await startServer({ allowedOrigins: ['https://wijktafel.example.org'] })
    const board = await createBoard(server, 'De Horst')
    const url = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`
    const withOrigin = (origin: string) => openRawSocket(url, { origin })
    expect(await outcome(withOrigin('https://evil.example'))).toBe(403)
    expect(await outcome(withOrigin('http://localhost:1234'))).toBe(403)
    expect(await outcome(withOrigin('null'))).toBe(403)
    // The origin is checked first: a foreign page learns nothing about boards or tokens.
    expect(
      await outcome(
        openRawSocket(`${server.wsUrl}/sync/${board.id}`, { origin: 'https://evil.example' }),
      ),
    ).toBe(403)

    expect(await outcome(withOrigin(server.url))).toBe(101)
    expect(await outcome(withOrigin(server.url.replace('http:', 'https:')))).toBe(101)
    expect(await outcome(withOrigin('https://wijktafel.example.org'))).toBe(101)
    expect(await outcome(openRawSocket(url))).toBe(101) // no Origin: not a browser
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_connections_total{reason="origin"}')).toBe(4)
  })

  it('refuses past the connections per address with 429 and per board with 503, and frees slots on close', async () => {
    const server = await startServer({ maxConnectionsPerIp: 3, maxConnectionsPerBoard: 2 })
    const board = await createBoard(server, 'De Horst')
    const other = await createBoard(server, 'Spijkerkwartier')
    const open = (b: typeof board) =>
      openRawSocket(`${server.wsUrl}/sync/${b.id}?token=${b.tokens.viewer}`)

    const first = open(board)
    expect(await outcome(first)).toBe(101)
    expect(await outcome(open(board))).toBe(101)
    expect(await outcome(open(board))).toBe(503) // the board is full
    expect(await outcome(open(other))).toBe(101)
    expect(await outcome(open(other))).toBe(429) // this address has 3 open

    first.ws.close()
    await waitFor(async () => (await outcome(open(board))) === 101, {
      message: 'a closed socket gives its slot back',
    })
    const metrics = await readMetrics(server.url)
    expect(metrics.get('wijktafel_refused_connections_total{reason="board_full"}')).toBe(1)
    expect(
      metrics.get('wijktafel_refused_connections_total{reason="too_many_per_ip"}'),
    ).toBeGreaterThanOrEqual(1)
    expect(metrics.get('wijktafel_connections{role="viewer"}')).toBe(3)
  })
})
