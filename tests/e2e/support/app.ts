import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, type ServerOptions, type WijktafelServer } from '@wijktafel/server'
import { LOOPBACK_RATES } from '../../helpers/loopbackRates.js'

/** client/dist, or CLIENT_DIST: a private build, while others rebuild the shared one. */
const CLIENT_DIST =
  process.env.CLIENT_DIST ||
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'client', 'dist')

/** The real server with the built client, on a free loopback port and a temporary data dir. */
export interface RunningApp {
  url: string
  port: number
  dataDir: string
  server: WijktafelServer
  /** Stops the server and starts a new one on the same port and data directory. */
  restart(): Promise<void>
  close(): Promise<void>
}

/** `settings`: limits and the like for this app (e.g. a small `maxMessageBytes`). */
export async function startApp(settings: Partial<ServerOptions> = {}): Promise<RunningApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wijktafel-e2e-'))
  const options = (port: number): ServerOptions => ({
    ...LOOPBACK_RATES,
    ...settings,
    port,
    host: '127.0.0.1',
    persistence: { kind: 'sqlite' as const, dataDir },
    clientDist: CLIENT_DIST,
    log: () => {},
  })
  const first = await createServer(options(0))
  const app: RunningApp = {
    url: `http://127.0.0.1:${first.port}`,
    port: first.port,
    dataDir,
    server: first,
    async restart() {
      await app.server.close()
      app.server = await createServer(options(app.port))
    },
    async close() {
      await app.server.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
  return app
}
