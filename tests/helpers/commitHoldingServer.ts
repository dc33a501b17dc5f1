/**
 * A real server in its own process whose store stops IN the transaction of its
 * HOLD_AT_BATCH-th batch of appends: the appends ran, the commit has not. It prints
 * `holding batch <n>` and blocks its thread (no more reads, no more sends), so the test can
 * see what the clients had received by then and pull the plug (SIGKILL) on an open batch.
 *
 *   node --import tsx tests/helpers/commitHoldingServer.ts   (PORT, DATA_DIR, HOLD_AT_BATCH)
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DATABASE_FILE, createServer, openSqliteBoardStore } from '@wijktafel/server'
import type { SqliteBoardStore } from '@wijktafel/server'
import { LOOPBACK_RATES } from './loopbackRates.js'

const ENTRY = fileURLToPath(import.meta.url)

export interface HoldingServer {
  readonly url: string
  readonly wsUrl: string
  /** Resolves once the store is holding its batch open. */
  readonly holding: Promise<void>
  /** SIGKILL, and wait until the process is gone. */
  kill(): Promise<void>
}

/** Starts the server (the test side); resolves when it listens. */
export async function startHoldingServer(options: {
  dataDir: string
  port: number
  holdAtBatch: number
}): Promise<HoldingServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      HOLD_AT_BATCH: String(options.holdAtBatch),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let out = ''
  const said = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => out.includes(line) && resolve()
      child.stdout!.on('data', check)
      void exited.then(() => reject(new Error(`the server exited before saying "${line}"`)))
    })
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
  const listening = said('listening')
  const holding = said('holding batch')
  holding.catch(() => {})
  await listening
  const url = `http://127.0.0.1:${options.port}`
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    holding,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

/** The server side. */
async function main(): Promise<void> {
  const holdAt = Number(process.env.HOLD_AT_BATCH)
  const real = openSqliteBoardStore(join(process.env.DATA_DIR!, DATABASE_FILE))
  let batches = 0
  let appends = 0
  const store: SqliteBoardStore = {
    ...real,
    appendUpdate(boardId, update) {
      appends++
      return real.appendUpdate(boardId, update)
    },
    transaction(write) {
      return real.transaction(() => {
        appends = 0
        const result = write()
        if (appends > 0 && ++batches === holdAt) {
          // A pipe's write is synchronous on Linux: the line is out before the thread stops.
          process.stdout.write(`holding batch ${batches} of ${appends} updates\n`)
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000)
        }
        return result
      })
    },
  }
  await createServer({
    ...LOOPBACK_RATES,
    host: '127.0.0.1',
    port: Number(process.env.PORT),
    persistence: { kind: 'store', store },
    log: () => {},
  })
  process.stdout.write('listening\n')
}

if (process.argv[1] === ENTRY) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
