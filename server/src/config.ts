import { DEFAULT_MAX_ASSET_BYTES, DEFAULT_MAX_IMPORT_BYTES } from '@wijktafel/shared'
import type { BoardStore } from './persistence/BoardStore.js'

export type Logger = (line: string) => void

/**
 * Where boards live: SQLite in `dataDir/wijktafel.sqlite`, SQLite in memory (tests), or a
 * ready-made store (tests that need a failing disk). The server closes the store on close().
 */
export type PersistenceConfig =
  { kind: 'sqlite'; dataDir: string } | { kind: 'memory' } | { kind: 'store'; store: BoardStore }

export interface ServerConfig {
  host: string
  /** 0 picks a free port; WijktafelServer.port tells which. */
  port: number
  persistence: PersistenceConfig
  /** The built client (index.html + assets); null or a missing folder serves a 503 page. */
  clientDist: string | null
  /** Largest WebSocket message; a bigger one closes that connection with 1009. */
  maxMessageBytes: number
  /** How long a room stays in memory after its last connection left. */
  roomIdleMs: number
  /** Log length after which a room's document is compacted into one state row. */
  compactAfterUpdates: number
  /** Largest HTTP request body (POST /api/boards). */
  maxBodyBytes: number
  /** Largest photo or picture (POST /api/boards/:id/assets); a bigger one gets 413. */
  maxAssetBytes: number
  /** Largest board file (POST /api/boards/import); a bigger one gets 413 and creates nothing. */
  maxImportBytes: number
  /** Automatic versions kept per board (last person left, before restore or import). */
  maxAutoVersions: number
  /** Named versions per board; one more is refused with 409 until one is deleted. */
  maxNamedVersions: number
  /** Sockets that do not answer a ping within this interval are terminated. */
  pingIntervalMs: number
  /** On close(), how long sockets get to finish the close handshake. */
  shutdownGraceMs: number
  /**
   * Largest encoded board (Y.encodeStateAsUpdate). An update that would grow a board past it
   * closes its connection with 4413; updates that shrink an oversized board still pass.
   */
  maxBoardBytes: number
  /**
   * Per connection, a token bucket for document messages (sync step 1, step 2, update, query
   * awareness, and awareness messages that change nothing): refill per second and size.
   * Past it the connection is closed with 4429.
   */
  docMessagesPerSecond: number
  docMessageBurst: number
  /** The same for awareness messages that change someone's presence; tighter [1]. */
  awarenessPerSecond: number
  awarenessBurst: number
  /** Largest awareness (presence) payload; a bigger one closes the connection with 4413. */
  maxAwarenessBytes: number
  /** A room sends the presence changes of this interval in one message (0: same tick only). */
  awarenessFlushMs: number
  /** Open WebSockets per board; past it, upgrades are refused with 503. */
  maxConnectionsPerBoard: number
  /** Open WebSockets per client address (all boards); past it, upgrades get 429. */
  maxConnectionsPerIp: number
  /**
   * Origins (`https://host[:port]`) allowed to open a WebSocket besides the server's own
   * (the request's Host). A browser from anywhere else gets 403 [2].
   */
  allowedOrigins: string[]
  /** Behind a reverse proxy: the client address is the last `X-Forwarded-For` entry. */
  trustProxy: boolean
  /**
   * New WebSockets per client address: a token bucket refilled by this many a minute, holding
   * `newConnectionBurstPerIp` [3]. Past it, upgrades get 429 with Retry-After.
   */
  newConnectionsPerIpPerMinute: number
  newConnectionBurstPerIp: number
  /** New boards (POST /api/boards and /api/boards/import) per client address, the same way. */
  boardsPerIpPerHour: number
  boardBurstPerIp: number
  /** Boards held in memory at most; past it the least recently used idle room is stored and evicted. */
  maxRooms: number
  /** Encoded document bytes of all rooms in memory at most; the same eviction past it. */
  maxDocBytesInMemory: number
  /** Per record, for every record type (tldraw's own too): its whole JSON, in bytes. */
  maxRecordBytes: number
  /** Per text field of a record (a note's text, a label, a card's text), in characters. */
  maxTextChars: number
  /** The free-form `meta` of a record, as JSON, in bytes. */
  maxMetaBytes: number
  /** Points of one freehand drawing. */
  maxDrawPoints: number
  /** `GET /metrics` needs `Authorization: Bearer <metricsToken>`; null: /metrics is off (404). */
  metricsToken: string | null
  /**
   * Origins that may show the board in a frame (CSP `frame-ancestors`); empty: none may
   * (`'none'`, and X-Frame-Options DENY).
   */
  frameAncestors: string[]
  /** Receives one line per request and per notable event. Never receives tokens. */
  log: Logger
}

export type ServerOptions = Partial<ServerConfig> & Pick<ServerConfig, 'persistence'>

