/**
 * Parent side of serverProcess.ts: spawns a server of a given kind in its own Node
 * process, opens boards on it, samples its CPU and memory, and stops it.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ServerKind, ServerSample } from './serverProcess.js'
import { createBoard } from './support.js'

export type { ServerKind, ServerSample } from './serverProcess.js'

export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'ours (SQLite FULL)',
  'ours-mem': 'ours (SQLite :memory:)',
  'ours-1tx': 'ours, a commit per update (FULL)',
  stock: '@y/websocket-server 0.1.1',
  tldraw: 'tldraw TLSocketRoom 5.4.2',
}

/** A board to connect to: the room name and (for our server) an editor token. */
export interface Board {
  roomId: string
  token: string
}

export interface BenchServer {
  readonly kind: ServerKind
  readonly url: string
  readonly pid: number
  openBoard(title: string): Promise<Board>
  /** CPU since start, memory now; `gc` collects garbage first (for memory per board). */
  sample(gc?: boolean): Promise<ServerSample>
  stop(): Promise<void>
}

const ENTRY = join(dirname(fileURLToPath(import.meta.url)), 'serverProcess.ts')

export function parseKinds(raw: string | undefined, fallback: ServerKind[]): ServerKind[] {
  if (!raw) return fallback
  const kinds = raw.split(',').map((s) => s.trim()) as ServerKind[]
  for (const kind of kinds)
    if (!(kind in SERVER_LABELS)) throw new Error(`unknown server kind "${kind}"`)
  return kinds
}

export async function startServer(kind: ServerKind): Promise<BenchServer> {
  const child: ChildProcess = fork(ENTRY, [kind], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    // Generous: on a shared machine under load, tsx alone takes 15 s to start a server.
    const timer = setTimeout(
      () => reject(new Error(`${kind} server did not start in 120 s`)),
      120_000,
    )
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)))
    child.once('message', (message: { type: string; port: number }) => {
      clearTimeout(timer)
      resolve(message.port)
    })
  })
  const url = `http://127.0.0.1:${port}`
  // Samples are answered in order, so a queue of resolvers is enough.
  const waiting: ((sample: ServerSample) => void)[] = []
  child.on('message', (message: ServerSample) => {
    if (message.type === 'sample') waiting.shift()?.(message)
  })
  return {
    kind,
    url,
    pid: child.pid!,
    async openBoard(title) {
      if (kind.startsWith('ours')) {
        const board = await createBoard(url, title)
        return { roomId: board.id, token: board.tokens.editor }
      }
      return { roomId: randomUUID().replaceAll('-', ''), token: '' }
    },
    sample(gc = false) {
      return new Promise<ServerSample>((resolve) => {
        waiting.push(resolve)
        child.send({ type: 'sample', gc })
      })
    },
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.send({ type: 'stop' })
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
  }
}
