import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { startPageFiles } from '../helpers/startPageFiles.js'

/** client/dist, or CLIENT_DIST: a private build, as in tests/e2e/support/app.ts. */
const CLIENT_DIST =
  process.env.CLIENT_DIST ||
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist')

/** Issue 14: at most 150 kB of JavaScript (gzip) before the start page is usable. */
const BUDGET_BYTES = 150_000
/**
 * Every tldraw package registers its name (`registerTldrawLibraryVersion('@tldraw/…')`), and
 * every rule of tldraw.css starts with `.tl-`: either in a start page file means the board
 * came along.
 */
const TLDRAW_IN_JS = '@tldraw/'
const TLDRAW_IN_CSS = '.tl-'

describe('the start page before it is usable (built client)', () => {
  it('has a built client to measure', () => {
    expect(existsSync(join(CLIENT_DIST, 'index.html')), `${CLIENT_DIST}: run pnpm build`).toBe(true)
  })

  it(`downloads at most ${BUDGET_BYTES / 1000} kB of JavaScript, gzipped`, () => {
    const files = startPageFiles(CLIENT_DIST)
    const js = files.filter((f) => f.path.endsWith('.js'))
    const total = js.reduce((sum, f) => sum + f.gzipBytes, 0)
    const table = files.map((f) => `${f.path}: ${(f.gzipBytes / 1000).toFixed(1)} kB`).join('\n')
    console.log(
      `start page files (gzip -9):\n${table}\nJavaScript: ${(total / 1000).toFixed(1)} kB`,
    )
    expect(js.length).toBeGreaterThan(0)
    expect(total, table).toBeLessThanOrEqual(BUDGET_BYTES)
  })

  it('loads no tldraw code and no tldraw styles', () => {
    const withTldraw = startPageFiles(CLIENT_DIST)
      .filter((f) => {
        const text = readFileSync(join(CLIENT_DIST, f.path), 'utf8')
        return text.includes(f.path.endsWith('.css') ? TLDRAW_IN_CSS : TLDRAW_IN_JS)
      })
      .map((f) => f.path)
    expect(withTldraw).toEqual([])
  })

  it('leaves the board to a chunk that index.html does not load (and that does hold tldraw)', () => {
    const loaded = new Set(startPageFiles(CLIENT_DIST).map((f) => f.path))
    const html = readFileSync(join(CLIENT_DIST, 'index.html'), 'utf8')
    const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1]
    expect(entry).toBeDefined()
    // The entry's lazy import names the board chunk (Vite's preload helper lists it too).
    const board = /assets\/BoardPage-[\w-]+\.js/.exec(
      readFileSync(join(CLIENT_DIST, entry!), 'utf8'),
    )
    expect(board?.[0]).toBeDefined()
    expect(loaded.has(board![0])).toBe(false)
    expect(readFileSync(join(CLIENT_DIST, board![0]), 'utf8')).toContain(TLDRAW_IN_JS)
  })
})
