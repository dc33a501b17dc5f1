/**
 * Boards of our own cards for scenario 5 (browser.ts), each beside a board of plain tldraw
 * shapes made the same way, so every figure has a reference measured in the same run:
 * - `fillBoard`: N shapes in one go, through the editor of a person on the board: a mix of
 *   interest cards, participants and actions (as the templates make them), or plain
 *   rectangles/notes in the same grid.
 * - `timePan`: frame times while the camera pans and zooms over the whole board, in a
 *   Chromium without a frame-rate cap, so a frame takes as long as its work [1].
 * - `timeExport`: our own image export (record/exportImage.ts, as "Bewaren → afbeelding"
 *   calls it) as PNG and SVG.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { CHROMIUM, type Person } from '../e2e/support/browser.js'

export type BoardKind = 'cards' | 'geo' | 'note'

declare global {
  interface Window {
    /** BoardCanvas.tsx exposes our export for benchmarks and tests. */
    wtExportImage?: (
      ids: string[],
      options: { format: 'png1' | 'png2' | 'svg'; footer: string },
    ) => Promise<{ blob: Blob; width: number; height: number } | null>
  }
}

/** One grid cell per shape, wide enough for a participant (640 × 584). */
const CELL = { w: 700, h: 640 }
const COLUMNS = 40

/** Creates `count` shapes in the board `page` shows, in rows of COLUMNS. */
export async function fillBoard(page: Page, kind: BoardKind, count: number): Promise<void> {
  await page.evaluate(
    ({ kind, count, cell, columns }) => {
      const editor = window.editor!
      const words = ['moestuin', 'speeltuin', 'buurthuis', 'fietsenstalling', 'bankje', 'markt']
      const shapes = Array.from({ length: count }, (_, i) => {
        const x = (i % columns) * cell.w
        const y = Math.floor(i / columns) * cell.h
        const word = words[i % words.length]
        if (kind === 'geo') return { type: 'geo', x, y, props: { w: 280, h: 200 } }
        if (kind === 'note') return { type: 'note', x, y }
        // One participant, two actions and seven interest cards in every ten [2].
        const slot = i % 10
        if (slot === 0)
          return {
            type: 'wt-participant',
            x,
            y,
            props: { name: `Bewoner ${i}`, organisation: `Vereniging ${word}` },
          }
        if (slot < 3)
          return {
            type: 'wt-action',
            x,
            y,
            props: { what: `Samen een ${word} opknappen, ronde ${i}`, status: 'bezig' },
          }
        return {
          type: 'wt-interest',
          x,
          y,
          props: {
            text: `Wij zoeken ruimte voor een ${word} in de wijk (${i})`,
            category: ['halen', 'brengen', 'verwacht', 'zorg'][i % 4],
          },
        }
      })
      editor.run(() => editor.createShapes(shapes as never), { history: 'ignore' })
    },
    { kind, count, cell: CELL, columns: COLUMNS },
  )
}

/** A Chromium like launchPerson's, without vsync and frame-rate cap (for frame times). */
export async function launchUncapped(name: string): Promise<Person> {
  const dir = await mkdtemp(join(tmpdir(), `wijktafel-${name}-`))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
    ],
    viewport: { width: 1280, height: 800 },
    locale: 'nl-NL',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  return {
    name,
    context,
    page,
    requests: [],
    errors,
    async close() {
      await context.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Frame times (ms) while the camera pans across the page at the zoom that fits it all, then
 * zooms in to 4× that and back out, one camera step per animation frame.
 */
export async function timePan(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(async (frames) => {
    const editor = window.editor!
    editor.selectNone()
    editor.zoomToFit({ animation: { duration: 0 } })
    const fit = editor.getCamera()
    const bounds = editor.getCurrentPageBounds()!
    const viewport = editor.getViewportScreenBounds()
    const screen = { x: viewport.w / 2, y: viewport.h / 2 }
    const times: number[] = []
    // Warm up: a few frames so the first layout is not counted.
    for (let i = 0; i < 10; i++) await new Promise(requestAnimationFrame)
    let last = await new Promise<number>(requestAnimationFrame)
    for (let i = 0; i < frames; i++) {
      const t = i / frames
      // First half pans a fifth of the page's width and back; second half zooms 1× → 4× → 1×.
      if (t < 0.5) {
        const dx = Math.sin(t * 2 * Math.PI) * bounds.w * 0.2
        editor.setCamera({ x: fit.x - dx, y: fit.y, z: fit.z })
      } else {
        // Zoom about the middle of the screen: keep the page point there where it is.
        const z = fit.z * (1 + 3 * Math.sin((t - 0.5) * 2 * Math.PI))
        const px = screen.x / fit.z - fit.x
        const py = screen.y / fit.z - fit.y
        editor.setCamera({ x: screen.x / z - px, y: screen.y / z - py, z })
      }
      const now = await new Promise<number>(requestAnimationFrame)
      times.push(now - last)
      last = now
    }
    editor.zoomToFit({ animation: { duration: 0 } })
    return times
  }, frames)
}

export interface ExportTimes {
  png: number[]
  svg: number[]
  /** Size of the last PNG: width × height in pixels, and bytes. */
  pngSize: { width: number; height: number; bytes: number }
}

/** Our export of the first `count` shapes of the page, `repeats` times as PNG and as SVG. */
export async function timeExport(page: Page, count: number, repeats: number): Promise<ExportTimes> {
  return page.evaluate(
    async ({ count, repeats }) => {
      const editor = window.editor!
      const ids = [...editor.getCurrentPageShapeIds()].slice(0, count)
      const exportImage = window.wtExportImage!
      const png: number[] = []
      const svg: number[] = []
      let pngSize = { width: 0, height: 0, bytes: 0 }
      for (let i = 0; i < repeats; i++) {
        let start = performance.now()
        const image = await exportImage(ids, { format: 'png1', footer: 'Benchmark · kaart' })
        png.push(performance.now() - start)
        if (image) pngSize = { width: image.width, height: image.height, bytes: image.blob.size }
        start = performance.now()
        await exportImage(ids, { format: 'svg', footer: 'Benchmark · kaart' })
        svg.push(performance.now() - start)
      }
      return { png, svg, pngSize }
    },
    { count, repeats },
  )
}

// [1] With vsync every frame takes 16.7 ms until the work exceeds it, and a ratio of two
//     capped figures says nothing. Uncapped, requestAnimationFrame fires as soon as the
//     previous frame's script, style, layout and paint are done.
// [2] The share of kinds on the example boards (shared/src/templates): mostly interest
//     cards, one participant area per handful of cards, and the actions made from them.
