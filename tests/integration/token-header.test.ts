import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { createServer as createTcpServer, connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { SYNC_PROTOCOL, syncProtocols, TOKEN_PROTOCOL_PREFIX } from '@wijktafel/shared'
import { geoShape, putRecords } from '../helpers/records.js'
import { createBoard, RawSocket, testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient, openRawSocket } = testContext()
const closers: (() => void)[] = []
afterEach(() => closers.splice(0).forEach((close) => close()))

/** 101 (opened) or the HTTP status of the refused upgrade. */
async function outcome(socket: RawSocket): Promise<number> {
  await waitFor(() => socket.refusedWith !== null || socket.ws.readyState === socket.ws.OPEN, {
    message: 'the server answers the upgrade',
  })
  return socket.refusedWith ?? 101
}

/** Our client's way: the token in Sec-WebSocket-Protocol, nothing in the URL. */
function openWithHeader(
  server: TestServer,
  boardId: string,
  token: string,
  origin?: string,
  url = `${server.wsUrl}/sync/${boardId}`,
): RawSocket {
  const ws = new WebSocket(url, syncProtocols(token), origin ? { origin } : {})
  closers.push(() => ws.terminate())
  return new RawSocket(ws)
}

/** A stock y-websocket client's way: `?token=`. */
function openWithQuery(server: TestServer, boardId: string, token: string, origin?: string) {
  return openRawSocket(`${server.wsUrl}/sync/${boardId}?token=${token}`, origin ? { origin } : {})
}

/**
 * A TCP relay in front of the server that keeps every byte both ways: what the server
 * really receives and answers, headers included.
 */
async function recordingRelay(server: TestServer) {
  const toServer: Buffer[] = []
  const toClient: Buffer[] = []
  const relay = createTcpServer((client) => {
    const upstream = connect(server.server.port, '127.0.0.1')
    client.on('data', (chunk) => toServer.push(chunk))
    upstream.on('data', (chunk) => toClient.push(chunk))
    client.pipe(upstream).pipe(client)
    client.on('error', () => upstream.destroy())
    upstream.on('error', () => client.destroy())
    closers.push(() => (client.destroy(), upstream.destroy()))
  })
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
  closers.push(() => relay.close())
  const { port } = relay.address() as AddressInfo
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    received: () => Buffer.concat(toServer).toString('latin1'),
    answered: () => Buffer.concat(toClient).toString('latin1'),
  }
}

describe('the token in Sec-WebSocket-Protocol', () => {
  it('our client syncs with the token in the header only, and a stock client with ?token= still does', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const token = board.tokens.editor
    const relay = await recordingRelay(server)
    const doc = new Y.Doc()
    const ours = new WebsocketProvider(`${relay.wsUrl}/sync`, board.id, doc, {
      protocols: syncProtocols(token),
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    closers.push(() => (ours.destroy(), doc.destroy()))
    const stock = connectClient(server, board.id, board.tokens.facilitator)
    await Promise.all([waitForSynced(ours), waitForSynced(stock.provider)])

    putRecords(doc, geoShape('from-ours'))
    putRecords(stock.doc, geoShape('from-stock'))
    await waitFor(() => stock.doc.getMap('records').has('shape:from-ours'), {
      message: 'the stock client has our shape',
    })
    await waitFor(() => doc.getMap('records').has('shape:from-stock'), {
      message: 'our client has the stock client’s shape',
    })

    // What reached the server: the request line has no token; the header carries it.
    const head = relay.received().split('\r\n\r\n')[0]!
    const [requestLine] = head.split('\r\n')
    expect(requestLine).toMatch(new RegExp(`^GET /sync/${board.id} HTTP/1.1$`))
    expect(head).toContain(`${TOKEN_PROTOCOL_PREFIX}${token}`)
    // The answer chose `wijktafel` and never names the token.
    const answer = relay.answered().split('\r\n\r\n')[0]!
    expect(answer).toMatch(/^HTTP\/1.1 101 /)
    expect(answer).toMatch(/\r\nSec-WebSocket-Protocol: wijktafel(\r\n|$)/i)
    expect(answer).not.toContain(token)
    expect((ours.ws as unknown as WebSocket).protocol).toBe(SYNC_PROTOCOL)
    expect(server.logs.join('\n')).not.toContain(token)
    expect(server.logs).toContain(`UPGRADE /sync/${board.id} 101`)
  })

  it('a wrong token in the header gets 401, even with the right one in the query', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const other = await createBoard(server, 'Spijkerkwartier')
    for (const wrong of [
      'A'.repeat(43),
      other.tokens.facilitator,
      `${board.tokens.editor.slice(1)}x`,
    ]) {
      expect(await outcome(openWithHeader(server, board.id, wrong))).toBe(401)
    }
    const query = `${server.wsUrl}/sync/${board.id}?token=${board.tokens.editor}`
    expect(await outcome(openWithHeader(server, board.id, 'B'.repeat(43), undefined, query))).toBe(
      401,
    )
    expect(await outcome(openWithHeader(server, board.id, board.tokens.viewer))).toBe(101)
  })

  it('a client that offers only the token protocol gets in, and the answer names no protocol', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const token = board.tokens.editor
    // ws's own client refuses an answer without a protocol; browsers accept it. Raw HTTP.
    const answer = await new Promise<{ status: number; headers: Record<string, unknown> }>(
      (resolve, reject) => {
        const req = request(`${server.url}/sync/${board.id}`, {
          headers: {
            Connection: 'Upgrade',
            Upgrade: 'websocket',
            'Sec-WebSocket-Version': '13',
            'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
            'Sec-WebSocket-Protocol': `${TOKEN_PROTOCOL_PREFIX}${token}`,
          },
        })
        req.on('upgrade', (res, socket) => {
          socket.destroy()
          resolve({ status: res.statusCode!, headers: res.headers })
        })
        req.on('response', (res) => resolve({ status: res.statusCode!, headers: res.headers }))
        req.on('error', reject)
        req.end()
      },
    )
    expect(answer.status).toBe(101)
    expect(answer.headers['sec-websocket-protocol']).toBeUndefined()
    expect(JSON.stringify(answer.headers)).not.toContain(token)
  })

  it('gives the same refusals as ?token= does: 401, 404, 403, 429 and 503', async () => {
    for (const open of [openWithHeader, openWithQuery]) {
      const form = open === openWithHeader ? 'header' : 'query'
      const server = await startServer({
        allowedOrigins: ['https://wijktafel.example.org'],
        maxConnectionsPerIp: 2,
        maxConnectionsPerBoard: 1,
      })
      const board = await createBoard(server, 'De Horst')
      const other = await createBoard(server, 'Spijkerkwartier')
      const { editor, viewer } = board.tokens
      expect(await outcome(open(server, board.id, 'A'.repeat(43))), form).toBe(401)
      expect(await outcome(open(server, 'B'.repeat(22), editor)), form).toBe(404)
      expect(await outcome(open(server, board.id, editor, 'https://evil.example')), form).toBe(403)
      expect(
        await outcome(open(server, board.id, editor, 'https://wijktafel.example.org')),
        form,
      ).toBe(101)
      expect(await outcome(open(server, board.id, viewer)), form).toBe(503) // the board is full
      expect(await outcome(open(server, other.id, other.tokens.editor)), form).toBe(101)
      expect(await outcome(open(server, other.id, other.tokens.viewer)), form).toBe(429)
    }
  })
})