export const defaultConfig: Omit<ServerConfig, 'persistence'> = {
  host: '0.0.0.0',
  port: 8080,
  clientDist: null,
  maxMessageBytes: 4 * 1024 * 1024,
  roomIdleMs: 30_000,
  compactAfterUpdates: 500,
  maxBodyBytes: 16 * 1024,
  maxAssetBytes: DEFAULT_MAX_ASSET_BYTES,
  maxImportBytes: DEFAULT_MAX_IMPORT_BYTES,
  maxAutoVersions: 20,
  maxNamedVersions: 200,
  pingIntervalMs: 30_000,
  shutdownGraceMs: 1_000,
  maxBoardBytes: 16 * 1024 * 1024,
  docMessagesPerSecond: 200,
  docMessageBurst: 400,
  awarenessPerSecond: 30,
  awarenessBurst: 60,
  maxAwarenessBytes: 64 * 1024,
  awarenessFlushMs: 50,
  maxConnectionsPerBoard: 100,
  maxConnectionsPerIp: 100,
  allowedOrigins: [],
  trustProxy: false,
  newConnectionsPerIpPerMinute: 120,
  newConnectionBurstPerIp: 60,
  boardsPerIpPerHour: 60,
  boardBurstPerIp: 20,
  maxRooms: 500,
  maxDocBytesInMemory: 512 * 1024 * 1024,
  maxRecordBytes: 256 * 1024,
  maxTextChars: 10_000,
  maxMetaBytes: 8 * 1024,
  maxDrawPoints: 10_000,
  metricsToken: null,
  frameAncestors: [],
  log: (line) => console.log(line),
}

export class ConfigError extends Error {
  readonly code = 'bad_config'
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

const INTEGER_KEYS = [
  'port',
  'maxMessageBytes',
  'roomIdleMs',
  'compactAfterUpdates',
  'maxBodyBytes',
  'maxAssetBytes',
  'maxImportBytes',
  'maxAutoVersions',
  'maxNamedVersions',
  'pingIntervalMs',
  'shutdownGraceMs',
  'maxBoardBytes',
  'docMessagesPerSecond',
  'docMessageBurst',
  'awarenessPerSecond',
  'awarenessBurst',
  'maxAwarenessBytes',
  'awarenessFlushMs',
  'maxConnectionsPerBoard',
  'maxConnectionsPerIp',
  'newConnectionsPerIpPerMinute',
  'newConnectionBurstPerIp',
  'boardsPerIpPerHour',
  'boardBurstPerIp',
  'maxRooms',
  'maxDocBytesInMemory',
  'maxRecordBytes',
  'maxTextChars',
  'maxMetaBytes',
  'maxDrawPoints',
] as const

/** Fills in defaults and refuses nonsense with a message naming the option. */
export function resolveConfig(options: ServerOptions): ServerConfig {
  const config: ServerConfig = {
    ...defaultConfig,
    ...stripUndefined(options),
    persistence: options.persistence,
  }
  for (const key of INTEGER_KEYS) {
    const value = config[key]
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ConfigError(`${key} must be a whole number of at least 0, got ${String(value)}.`)
    }
  }
  if (config.port > 65535) throw new ConfigError(`port must be at most 65535.`)
  if (config.compactAfterUpdates < 1) throw new ConfigError('compactAfterUpdates must be >= 1.')
  if (config.maxMessageBytes < 1024) throw new ConfigError('maxMessageBytes must be >= 1024.')
  if (config.maxBoardBytes < 1024) throw new ConfigError('maxBoardBytes must be >= 1024.')
  for (const key of [
    'docMessagesPerSecond',
    'docMessageBurst',
    'awarenessPerSecond',
    'awarenessBurst',
    'maxConnectionsPerBoard',
    'maxConnectionsPerIp',
    'maxAssetBytes',
    'maxImportBytes',
    'maxAutoVersions',
    'maxNamedVersions',
    'newConnectionsPerIpPerMinute',
    'newConnectionBurstPerIp',
    'boardsPerIpPerHour',
    'boardBurstPerIp',
    'maxRooms',
    'maxDocBytesInMemory',
    'maxRecordBytes',
    'maxTextChars',
    'maxMetaBytes',
    'maxDrawPoints',
  ] as const) {
    if (config[key] < 1) throw new ConfigError(`${key} must be >= 1.`)
  }
  if (config.metricsToken !== null && config.metricsToken.length < 16) {
    throw new ConfigError('metricsToken must be at least 16 characters (or unset: no /metrics).')
  }
  config.frameAncestors = config.frameAncestors.map((origin) => {
    const normal = normalizeOrigin(origin)
    if (!normal)
      throw new ConfigError(
        `frameAncestors: "${origin}" is not an origin like https://intranet.example.org.`,
      )
    return normal
  })
  config.allowedOrigins = config.allowedOrigins.map((origin) => {
    const normal = normalizeOrigin(origin)
    if (!normal)
      throw new ConfigError(
        `allowedOrigins: "${origin}" is not an origin like https://example.org.`,
      )
    return normal
  })
  return config
}

/** `scheme://host[:port]` in lower case without a default port, or null for anything else. */
export function normalizeOrigin(origin: string): string | null {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  // Paths, queries and credentials make it a URL, not an origin.
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return null
  return url.origin
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}

// [1] Honest clients: tldraw writes at most one update per frame (its throttle targets 120
//     fps), so a long drag sends up to ~120 document messages a second; y-websocket clients
//     echo every presence change they receive back to the server (a no-op there, counted as
//     a document message), at most 1000 / awarenessFlushMs a second. Presence is throttled to
//     20 a second in the client. 200/s and 30/s leave room for both; a burst covers a
//     reconnect. Presence changes are the expensive ones: each is sent to everyone.
// [2] Browsers always send Origin with a WebSocket, so a missing Origin is not a browser
//     (a script, a Node client): it still needs a token, like any client, and is allowed.
// [3] A meeting behind one community-centre router is one address for everyone: 40 people
//     opening the board at once, and all of them reconnecting after the Wi-Fi drops, must
//     fit in the burst; a script looping connect-and-sync must not.
