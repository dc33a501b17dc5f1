import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { AxeResults, Result } from 'axe-core'
import type { Page } from 'playwright-core'

/** axe-core's own build from node_modules, injected as a script: no CDN, no network [1]. */
const AXE_SOURCE = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
)

/** WCAG 2.0 and 2.1, levels A and AA: what Dutch public bodies are held to (EN 301 549). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/**
 * What axe does not judge: tldraw's drawing surface itself (`.tl-canvas`: the shapes, their
 * text fields, selection handles and the page background) [2]. Everything around and in front
 * of it is checked: our top panel, dialogs and panels, the card edit panel, tldraw's toolbar,
 * menus and style panel, presentation mode, the outline.
 */
export const CANVAS_CONTENT = ['.tl-canvas']

/**
 * tldraw's licence watermark ("Get a license for production"): tldraw's, shown only while no
 * licence key is configured, and its licence forbids restyling or hiding it [4].
 */
export const TLDRAW_WATERMARK = ['.tl-watermark_SEE-LICENSE']

export type Violation = Result

/** Runs axe-core on the page as it is now and returns its WCAG 2.1 A/AA violations. */
export async function axeViolations(
  page: Page,
  options: { exclude?: string[] } = {},
): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(AXE_SOURCE)
  }
  const exclude = [...CANVAS_CONTENT, ...TLDRAW_WATERMARK, ...(options.exclude ?? [])]
  const results = await page.evaluate(
    async ({ exclude, tags }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
      const found: AxeResults = await axe.run(
        { include: [document], exclude: exclude.map((selector) => [selector]) } as never,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] },
      )
      // Only what a report needs: the full result holds DOM snapshots of every node.
      const slim = (v: Result) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        description: v.description,
        tags: v.tags,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: n.html,
          failureSummary: n.failureSummary,
          any: [],
          all: [],
          none: [],
        })),
      })
      const undetermined = found.incomplete
        .filter((v) => v.id === 'color-contrast')
        .flatMap((v) => v.nodes.map((n) => n.target))
      return { violations: found.violations.map(slim), undetermined }
    },
    { exclude, tags: WCAG_21_AA },
  )
  const measured = await measureContrast(page, results.undetermined)
  return [...(results.violations as Violation[]), ...measured]
}

/**
 * Contrast that axe could not judge, measured here: tldraw's UI layer lets clicks through
 * (pointer-events: none), so the browser's hit test skips it and axe reports the text in our
 * top panel, panels and tldraw's menus as "background could not be determined" [3]. For each
 * such element: its text colour against the first opaque background up its ancestors (else
 * the canvas's), blended through the translucent ones, with WCAG's formula and thresholds.
 */
async function measureContrast(page: Page, targets: unknown[][]): Promise<Violation[]> {
  if (targets.length === 0) return []
  const failures = await page.evaluate((selectors) => {
    type Rgba = [number, number, number, number]
    const parse = (css: string): Rgba | null => {
      const m = /^rgba?\(([^)]+)\)$/.exec(css)
      if (!m) return null
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number)
      return [r, g, b, a]
    }
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3]
      return [0, 1, 2].map((i) => top[i]! * a + under[i]! * (1 - a)).concat(1) as Rgba
    }
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    const canvasBg = parse(
      getComputedStyle(document.querySelector('.tl-background') ?? document.body).backgroundColor,
    ) ?? [255, 255, 255, 1]
    const out: { target: string[]; html: string; summary: string }[] = []
    for (const selector of selectors) {
      const el = document.querySelector(String(selector[selector.length - 1]))
      if (!(el instanceof HTMLElement) || !el.innerText.trim()) continue
      const style = getComputedStyle(el)
      const layers: Rgba[] = []
      let unknown = false
      for (let node: HTMLElement | null = el; node; node = node.parentElement) {
        const s = getComputedStyle(node)
        if (s.backgroundImage !== 'none') unknown = true
        const bg = parse(s.backgroundColor)
        if (bg && bg[3] > 0) layers.push(bg)
        if (bg && bg[3] >= 1) break
      }
      if (unknown) continue
      let bg: Rgba = canvasBg[3] >= 1 ? canvasBg : over(canvasBg, [255, 255, 255, 1])
      for (const layer of layers.reverse()) bg = over(layer, bg)
      const fgRaw = parse(style.color)
      if (!fgRaw) continue
      const fg = over(fgRaw, bg)
      const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number]
      const ratio = (hi + 0.05) / (lo + 0.05)
      const size = parseFloat(style.fontSize)
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700)
      const needed = large ? 3 : 4.5
      if (ratio < needed) {
        out.push({
          target: selector.map(String),
          html: el.outerHTML.slice(0, 200),
          summary: `contrast ${ratio.toFixed(2)}:1 (needs ${needed}:1): text ${style.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}), ${size}px`,
        })
      }
    }
    return out
  }, targets)
  if (failures.length === 0) return []
  return [
    {
      id: 'color-contrast (measured)',
      impact: 'serious',
      help: 'Elements must meet minimum color contrast ratio thresholds',
      helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/color-contrast',
      description:
        'measured by tests/e2e/support/axe.ts where axe could not determine the background',
      tags: ['wcag2aa', 'wcag143'],
      nodes: failures.map((f) => ({
        target: f.target,
        html: f.html,
        failureSummary: f.summary,
        any: [],
        all: [],
        none: [],
      })),
    } as unknown as Violation,
  ]
}

/**
 * A report a developer can act on: per rule its id, impact and help text, and per element
 * its selector and what is wrong with it.
 */
export function describeViolations(where: string, violations: Violation[]): string {
  if (violations.length === 0) return `${where}: no WCAG 2.1 AA violations`
  const lines = [`${where}: ${violations.length} WCAG 2.1 AA rule(s) violated`]
  for (const v of violations) {
    lines.push(`- ${v.id} [${v.impact ?? 'unknown'}]: ${v.help} (${v.helpUrl})`)
    for (const node of v.nodes) {
      const summary = (node.failureSummary ?? '').replace(/\s+/g, ' ').trim()
      lines.push(`    ${node.target.join(' ')}  ${summary}`)
    }
  }
  return lines.join('\n')
}

/** Fails with the full report when axe finds anything on the page as it is now. */
export async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page)
  if (violations.length > 0) throw new Error(describeViolations(where, violations))
}

// [1] Evaluated through the DevTools protocol, not an inline <script>: the pages' strict
//     Content-Security-Policy refuses inline scripts, and axe then judges the page exactly as
//     people get it (no `bypassCSP`). Nothing is fetched, so the tests stay offline.
// [2] The canvas is a free drawing surface for mouse and touch: its shapes are positioned
//     boxes without document order, and tldraw renders handles and hidden text fields there
//     that no page author controls. Its keyboard and screen-reader route is the outline view
//     (`?view=outline`), reached by the skip link that is the board page's first focusable
//     element (client/src/board/a11y). The canvas element itself must still have a name;
//     accessibility.test.ts checks that separately.
// [3] Elements under a `pointer-events: none` ancestor are missing from
//     document.elementsFromPoint, on which axe's background check relies; it then marks the
//     node "incomplete" rather than passing or failing it. Left alone, the text of tldraw's UI
//     layer, where our top panel and panels live, would never be checked for contrast.
// [4] Its dark text on presentation mode's dark background measures 1.6:1. A deployment with
//     VITE_TLDRAW_LICENSE_KEY set shows no such watermark.
