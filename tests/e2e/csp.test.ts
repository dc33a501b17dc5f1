import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app.js'
import { waitForBoard } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'
import { buildPhoto, pasteFile, waitForImageShape, waitForLoadedImage } from './support/photos.js'

/** What the page reported through the `securitypolicyviolation` event. */
interface Violation {
  directive: string
  blocked: string
  where: string
}

/**
 * Every page and panel a facilitator meets, in real Chromium with the server's
 * Content-Security-Policy on: the browser reports no violation and asks no other host for
 * anything. A probe (an inline script) proves the reporting works, so the test can fail.
 */
describe('content security policy', () => {
  let app: RunningApp
  let person: Person
  let page: Page
  /** The board's path and its #token, as the facilitator got them on creating it. */
  let board = { path: '', hash: '' }
  const violations: Violation[] = []

  /** CSP complaints on the console (Chromium logs each refusal there too). */
  const consoleRefusals = () =>
    person.errors.filter((e) => /Content Security Policy|Refused to|Permissions-Policy/i.test(e))

  /** Nothing refused, nothing from elsewhere, since the last call; `step` names the place. */
  async function expectClean(step: string): Promise<void> {
    // Taken out, so each step reports only what happened during it.
    const seen = violations.splice(0)
    const refusals = consoleRefusals()
    person.errors.length = 0
    const requests = person.requests.splice(0)
    expect(seen, `CSP violations at ${step}`).toEqual([])
    expect(refusals, `console at ${step}`).toEqual([])
    const origin = new URL(app.url)
    const elsewhere = requests.filter((url) => {
      const u = new URL(url)
      if (u.protocol === 'data:' || u.protocol === 'blob:') return false
      return u.host !== origin.host
    })
    expect(elsewhere, `requests to other hosts at ${step}`).toEqual([])
  }

  const boardUrl = (query = '') => `${app.url}${board.path}${query}${board.hash}`

  beforeAll(async () => {
    app = await startApp()
    person = await launchPerson('Marieke')
    page = person.page
    // Reported out of the page, so a navigation does not lose what was seen before it [1].
    await person.context.exposeFunction('wtReportCsp', (v: Violation) => violations.push(v))
    await person.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { wtReportCsp(v: unknown): void }).wtReportCsp
        void report({
          directive: e.violatedDirective,
          blocked: e.blockedURI,
          where: `${e.sourceFile}:${e.lineNumber}`,
        })
      })
    })
  })

  afterAll(async () => {
    if (person?.errors.length) console.warn(person.errors)
    await person?.close()
    await app?.close()
  })

  it('the start page is served with the policy, and an inline script on it is refused', async () => {
    const response = await page.goto(app.url)
    const csp = response!.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    await page.locator('#board-title').waitFor()

    // The probe: what an injected script would do. The browser refuses and reports it.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.wtInlineRan = true'
      document.body.append(script)
      return (window as unknown as { wtInlineRan?: boolean }).wtInlineRan === true
    })
    expect(ran).toBe(false)
    await expect.poll(() => violations.map((v) => v.directive)).toEqual(['script-src-elem'])
    await expect.poll(consoleRefusals).toHaveLength(1)
    violations.length = 0
    person.errors.length = 0
    await expectClean('start page')
  })

  it('the language switch and the import error on the start page', async () => {
    const select = page.locator('.wt-language select').first()
    await select.selectOption('ar')
    await page.waitForFunction(() => document.documentElement.dir === 'rtl')
    await select.selectOption('nl')
    await page.waitForFunction(() => document.documentElement.lang.startsWith('nl'))
    await page.getByTestId('import-file').setInputFiles({
      name: 'geen-bord.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"dit is": "geen bord"}'),
    })
    await page.locator('.wt-import-error').waitFor({ timeout: 15_000 })
    await expectClean('language switch and import error')
  })

  it('a board made from the example, the name prompt and the board with its top panel', async () => {
    await page.locator('#board-title').fill('Samen aan de slag in De Horst')
    await page.getByRole('radio', { name: /^Voorbeeld/ }).check()
    await page.getByRole('button', { name: 'Bord maken' }).click()
    const nameInput = page.locator('#user-name')
    await nameInput.waitFor({ timeout: 90_000 })
    await screenshot(page, 'csp-name-prompt.png')
    await nameInput.fill('Marieke')
    await nameInput.press('Enter')
    await page.waitForFunction(() => !!window.editor, undefined, { timeout: 90_000 })
    // Syncing over the WebSocket proves connect-src 'self' covers ws: to the same host.
    await waitForBoard(page)
    await page.locator('.wt-toppanel').waitFor()
    const created = new URL(page.url())
    board = { path: created.pathname, hash: created.hash }
    await screenshot(page, 'csp-board.png')
    await expectClean('board')
  })

  it('the share dialog with its QR codes', async () => {
    await page.getByRole('button', { name: 'Delen' }).click()
    await expect.poll(() => page.locator('.wt-qr:visible').count()).toBe(2)
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLImageElement>('.wt-qr')).every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    )
    await screenshot(page, 'csp-share.png')
    await page.getByRole('button', { name: 'Sluiten' }).click()
    await expectClean('share dialog')
  })

  it('the card edit panel', async () => {
    await page.evaluate(() => {
      const editor = window.editor!
      const card = editor.getCurrentPageShapes().find((s) => s.type === 'wt-participant')!
      editor.zoomToBounds(editor.getShapePageBounds(card)!, { animation: { duration: 0 } })
      editor.select(card.id)
      editor.setEditingShape(card.id)
    })
    await page.locator('.wtc-edit-panel').waitFor()
    await page.evaluate(() => {
      window.editor!.setEditingShape(null)
      window.editor!.selectNone()
    })
    await page.locator('.wtc-edit-panel').waitFor({ state: 'detached' })
    await expectClean('card panel')
  })

  it('a pasted photo, shown from blob: before it is uploaded and from the server after', async () => {
    await buildPhoto(page, 'IMG_2041.jpg')
    await pasteFile(page, 'IMG_2041.jpg')
    const shapeId = await waitForImageShape(page, 20_000)
    await page.evaluate((id) => {
      window.editor!.zoomToBounds(window.editor!.getShapePageBounds(id as never)!, {
        animation: { duration: 0 },
        inset: 40,
      })
    }, shapeId)
    await waitForLoadedImage(page, shapeId)
    await page.waitForFunction(
      (id) =>
        document
          .querySelector<HTMLImageElement>(`[data-shape-id="${id}"] img`)
          ?.currentSrc.includes('/api/boards/'),
      shapeId,
      { timeout: 30_000 },
    )
    await expectClean('pasted photo')
  })

  it('the meeting panel', async () => {
    await page.getByTestId('meeting-button').click()
    await page.getByTestId('meeting-panel').waitFor()
    await page.getByTestId('meeting-button').click()
    await page.getByTestId('meeting-panel').waitFor({ state: 'detached' })
    await expectClean('meeting panel')
  })

  it('the Bewaren menu: a PNG and an SVG of the board, and the versions', async () => {
    await page.evaluate(() => {
      window.editor!.zoomToFit({ animation: { duration: 0 } })
    })
    for (const format of ['PNG', 'SVG']) {
      await page.getByRole('button', { name: 'Bewaren' }).click()
      await page.getByTestId('board-menu').waitFor()
      await page.getByRole('button', { name: /Bewaar als afbeelding/ }).click()
      const dialog = page.getByTestId('image-dialog')
      await dialog.waitFor()
      await dialog
        .getByText(new RegExp(`^${format}`))
        .first()
        .click()
      const file = await downloadOf(page, () =>
        dialog.getByRole('button', { name: 'Bewaar afbeelding' }).click(),
      )
      expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format.toLowerCase()}$`))
      await dialog.waitFor({ state: 'hidden' })
    }
    await page.getByRole('button', { name: 'Bewaren' }).click()
    await page
      .getByTestId('board-menu')
      .getByRole('button', { name: /Versies/ })
      .click()
    await page.getByTestId('versions-panel').locator('.wt-record__head').waitFor()
    await page.keyboard.press('Escape')
    await expectClean('Bewaren menu')
  })

  it('presentation mode', async () => {
    await page.goto(boardUrl('?view=present'))
    await page.getByTestId('presentation').waitFor({ timeout: 60_000 })
    await page.getByTestId('present-position').waitFor()
    await screenshot(page, 'csp-present.png')
    await expectClean('presentation mode')
  })

  it('the list, read aloud', async () => {
    await page.goto(boardUrl('?view=outline'))
    await page.getByTestId('outline').locator('h2').first().waitFor({ timeout: 60_000 })
    await page.getByTestId('read-aloud').first().click()
    await expectClean('list and read aloud')
  })

  it('the road', async () => {
    await page.goto(boardUrl('?view=road'))
    await waitForBoard(page)
    await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'road')
    await screenshot(page, 'csp-road.png')
    await expectClean('road')
  })

  it('the impact overview and its infographic, rendered to a PNG', async () => {
    await page.goto(boardUrl('?view=impact'))
    await page.getByTestId('impact-view').waitFor({ timeout: 60_000 })
    await page.getByTestId('impact-infographic').click()
    const dialog = page.locator('[data-testid="infographic-dialog"][open]')
    await dialog.getByTestId('infographic-preview').waitFor()
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="infographic-preview"]')
      return !img || !(img instanceof HTMLImageElement) || (img.complete && img.naturalWidth > 0)
    })
    await screenshot(page, 'csp-infographic.png')
    const png = await downloadOf(page, () => dialog.getByTestId('infographic-download').click())
    expect(png.suggestedFilename()).toMatch(/\.png$/)
    await expectClean('impact overview and infographic')
  })
})

/**
 * Who may show the board in a frame: with FRAME_ANCESTORS unset nobody may, with it set the
 * origins it names may. The framing page comes from a second server on loopback: another
 * origin (another port), and local like ours, so Chromium's local-network checks allow it [2].
 */
describe('frame-ancestors', () => {
  let framer: Server
  let framerOrigin = ''
  let boardUrl = ''

  beforeAll(async () => {
    framer = createHttpServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><title>Intranet</title>
        <iframe src="${boardUrl}" onload="document.title = 'framed'"></iframe>`)
    })
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve))
    framerOrigin = `http://localhost:${(framer.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => framer?.close(resolve))
  })

  async function frameBoard(app: RunningApp): Promise<{ header: string; loaded: boolean }> {
    boardUrl = `${app.url}/b/AAAAAAAAAAAAAAAAAAAAAA`
    const header = (await fetch(boardUrl)).headers.get('content-security-policy') ?? ''
    const person = await launchPerson('Intranet')
    try {
      await person.page.goto(`${framerOrigin}/wijk`)
      // The frame's load event fires for the board and for the browser's refusal page alike.
      await person.page.waitForFunction(() => document.title === 'framed')
      const frame = person.page.frames().find((f) => f !== person.page.mainFrame())!
      // The board page has its #root; a refused frame has the browser's error page instead.
      const loaded = frame.url() === boardUrl && (await frame.locator('#root').count()) === 1
      return { header, loaded }
    } finally {
      await person.close()
    }
  }

  it('unset: a page on another origin cannot frame the board', async () => {
    const app = await startApp()
    try {
      const { header, loaded } = await frameBoard(app)
      expect(header).toContain("frame-ancestors 'none'")
      expect(loaded).toBe(false)
    } finally {
      await app.close()
    }
  })

  it('set: the origin it names frames the board', async () => {
    const app = await startApp({ frameAncestors: [framerOrigin] })
    try {
      const { header, loaded } = await frameBoard(app)
      expect(header).toContain(`frame-ancestors ${framerOrigin}`)
      expect(loaded).toBe(true)
    } finally {
      await app.close()
    }
  })
})

async function downloadOf(page: Page, action: () => Promise<unknown>): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    action(),
  ])
  return download
}

// [1] exposeFunction outlives navigations; a window array would be emptied by each page load.
// [2] A page served by page.route counts as public, and Chromium refuses it a frame on
//     127.0.0.1 (ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS) whatever our policy says.
