import type { IncomingMessage } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocketServer } from 'ws'
import { isBoardId } from '@wijktafel/shared'
import { authenticate } from '../auth/authenticate.js'
import type { Logger } from '../config.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import type { RoomManager } from '../rooms/RoomManager.js'
import { SECURITY_HEADERS, splitUrl } from './respond.js'

export interface UpgradeContext {
  store: BoardStore
  wss: WebSocketServer
  rooms: RoomManager
  log: Logger
  isClosing(): boolean
}

/**
 * Decides on `/sync/<boardId>?token=...` before any WebSocket exists: 400 for another
 * path, 404 for a malformed or unknown board, 401 for a token that is not this board's.
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
  const status = decide(pathname, query.get('token'), ctx)
  ctx.log(`UPGRADE ${pathname} ${typeof status === 'number' ? status : 101}`)
  if (typeof status === 'number') return refuse(socket, status)
  ctx.wss.handleUpgrade(req, socket, head, (ws) => {
    // With noServer, ws leaves emitting 'connection' to us; the heartbeat listens to it.
    ctx.wss.emit('connection', ws, req)
    ctx.rooms.accept(status.boardId, ws, status.role)
  })
}

function decide(pathname: string, token: string | null, ctx: UpgradeContext) {
  const match = /^\/sync\/([^/]+)$/.exec(pathname)
  if (!match) return 400
  if (ctx.isClosing()) return 503
  const boardId = match[1]!
  if (!isBoardId(boardId)) return 404
  try {
    if (!ctx.store.getBoard(boardId)) return 404
    const role = authenticate(ctx.store, boardId, token)
    return role ? { boardId, role } : 401
  } catch (error) {
    ctx.log(`storage error during upgrade: ${String(error)}`)
    return 503
  }
}

function refuse(socket: Duplex, status: number): void {
  const text = `${STATUS_CODES[status] ?? 'Error'}\n`
  const headers = {
    ...SECURITY_HEADERS,
    Connection: 'close',
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  }
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`)
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('')}\r\n${text}`)
}
