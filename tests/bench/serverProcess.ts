/**
 * Child-process entry: starts ONE sync server on a free loopback port, so its CPU and
 * memory can be measured apart from the clients. Talks to the parent over IPC:
 *   -> { type: 'ready', port }       <- { type: 'sample', gc }  -> { type: 'sample', ... }
 *   <- { type: 'stop' }              (closes and exits)
 *
 * Kinds:
 *   ours      our server, SQLite WAL synchronous=FULL, token auth, validation (as built)
 *   ours-mem  our server with SQLite in memory: the same code without disk writes
 *   ours-1tx  our server on the same SQLite file store without its `transaction`: the group
 *             commit then commits each update on its own, one fsync per update, as before
 *   stock     @y/websocket-server 0.1.1 `setupWSConnection` on ws 8, no persistence, no auth
 *   tldraw    @tldraw/sync-core 5.4.2 TLSocketRoom, one SQLite file per room (WAL, FULL)
 *
 *   node --expose-gc --import tsx tests/bench/serverProcess.ts <kind>
 */
import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { WebSocketServer } from 'ws'
import type { TLSocketRoom as Room } from '@tldraw/sync-core'
import type { UnknownRecord } from '@tldraw/store'
import { LOOPBACK_RATES } from '../helpers/loopbackRates.js'
import type { ServerOptions } from '@wijktafel/server'

export type ServerKind = 'ours' | 'ours-mem' | 'ours-1tx' | 'stock' | 'tldraw'

export interface ServerSample {
  type: 'sample'
  /** Microseconds of CPU since the process started (user + system). */
  cpuMicros: number
  rss: number
  heapUsed: number
  external: number
  /** Event-loop utilisation since the previous sample, 0..1. */
  elu: number
}

interface Running {
  port: number
  close(): Promise<void>
}

/**
 * Every simulated client connects from 127.0.0.1, so the per-address connection cap (a
 * guard against one machine opening thousands of sockets) is lifted, and so are the rates of
 * new connections and boards per address; per-board caps and
 * message rate limits stay at their defaults. Spread, so it also runs against a server
 * build from before that option existed.
 */
const LOOPBACK_CLIENTS = { maxConnectionsPerIp: 100_000, ...LOOPBACK_RATES }

type OursKind = 'ours' | 'ours-mem' | 'ours-1tx'

async function startOurs(kind: OursKind, dataDir: string): Promise<Running> {
  const { createServer, openSqliteBoardStore, DATABASE_FILE } = await import('@wijktafel/server')
  let persistence: ServerOptions['persistence'] = { kind: 'sqlite', dataDir }
  if (kind === 'ours-mem') persistence = { kind: 'memory' }
  if (kind === 'ours-1tx') {
    // The same file and PRAGMAs; without `transaction` every append is its own commit.
    const { transaction: _, ...store } = openSqliteBoardStore(join(dataDir, DATABASE_FILE))
    persistence = { kind: 'store', store }
  }
  const server = await createServer({
    ...LOOPBACK_CLIENTS,
    port: 0,
    host: '127.0.0.1',
    persistence,
    // Rooms stay loaded for the memory figures; compaction stays at its default.
    roomIdleMs: 10 * 60_000,
    log: () => {},
  })
  return { port: server.port, close: () => server.close() }
}

async function listen(http: Server, wss: WebSocketServer): Promise<Running> {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  return {
    port: (http.address() as AddressInfo).port,
    close: async () => {
      for (const ws of wss.clients) ws.terminate()
      wss.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

async function startStock(): Promise<Running> {
  // As the package's own bin does it, but on ws 8 (its optional ws 6 is not installed).
  const { setupWSConnection } = await import('@y/websocket-server/utils')
  const wss = new WebSocketServer({ noServer: true })
  const http = createHttpServer((_req, res) => res.writeHead(404).end())
  http.on('upgrade', (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => setupWSConnection(ws, req)),
  )
  return listen(http, wss)
}

async function startTldraw(dataDir: string): Promise<Running> {
  const { TLSocketRoom, SQLiteSyncStorage, NodeSqliteWrapper } = await import('@tldraw/sync-core')
  const { default: Database } = await import('better-sqlite3')
  const rooms = new Map<string, Room<UnknownRecord, void>>()
  const dbs: { close(): void }[] = []
  const roomFor = (roomId: string) => {
    let room = rooms.get(roomId)
    if (!room) {
      const db = new Database(join(dataDir, `${roomId.replace(/[^\w-]/g, '_')}.db`))
      db.pragma('journal_mode = WAL')
      db.pragma('synchronous = FULL')
      dbs.push(db)
      const storage = new SQLiteSyncStorage<UnknownRecord>({ sql: new NodeSqliteWrapper(db) })
      room = new TLSocketRoom<UnknownRecord, void>({ storage })
      rooms.set(roomId, room)
    }
    return room
  }
  const wss = new WebSocketServer({ noServer: true })
  const http = createHttpServer((_req, res) => res.writeHead(404).end())
  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const match = /^\/connect\/([\w-]+)$/.exec(url.pathname)
    const sessionId = url.searchParams.get('sessionId')
    if (!match || !sessionId) return socket.destroy()
    wss.handleUpgrade(req, socket, head, (ws) => {
      roomFor(match[1]!).handleSocketConnect({ sessionId, socket: ws as never })
    })
  })
  const running = await listen(http, wss)
  return {
    port: running.port,
    close: async () => {
      for (const room of rooms.values()) room.close()
      await running.close()
      for (const db of dbs) db.close()
    },
  }
}

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind
  const dataDir = mkdtempSync(join(tmpdir(), `wijktafel-bench-${kind}-`))
  const running =
    kind === 'ours' || kind === 'ours-mem' || kind === 'ours-1tx'
      ? await startOurs(kind, dataDir)
      : kind === 'stock'
        ? await startStock()
        : kind === 'tldraw'
          ? await startTldraw(dataDir)
          : null
  if (!running) throw new Error(`unknown server kind ${kind}`)
  let lastElu = performance.eventLoopUtilization()
  const gc = (globalThis as { gc?: () => void }).gc
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type === 'sample') {
      if (message.gc && gc) for (let i = 0; i < 3; i++) gc()
      const cpu = process.cpuUsage()
      const mem = process.memoryUsage()
      const elu = performance.eventLoopUtilization(lastElu)
      lastElu = performance.eventLoopUtilization()
      const sample: ServerSample = {
        type: 'sample',
        cpuMicros: cpu.user + cpu.system,
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        external: mem.external + mem.arrayBuffers,
        elu: elu.utilization,
      }
      process.send!(sample)
    } else if (message.type === 'stop') {
      void running.close().finally(() => {
        rmSync(dataDir, { recursive: true, force: true })
        process.exit(0)
      })
    }
  })
  // The parent going away must not leave a server behind.
  process.on('disconnect', () => process.exit(0))
  process.send!({ type: 'ready', port: running.port })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
