import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { LOOPBACK_RATES_ENV } from './loopbackRates.js'
import { TEST_METRICS_TOKEN } from './metrics.js'

/** The built server: `pnpm test` builds it first; locally, `npx tsc -b server`. */
export const SERVER_MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url))

export interface ServerProcess {
  readonly child: ChildProcess
  readonly port: number
  /** http://127.0.0.1:<port> */
  readonly url: string
  /** ws://127.0.0.1:<port> */
  readonly wsUrl: string
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  readonly output: string[]
  /** Resolves with the exit code or signal once the process has exited. */
  readonly exited: Promise<number | string | null>
  /** Sends `signal` (SIGKILL: a crash) and waits until the process is gone. */
  stop(signal: NodeJS.Signals): Promise<void>
}

/** A port that was free a moment ago, on loopback; kept across restarts of one test. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/**
 * Starts `node server/dist/main.js` on loopback with DATA_DIR and the given environment,
 * and resolves when it says it is listening. The test owns the process: stop it.
 */
export async function startServerProcess(options: {
  dataDir: string
  port: number
  env?: Record<string, string>
  timeoutMs?: number
}): Promise<ServerProcess> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(
      `${SERVER_MAIN} is missing: build the server first (npx tsc -b server; pnpm test does it).`,
    )
  }
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(options.port),
      DATA_DIR: options.dataDir,
      CLIENT_DIST: options.dataDir, // no client: this is about sync
      ...LOOPBACK_RATES_ENV,
      METRICS_TOKEN: TEST_METRICS_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output: string[] = []
  const collect = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    if (output.length > 200) output.splice(0, output.length - 200)
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start:\n${output.join('\n')}`)),
      options.timeoutMs ?? 15_000,
    )
    child.stdout!.on('data', () => {
      if (output.some((line) => line.startsWith('Wijktafel listening on'))) {
        clearTimeout(timer)
        resolve()
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${String(code)}) while starting:\n${output.join('\n')}`))
    })
  })
  try {
    await listening
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  const url = `http://127.0.0.1:${options.port}`
  return {
    child,
    port: options.port,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    output,
    exited,
    async stop(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
