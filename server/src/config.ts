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
  /** Sockets that do not answer a ping within this interval are terminated. */
  pingIntervalMs: number
  /** On close(), how long sockets get to finish the close handshake. */
  shutdownGraceMs: number
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
  pingIntervalMs: 30_000,
  shutdownGraceMs: 1_000,
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
  'pingIntervalMs',
  'shutdownGraceMs',
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
  return config
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
