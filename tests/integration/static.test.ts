import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/testContext.js'

const { startServer, tempDir } = testContext()

const INDEX = '<!doctype html><title>Wijktafel</title>' + '<p>Wijktafel</p>'.repeat(100)
const SCRIPT = 'console.log("wijktafel");\n'.repeat(200)

/** A built client as client/precompress.ts leaves it: plain files with .br and .gz beside. */
function buildFakeClient({ precompressed = true } = {}): string {
  const dist = tempDir()
  mkdirSync(join(dist, 'assets'))
  const files = { 'index.html': INDEX, 'assets/app-1234abcd.js': SCRIPT }
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dist, name), text)
    if (!precompressed) continue
    writeFileSync(join(dist, `${name}.br`), brotliCompressSync(text))
    writeFileSync(join(dist, `${name}.gz`), gzipSync(text))
  }
  return dist
}

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A GET that keeps the body as sent: fetch() would decompress it and hide the encoding. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
      .on('error', reject)
      .end()
  })
}

/** What Chromium sends with every request. */
const CHROMIUM = { 'Accept-Encoding': 'gzip, deflate, br, zstd' }

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

  it('sends the brotli file to a browser that accepts br, and it unpacks to the script', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    const res = await rawGet(`${server.url}/assets/app-1234abcd.js`, CHROMIUM)
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers['vary']).toMatch(/accept-encoding/i)
    expect(res.headers['cache-control']).toContain('immutable')
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10)
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT)
  })

  it('sends the gzip file to a client that accepts only gzip', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    const res = await rawGet(`${server.url}/assets/app-1234abcd.js`, {
      'Accept-Encoding': 'gzip',
    })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(res.body).toString()).toBe(SCRIPT)
  })

  it('sends the plain file to a client that accepts neither', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    const res = await rawGet(`${server.url}/assets/app-1234abcd.js`, {
      'Accept-Encoding': 'identity',
    })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toBe(SCRIPT)
  })

  it('sends the page of a board link compressed too, with the page headers', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    for (const path of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA']) {
      const br = await rawGet(`${server.url}${path}`, CHROMIUM)
      expect(br.status).toBe(200)
      expect(br.headers['content-encoding']).toBe('br')
      expect(br.headers['content-type']).toMatch(/^text\/html/)
      expect(br.headers['cache-control']).toBe('no-cache')
      expect(br.headers['content-security-policy']).toContain("script-src 'self'")
      expect(brotliDecompressSync(br.body).toString()).toBe(INDEX)
      const gz = await rawGet(`${server.url}${path}`, { 'Accept-Encoding': 'gzip' })
      expect(gunzipSync(gz.body).toString()).toBe(INDEX)
    }
  })

  it('gives each encoding its own ETag and answers a matching one with 304', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    const url = `${server.url}/assets/app-1234abcd.js`
    const br = await rawGet(url, CHROMIUM)
    const plain = await rawGet(url)
    expect(br.headers['etag']).toBeTruthy()
    expect(br.headers['etag']).not.toBe(plain.headers['etag'])
    const again = await rawGet(url, { ...CHROMIUM, 'If-None-Match': String(br.headers['etag']) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it('sends the plain file when the build wrote no compressed copy', async () => {
    const server = await startServer({ clientDist: buildFakeClient({ precompressed: false }) })
    const res = await rawGet(`${server.url}/assets/app-1234abcd.js`, CHROMIUM)
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString()).toBe(SCRIPT)
  })
})
