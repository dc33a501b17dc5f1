import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { WebSocket } from 'ws'
import type { ClientOptions } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { createServer } from '@wijktafel/server'
import type { ServerOptions, WijktafelServer } from '@wijktafel/server'
import type { BoardTemplate, CreateBoardResponse } from '@wijktafel/shared'
import { MessageType } from '@wijktafel/shared'
import * as authProtocol from 'y-protocols/auth'
import { LOOPBACK_RATES } from './loopbackRates.js'
import { TEST_METRICS_TOKEN } from './metrics.js'

export interface TestServer {
  server: WijktafelServer
  /** http://127.0.0.1:<port> */
  url: string
  /** ws://127.0.0.1:<port> */
  wsUrl: string
  dataDir: string
  /** Every line the server logged. */
  logs: string[]
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Reasons of the permission-denied (auth) messages this client received. */
  denied: string[]
  /** Every close of this client's socket by the server, in order. */
  closes: { code: number; reason: string }[]
}

export interface StartOptions extends Partial<Omit<ServerOptions, 'persistence'>> {
  /** Reuse a data directory (restart tests); a fresh temporary one otherwise. */
  dataDir?: string
  persistence?: ServerOptions['persistence']
}

/**
 * Per test file: starts real servers and clients and tears all of them down after each
 * test (providers and docs first, then servers, then temporary folders), so no socket or
 * timer keeps the process alive.
 */
export function testContext() {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'wijktafel-test-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    return dir
  }

  async function startServer(options: StartOptions = {}): Promise<TestServer> {
    const { dataDir = tempDir(), persistence, ...rest } = options
    const logs: string[] = []
    const server = await createServer({
      host: '127.0.0.1',
      port: 0,
      log: (line) => logs.push(line),
      ...LOOPBACK_RATES,
      metricsToken: TEST_METRICS_TOKEN,
      ...rest,
      persistence: persistence ?? { kind: 'sqlite', dataDir },
    })
    cleanups.push(() => server.close())
    return { server, url: server.url, wsUrl: server.url.replace(/^http/, 'ws'), dataDir, logs }
  }

  /**
   * A stock y-websocket client, exactly as the browser uses it; `params` go into the URL
   * besides the token (the browser adds `schema`).
   */
  function connectClient(
    server: TestServer,
    boardId: string,
    token: string,
    doc: Y.Doc = new Y.Doc(),
    params: Record<string, string> = {},
  ): TestClient {
    const provider = new WebsocketProvider(`${server.wsUrl}/sync`, boardId, doc, {
      params: { ...params, token },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    const denied: string[] = []
    const closes: { code: number; reason: string }[] = []
    // null when the provider closed the socket itself (destroy, 30 s watchdog).
    provider.on('connection-close', (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason })
    })
    // Records instead of y-websocket's console.warn; the socket stays real.
    provider.messageHandlers[MessageType.AUTH] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => denied.push(reason))
    cleanups.push(() => {
      provider.destroy()
      doc.destroy()
    })
    return { doc, provider, denied, closes }
  }

  /** A raw `ws` socket for sending what no honest client sends. */
  function openRawSocket(url: string, options?: ClientOptions): RawSocket {
    const ws = new WebSocket(url, options)
    const raw = new RawSocket(ws)
    cleanups.push(() => ws.terminate())
    return raw
  }

  return { startServer, connectClient, openRawSocket, tempDir }
}

/** Records what happens to a raw socket so tests can wait on it. */
export class RawSocket {
  readonly messages: Uint8Array[] = []
  closed: { code: number; reason: string } | null = null
  /** HTTP status of a refused upgrade ('unexpected-response'). */
  refusedWith: number | null = null
  readonly opened: Promise<void>

  constructor(readonly ws: WebSocket) {
    ws.binaryType = 'nodebuffer'
    ws.on('error', () => {}) // a refused upgrade or a reset is an outcome here, not a crash
    ws.on('message', (data: Buffer) => this.messages.push(new Uint8Array(data)))
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }))
    ws.on('unexpected-response', (_req, res) => {
      this.refusedWith = res.statusCode ?? null
      res.resume()
      ws.terminate()
    })
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('close', () => reject(new Error('socket closed before opening')))
    })
    this.opened.catch(() => {})
  }
}

export async function createBoard(
  server: TestServer,
  title: string,
  template?: BoardTemplate,
): Promise<CreateBoardResponse> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, template }),
  })
  if (res.status !== 201) throw new Error(`creating a board answered ${res.status}`)
  return (await res.json()) as CreateBoardResponse
}
