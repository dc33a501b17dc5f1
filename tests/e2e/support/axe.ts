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

export type Violation = Result

/** Runs axe-core on the page as it is now and returns its WCAG 2.1 A/AA violations. */
export async function axeViolations(
  page: Page,
  options: { exclude?: string[] } = {},
): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: AXE_SOURCE })
  }
  const exclude = [...CANVAS_CONTENT, ...(options.exclude ?? [])]
  const results = await page.evaluate(
    async ({ exclude, tags }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
      const found: AxeResults = await axe.run(
        { include: [document], exclude: exclude.map((selector) => [selector]) } as never,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      )
      // Only what a report needs: the full result holds DOM snapshots of every node.
      return found.violations.map((v) => ({
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
      }))
    },
    { exclude, tags: WCAG_21_AA },
  )
  return results as Violation[]
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

// [1] `addScriptTag({ content })` puts the source in an inline <script>: the app's pages send
//     no Content-Security-Policy today; should they get one, the test context needs
//     `bypassCSP`. Nothing is fetched, so the tests stay offline.
// [2] The canvas is a free drawing surface for mouse and touch: its shapes are positioned
//     boxes without document order, and tldraw renders handles and hidden text fields there
//     that no page author controls. Its keyboard and screen-reader route is the outline view
//     (`?view=outline`), reached by the skip link that is the board page's first focusable
//     element (client/src/board/a11y). The canvas element itself must still have a name;
//     accessibility.test.ts checks that separately.
