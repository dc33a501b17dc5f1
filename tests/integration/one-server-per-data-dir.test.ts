import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirInUseError } from '@wijktafel/server'
import { freePort, startServerProcess } from '../helpers/serverProcess.js'
import type { ServerProcess } from '../helpers/serverProcess.js'
import { createBoard, testContext } from '../helpers/testContext.js'

const { startServer, tempDir } = testContext()
const processes: ServerProcess[] = []
afterEach(async () => {
  for (const p of processes.splice(0)) await p.stop('SIGTERM')
})

describe('one server per data directory', () => {
  it('a second server process on the same DATA_DIR exits with a message; the first keeps serving', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wijktafel-lock-'))
    try {
      const first = await startServerProcess({ dataDir, port: await freePort() })
      processes.push(first)
      const second = startServerProcess({ dataDir, port: await freePort() })

      await expect(second).rejects.toThrow(/exited \(1\)/)
      await expect(second).rejects.toThrow(/another Wijktafel server is already using/)

      const health = await fetch(`${first.url}/healthz`)
      expect(health.status).toBe(200)
      const created = await fetch(`${first.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Nog steeds open' }),
      })
      expect(created.status).toBe(201)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('a server that was killed leaves no lock behind, and one closed cleanly neither', async () => {
    const dataDir = tempDir()
    const crashed = await startServerProcess({ dataDir, port: await freePort() })
    await crashed.stop('SIGKILL')

    const inProcess = await startServer({ dataDir })
    await expect(startServer({ dataDir })).rejects.toBeInstanceOf(DataDirInUseError)
    const board = await createBoard(inProcess, 'Na de storing')
    expect(board.id).toBeTruthy()
    await inProcess.server.close()

    const again = await startServer({ dataDir })
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200)
  })
})
