import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { ConfigError, createServer, defaultConfig } from './app.js'
import type { WijktafelServer } from './app.js'

// The only file that reads the environment and touches the process.

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value))
    throw new ConfigError(`${name} must be a whole number, got "${raw}".`)
  return value
}

function booleanFromEnv(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim().toLowerCase()
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes'].includes(raw)) return true
  if (['0', 'false', 'no'].includes(raw)) return false
  throw new ConfigError(`${name} must be true or false, got "${raw}".`)
}

/** A comma-separated list; empty entries are ignored. */
function listFromEnv(name: string, fallback: string[]): string[] {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
}

async function main(): Promise<void> {
  const host = process.env.HOST || '0.0.0.0'
  const defaultClientDist = fileURLToPath(new URL('../../client/dist', import.meta.url))
  let server: WijktafelServer
  try {
    server = await createServer({
      host,
      port: integerFromEnv('PORT', 8080),
      persistence: { kind: 'sqlite', dataDir: resolve(process.env.DATA_DIR || './data') },
      clientDist: resolve(process.env.CLIENT_DIST || defaultClientDist),
      maxMessageBytes: integerFromEnv('MAX_MESSAGE_BYTES', defaultConfig.maxMessageBytes),
      roomIdleMs: integerFromEnv('ROOM_IDLE_MS', defaultConfig.roomIdleMs),
      compactAfterUpdates: integerFromEnv(
        'COMPACT_AFTER_UPDATES',
        defaultConfig.compactAfterUpdates,
      ),
      maxBoardBytes: integerFromEnv('MAX_BOARD_BYTES', defaultConfig.maxBoardBytes),
      maxAssetBytes: integerFromEnv('MAX_ASSET_BYTES', defaultConfig.maxAssetBytes),
      maxImportBytes: integerFromEnv('MAX_IMPORT_BYTES', defaultConfig.maxImportBytes),
      maxAutoVersions: integerFromEnv('MAX_AUTO_VERSIONS', defaultConfig.maxAutoVersions),
      maxNamedVersions: integerFromEnv('MAX_NAMED_VERSIONS', defaultConfig.maxNamedVersions),
      docMessagesPerSecond: integerFromEnv(
        'DOC_MESSAGES_PER_SECOND',
        defaultConfig.docMessagesPerSecond,
      ),
      docMessageBurst: integerFromEnv('DOC_MESSAGE_BURST', defaultConfig.docMessageBurst),
      awarenessPerSecond: integerFromEnv('AWARENESS_PER_SECOND', defaultConfig.awarenessPerSecond),
      awarenessBurst: integerFromEnv('AWARENESS_BURST', defaultConfig.awarenessBurst),
      maxAwarenessBytes: integerFromEnv('MAX_AWARENESS_BYTES', defaultConfig.maxAwarenessBytes),
      maxConnectionsPerBoard: integerFromEnv(
        'MAX_CONNECTIONS_PER_BOARD',
        defaultConfig.maxConnectionsPerBoard,
      ),
      maxConnectionsPerIp: integerFromEnv(
        'MAX_CONNECTIONS_PER_IP',
        defaultConfig.maxConnectionsPerIp,
      ),
      allowedOrigins: listFromEnv('ALLOWED_ORIGINS', defaultConfig.allowedOrigins),
      trustProxy: booleanFromEnv('TRUST_PROXY', defaultConfig.trustProxy),
      newConnectionsPerIpPerMinute: integerFromEnv(
        'NEW_CONNECTIONS_PER_IP_PER_MINUTE',
        defaultConfig.newConnectionsPerIpPerMinute,
      ),
      newConnectionBurstPerIp: integerFromEnv(
        'NEW_CONNECTION_BURST_PER_IP',
        defaultConfig.newConnectionBurstPerIp,
      ),
      boardsPerIpPerHour: integerFromEnv(
        'BOARDS_PER_IP_PER_HOUR',
        defaultConfig.boardsPerIpPerHour,
      ),
      boardBurstPerIp: integerFromEnv('BOARD_BURST_PER_IP', defaultConfig.boardBurstPerIp),
      maxRooms: integerFromEnv('MAX_ROOMS', defaultConfig.maxRooms),
      maxDocBytesInMemory: integerFromEnv(
        'MAX_DOC_BYTES_IN_MEMORY',
        defaultConfig.maxDocBytesInMemory,
      ),
      maxRecordBytes: integerFromEnv('MAX_RECORD_BYTES', defaultConfig.maxRecordBytes),
      maxTextChars: integerFromEnv('MAX_TEXT_CHARS', defaultConfig.maxTextChars),
      maxMetaBytes: integerFromEnv('MAX_META_BYTES', defaultConfig.maxMetaBytes),
      maxDrawPoints: integerFromEnv('MAX_DRAW_POINTS', defaultConfig.maxDrawPoints),
      metricsToken: process.env.METRICS_TOKEN?.trim() || null,
      frameAncestors: listFromEnv('FRAME_ANCESTORS', defaultConfig.frameAncestors),
    })
  } catch (error) {
    console.error(
      `Wijktafel could not start: ${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  }
  console.log(`Wijktafel listening on http://${host}:${server.port}`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`${signal} received, storing boards and closing`)
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Wijktafel did not close cleanly: ${String(error)}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

void main()
