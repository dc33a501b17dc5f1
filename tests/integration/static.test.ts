import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/testContext.js'

const { startServer, tempDir } = testContext()

function buildFakeClient(): string {
  const dist = tempDir()
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Wijktafel</title>')
  writeFileSync(join(dist, 'assets', 'app-1234abcd.js'), 'console.log(1)')
  return dist
}

describe('static client', () => {
  it('serves index.html for board links so the single-page app can route them', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    const res = await fetch(`${server.url}/b/AAAAAAAAAAAAAAAAAAAAAA`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>Wijktafel</title>')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('caches hashed assets for good and answers 404 for missing ones', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    const asset = await fetch(`${server.url}/assets/app-1234abcd.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff')
    const missing = await fetch(`${server.url}/assets/gone-0000.js`)
    expect(missing.status).toBe(404)
  })
})
