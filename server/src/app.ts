import { mkdirSync } from 'node:fs'
import { createServer as createHttpServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import { resolveConfig } from './config.js'
import type { PersistenceConfig, ServerConfig, ServerOptions } from './config.js'
import { Admission } from './http/admission.js'
import { handleAssets, isAssetsPath } from './http/assetsApi.js'
import { handleBoardFiles, isBoardFilePath } from './http/boardFileApi.js'
import { handleApi } from './http/boardsApi.js'
import { handleMetrics } from './http/metricsEndpoint.js'
import type { BoardServices } from './http/services.js'
import { handleVersions, isVersionsPath } from './http/versionsApi.js'
import {
  SECURITY_HEADERS,
  sendError,
  sendJson,
  sendMethodNotAllowed,
  splitUrl,
} from './http/respond.js'
import { createStaticHandler } from './http/staticFiles.js'
import { chooseSyncProtocol, handleUpgrade } from './http/upgrade.js'
import type { BoardStore } from './persistence/BoardStore.js'
import { Metrics } from './metrics/Metrics.js'
import { lockDataDir } from './persistence/DataDirLock.js'
import { openSqliteBoardStore } from './persistence/SqliteBoardStore.js'
import type { SqliteBoardStore } from './persistence/SqliteBoardStore.js'
import { createBoardSchema } from './records/boardSchema.js'
import { MemoryFullError, RoomManager, StorageUnavailableError } from './rooms/RoomManager.js'
import { createRuleChain } from './rules/index.js'
import { BoardVersions } from './versions/BoardVersions.js'

export { ConfigError, defaultConfig, normalizeOrigin, resolveConfig } from './config.js'
export type { Logger, PersistenceConfig, ServerConfig, ServerOptions } from './config.js'
export type { BoardStore } from './persistence/BoardStore.js'
export type { AssetStore, StoredAsset } from './persistence/AssetStore.js'
export { DataDirInUseError } from './persistence/DataDirLock.js'
export { openSqliteBoardStore } from './persistence/SqliteBoardStore.js'
export type { SqliteBoardStore } from './persistence/SqliteBoardStore.js'

export const DATABASE_FILE = 'wijktafel.sqlite'

export interface WijktafelServer {
  /** The port actually listened on (useful with port 0). */
  readonly port: number
  /** http://host:port, with a loopback host when listening on all interfaces. */
  readonly url: string
  readonly config: ServerConfig
  /** The board store; read-only use by tools and tests (e.g. counting boards). */
  readonly store: BoardStore
  /** Boards currently held in memory. */
  roomCount(): number
  /** What `GET /metrics` answers. */
  metricsText(): string
  /** Stops accepting, compacts every room, closes sockets with 1001, closes the store. */
  close(): Promise<void>
}

/** Starts a Wijktafel server. Everything lives on the returned object; nothing is global. */
export async function createServer(options: ServerOptions): Promise<WijktafelServer> {
  const config = resolveConfig(options)
  const { log } = config
  // One server per data directory: a second one stops here with a clear message.
  const unlockDataDir =
    config.persistence.kind === 'sqlite'
      ? lockDataDir(makeDir(config.persistence.dataDir))
      : () => {}
  let store: BoardStore
  try {
    store = openStore(config.persistence)
  } catch (error) {
    unlockDataDir()
    throw error
  }
  // Photos live in the board database; a ready-made store without them cannot take photos.
  const assets = (store as Partial<SqliteBoardStore>).assets ?? null
  const versionStore = (store as Partial<SqliteBoardStore>).versions ?? null
  const { maxAssetBytes } = config
  const schema = createBoardSchema()
  const rules = createRuleChain(schema, config)
  const metrics = new Metrics({
    rooms: () => rooms.roomCount,
    docBytes: () => rooms.docBytes,
    connections: () => rooms.connectionsByRole(),
  })
  const rooms: RoomManager = new RoomManager({
    store,
    roomIdleMs: config.roomIdleMs,
    compactAfterUpdates: config.compactAfterUpdates,
    limits: config,
    maxRooms: config.maxRooms,
    maxDocBytesInMemory: config.maxDocBytesInMemory,
    rules,
    metrics,
    log,
    onLastLeft: (room) => versions?.keepIfChanged(room),
  })
  const versions =
    versionStore &&
    new BoardVersions({ versions: versionStore, rooms, schema, limits: config, log })
  const sqlite = store as Partial<SqliteBoardStore>
  const admission = new Admission(config, metrics)
  const services: BoardServices = {
    store,
    rooms,
    admission,
    versions,
    assets,
    transaction: sqlite.transaction ? (write) => sqlite.transaction!(write) : null,
    schema,
    rules,
    maxBodyBytes: config.maxBodyBytes,
    maxImportBytes: config.maxImportBytes,
    maxAssetBytes,
    log,
  }
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: config.maxMessageBytes,
    handleProtocols: chooseSyncProtocol,
  })
  const serveStatic = createStaticHandler(config.clientDist, config)
  let closing: Promise<void> | null = null

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    // Only method and path are logged: tokens travel in headers and query strings.
    const { pathname } = splitUrl(req.url)
    res.on('finish', () => log(`${req.method} ${pathname} ${res.statusCode}`))
    if (pathname === '/healthz') {
      if (req.method !== 'GET') return sendMethodNotAllowed(res, ['GET'])
      return sendHealth(res, store, metrics)
    }
    if (pathname === '/metrics') {
      return handleMetrics(req, res, config.metricsToken, () => metrics.render())
    }
    if (isAssetsPath(pathname)) {
      return handleAssets(req, res, pathname, { store, assets, maxAssetBytes, log })
    }
    if (isVersionsPath(pathname)) return handleVersions(req, res, pathname, services)
    if (isBoardFilePath(pathname)) return handleBoardFiles(req, res, pathname, services)
    if (pathname === '/api' || pathname.startsWith('/api/')) {
      return handleApi(req, res, pathname, {
        store,
        admission,
        maxBodyBytes: config.maxBodyBytes,
        log,
        closeConnections: (...args) => rooms.closeConnections(...args),
        deleteBoard: (boardId) => {
          // Out of memory first, so nothing of it is stored again, then out of the database.
          rooms.dropBoard(boardId)
          store.deleteBoard(boardId)
        },
      })
    }
    serveStatic(req, res)
  }

  const http = createHttpServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (error instanceof MemoryFullError && !res.headersSent) {
        // Every board in memory has people in it; one of them leaving makes room.
        res.setHeader('Retry-After', '30')
        return sendError(res, 503, 'memory_full', 'The server is busy: try again in a minute.')
      }
      if (error instanceof StorageUnavailableError && !res.headersSent) {
        return sendError(res, 503, 'storage_unavailable', 'The board could not be read.')
      }
      log(`internal error on ${req.method} ${splitUrl(req.url).pathname}: ${String(error)}`)
      if (!res.headersSent) sendError(res, 500, 'internal_error', 'Something went wrong.')
      else res.destroy()
    })
  })
  http.on('upgrade', (req, socket, head) =>
    handleUpgrade(req, socket, head, {
      store,
      wss,
      rooms,
      admission,
      allowedOrigins: config.allowedOrigins,
      metrics,
      log,
      isClosing: () => !!closing,
    }),
  )

  // A socket whose peer vanished without a close frame would keep its room alive forever.
  const alive = new WeakSet<WebSocket>()
  wss.on('connection', (ws) => {
    alive.add(ws)
    ws.on('pong', () => alive.add(ws))
  })
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) ws.terminate()
      else {
        alive.delete(ws)
        ws.ping()
      }
    }
  }, config.pingIntervalMs)
  heartbeat.unref()

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(config.port, config.host, () => {
      http.off('error', reject)
      resolve()
    })
  }).catch((error: unknown) => {
    clearInterval(heartbeat)
    store.close()
    unlockDataDir()
    throw error
  })
  const port = (http.address() as AddressInfo).port

  async function shutdown(): Promise<void> {
    clearInterval(heartbeat)
    const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()))
    http.closeIdleConnections()
    rooms.closeAll()
    await waitForSockets(wss, config.shutdownGraceMs)
    wss.close()
    http.closeAllConnections()
    await httpClosed
    store.close()
    unlockDataDir()
  }

  return {
    port,
    url: `http://${loopbackFor(config.host)}:${port}`,
    config,
    store,
    roomCount: () => rooms.roomCount,
    metricsText: () => metrics.render(),
    close: () => (closing ??= shutdown()),
  }
}

