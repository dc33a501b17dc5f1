import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testContext } from '../helpers/testContext.js'

const { startServer, tempDir } = testContext()

function buildFakeClient(): string {
  const dist = tempDir()
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Wijktafel</title>')
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  return dist
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) map.set(name, sources)
  }
  return map
}

const PAGES = ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA', '/favicon.svg']

describe('security headers', () => {
  it('gives every page a strict policy: own scripts only, no frames, no plugins', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    for (const path of PAGES) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.status).toBe(200)
      const csp = directives(res.headers.get('content-security-policy'))
      expect(csp.get('default-src')).toEqual(["'self'"])
      expect(csp.get('script-src')).toEqual(["'self'"])
      expect(csp.get('connect-src')).toEqual(["'self'"])
      expect(csp.get('object-src')).toEqual(["'none'"])
      expect(csp.get('base-uri')).toEqual(["'none'"])
      expect(csp.get('form-action')).toEqual(["'self'"])
      expect(csp.get('frame-ancestors')).toEqual(["'none'"])
      // Nothing anywhere allows another host, inline script or eval.
      for (const sources of csp.values()) {
        for (const source of sources) {
          expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']).toContain(source)
        }
      }
      expect(csp.get('style-src')).toContain("'self'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('lets the configured origins frame the board, and only them', async () => {
    const server = await startServer({
      clientDist: buildFakeClient(),
      frameAncestors: ['https://intranet.example.org', 'https://wijk.example.nl'],
    })
    const res = await fetch(`${server.url}/b/AAAAAAAAAAAAAAAAAAAAAA`)
    const csp = directives(res.headers.get('content-security-policy'))
    expect(csp.get('frame-ancestors')).toEqual([
      'https://intranet.example.org',
      'https://wijk.example.nl',
    ])
    // X-Frame-Options cannot name origins: it would forbid what the policy allows.
    expect(res.headers.get('x-frame-options')).toBeNull()
  })

  it('isolates the window and denies the browser features the client never uses', async () => {
    const server = await startServer({ clientDist: buildFakeClient() })
    for (const path of ['/', '/healthz', '/api/boards/AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await fetch(`${server.url}${path}`)
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin')
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
      const permissions = res.headers.get('permissions-policy') ?? ''
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
        expect(permissions).toContain(`${feature}=()`)
      }
      // Kept for the share dialog's "copy link" and presentation mode.
      expect(permissions).toContain('clipboard-write=(self)')
      expect(permissions).toContain('fullscreen=(self)')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })
})
