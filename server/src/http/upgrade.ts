import type { IncomingMessage } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocketServer } from 'ws'
import {
  isBoardId,
  readSchemaParam,
  SCHEMA_PARAM,
  SYNC_PROTOCOL,
  tokenFromProtocols,
} from '@wijktafel/shared'
import type { DocSchema, Role } from '@wijktafel/shared'
import { authenticate } from '../auth/authenticate.js'
import type { Logger } from '../config.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import type { Metrics, RefusedConnectionReason } from '../metrics/Metrics.js'
import type { RoomManager } from '../rooms/RoomManager.js'
import type { Admission } from './admission.js'
import { originAllowed } from './admission.js'
import { SECURITY_HEADERS, splitUrl } from './respond.js'

export interface UpgradeContext {
  store: BoardStore
  wss: WebSocketServer
  rooms: RoomManager
  admission: Admission
  allowedOrigins: readonly string[]
  metrics: Metrics
  log: Logger
  isClosing(): boolean
}

type Refusal = { status: number; reason: RefusedConnectionReason; retryAfterSeconds?: number }
type Admitted = { boardId: string; role: Role; schema: DocSchema | null }

/**
 * Decides on `/sync/<boardId>[?schema=...]`, the token in `Sec-WebSocket-Protocol` or in
 * `?token=` (syncToken), before any WebSocket exists: 400 for
 * another path or a malformed `schema` (SCHEMA_PARAM), 403 for a browser page of another
 * origin, 429 with Retry-After when the client's address opened too many connections in a
 * short time (before any database work), 404 for a malformed or unknown board, 401 for a
 * token that is not this board's, 429 when the client's address has too many connections
 * open, 503 when the board is full, when no more boards fit in memory or when the server is
 * shutting down.
 */
export function handleUpgrade(
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  ctx: UpgradeContext,
): void {
  // A client resetting mid-handshake must not become an uncaught 'error'.
  socket.on('error', () => {})
  const { pathname, query } = splitUrl(req.url)
  const address = ctx.admission.clientAddress(req)
  const decision = decide(req, pathname, query, address, ctx)
  ctx.log(`UPGRADE ${pathname} ${'status' in decision ? decision.status : 101}`)
  if ('status' in decision) {
    ctx.metrics.refusedConnection(decision.reason)
    return refuse(socket, decision.status, decision.retryAfterSeconds)
  }
  socket.once('close', ctx.admission.reserve(decision.boardId, address))
  ctx.wss.handleUpgrade(req, socket, head, (ws) => {
    // With noServer, ws leaves emitting 'connection' to us; the heartbeat listens to it.
    ctx.wss.emit('connection', ws, req)
    ctx.rooms.accept(decision.boardId, ws, decision.role, decision.schema)
  })
}

function decide(
  req: IncomingMessage,
  pathname: string,
  query: URLSearchParams,
  address: string,
  ctx: UpgradeContext,
): Refusal | Admitted {
  const match = /^\/sync\/([^/]+)$/.exec(pathname)
  if (!match) return { status: 400, reason: 'bad_path' }
  // The client's schema is only compared once the board is loaded (RoomManager.accept) [1].
  const declared = query.get(SCHEMA_PARAM)
  const schema = declared === null ? null : readSchemaParam(declared)
  if (declared !== null && !schema) return { status: 400, reason: 'bad_path' }
  if (ctx.isClosing()) return { status: 503, reason: 'shutting_down' }
  // Before any database work: a page elsewhere learns nothing, not even whether a board exists.
  if (!originAllowed(req, ctx.allowedOrigins)) return { status: 403, reason: 'origin' }
  const boardId = match[1]!
  if (!isBoardId(boardId)) return { status: 404, reason: 'not_found' }
  // Each admitted connection loads and encodes a board: a connect loop is held here [2].
  const rate = ctx.admission.newConnection(address)
  if (!rate.ok) {
    return { status: 429, reason: 'connection_rate', retryAfterSeconds: rate.retryAfterSeconds }
  }
  let role: Role | null
  try {
    if (!ctx.store.getBoard(boardId)) return { status: 404, reason: 'not_found' }
    role = authenticate(ctx.store, boardId, syncToken(req, query))
  } catch (error) {
    ctx.log(`storage error during upgrade: ${String(error)}`)
    return { status: 503, reason: 'storage' }
  }
  if (!role) return { status: 401, reason: 'unauthorized' }
  const full = ctx.admission.check(boardId, address)
  if (full) return full
  // Last: it may store and evict idle boards to make room (RoomManager [1]).
  if (!ctx.rooms.makeRoomFor(boardId)) return { status: 503, reason: 'memory_full' }
  return { boardId, role, schema }
}

/**
 * The link's token: from the `wijktafel.token.<token>` subprotocol our client offers, else
 * from `?token=`, which stock y-websocket clients (`params: { token }`) still use [3].
 */
export function syncToken(req: IncomingMessage, query: URLSearchParams): string | null {
  const header = req.headers['sec-websocket-protocol']
  const offered = header ? header.split(',').map((protocol) => protocol.trim()) : []
  return tokenFromProtocols(offered) ?? query.get('token')
}

/**
 * ws's `handleProtocols`: the answer names `wijktafel` when it was offered, and never the
 * token protocol, which would send the token back in the response. A client that offered
 * only the token gets no protocol in the answer, and browsers (Chrome, Firefox) fail a
 * handshake that offered subprotocols and got none back: that is why our client always
 * offers `wijktafel` beside the token (syncProtocols in shared/src/protocol/syncAuth.ts).
 */
export function chooseSyncProtocol(offered: Set<string>): string | false {
  return offered.has(SYNC_PROTOCOL) ? SYNC_PROTOCOL : false
}

function refuse(socket: Duplex, status: number, retryAfterSeconds?: number): void {
  const text = `${STATUS_CODES[status] ?? 'Error'}\n`
  const headers = {
    ...SECURITY_HEADERS,
    ...(retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) }),
    Connection: 'close',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n${text}`)
}

// [1] Without the parameter (a stock y-websocket client) nothing is compared, as before. A
//     malformed one is counted with the other bad requests (`bad_path`) in the metrics.
// [2] After the cheap checks of the request itself (path, origin, id format), which cost no
//     token, and before the store is asked anything: a refused connection costs no database
//     read. A connection refused later (401, 404, full) has used its token.
// [3] A URL is written down in more places than a header (the browser's console on a failed
//     connection, proxies' access logs): shared/src/protocol/syncAuth.ts. Neither the header
//     nor the query string is logged here, only the path.