/**
 * 503 when the database does not answer a query, or when its last write failed (a full
 * disk still answers reads); 200 again after the next write that succeeds.
 */
function sendHealth(res: ServerResponse, store: BoardStore, metrics: Metrics): void {
  try {
    store.ping()
  } catch {
    return sendJson(res, 503, { ok: false, error: 'database unavailable' })
  }
  if (metrics.storageFailing) {
    return sendJson(res, 503, { ok: false, error: 'database refuses writes' })
  }
  sendJson(res, 200, { ok: true })
}

function makeDir(dir: string): string {
  mkdirSync(dir, { recursive: true })
  return dir
}

function openStore(persistence: PersistenceConfig): BoardStore {
  switch (persistence.kind) {
    case 'sqlite':
      return openSqliteBoardStore(join(persistence.dataDir, DATABASE_FILE))
    case 'memory':
      return openSqliteBoardStore(':memory:')
    case 'store':
      return persistence.store
  }
}

/** Waits for the close handshakes started by closeAll(), then cuts whoever is left. */
async function waitForSockets(wss: WebSocketServer, graceMs: number): Promise<void> {
  const pending = [...wss.clients].map(
    (ws) => new Promise<void>((resolve) => ws.once('close', () => resolve())),
  )
  const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref())
  await Promise.race([Promise.all(pending), timer])
  for (const ws of wss.clients) ws.terminate()
}

function loopbackFor(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}
