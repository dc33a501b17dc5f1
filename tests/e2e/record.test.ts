import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { parse } from 'csv-parse/sync'
import type { Download, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { joinAs } from './support/board.js'
import { ARTIFACTS, launchPerson, screenshot, type Person } from './support/browser.js'

/**
 * Keeping what the table agreed, as the facilitator of the De Horst example does it after a
 * meeting: pictures of the maps from our "Bewaren" menu (and offline), a named version with
 * its thumbnail, restored in front of a participant, the action list as CSV, the board as
 * JSON into a new board, and deleting the board.
 */
describe('keeping what the table agreed, in real browsers', () => {
  let app: RunningApp
  let facilitator: Person
  let participant: Person
  let board: CreateBoardResponse
  let boardUrl: string
  /** The belangenkaart's PNG at 1×, from the first test. */
  let size1x = { width: 0, height: 0 }

  beforeAll(async () => {
    app = await startApp()
    ;[facilitator, participant] = await Promise.all([
      launchPerson('Marieke'),
      launchPerson('Karim'),
    ])
    board = await createBoard(app.url, 'De Horst', { template: 'example', locale: 'nl' })
    boardUrl = `${app.url}/b/${board.id}#${board.tokens.facilitator}`
    await joinAs(facilitator, boardUrl)
  })

  afterAll(async () => {
    await Promise.all([facilitator, participant].map((p) => p?.close()))
    await app?.close()
  })

  it('"Bewaar als afbeelding" saves the belangenkaart as a PNG named after board, map and date, with its pictograms, photo and footer', async () => {
    const page = facilitator.page
    await showFirstMap(page)
    const photoSrc = await addPhoto(page, board)

    await page.getByRole('button', { name: 'Bewaren' }).click()
    await page.getByTestId('board-menu').waitFor()
    await screenshot(page, 'record-menu.png')
    await page.getByRole('button', { name: /Bewaar als afbeelding/ }).click()
    const dialog = page.getByTestId('image-dialog')
    await dialog.waitFor()
    await expect
      .poll(() => dialog.getByRole('radio', { name: /Deze kaart/ }).isChecked())
      .toBe(true)
    await screenshot(page, 'record-image-dialog.png')

    const png = await downloadOf(page, () =>
      dialog.getByRole('button', { name: 'Bewaar afbeelding' }).click(),
    )
    const today = localDate()
    expect(png.suggestedFilename()).toBe(`de-horst-belangenkaart-${today}.png`)
    const bytes = await readFile((await png.path())!)
    await writeFile(join(ARTIFACTS, 'record-belangenkaart-export.png'), bytes)
    const size = pngSize(bytes)
    size1x = size
    // The example belangenkaart is about 3,700 × 2,600 page units; at 1× a unit is a pixel.
    expect(size.width).toBeGreaterThan(2000)
    expect(size.height).toBeGreaterThan(1400)
    expect(size.width).toBeLessThan(10_000)
    expect(bytes.length).toBeGreaterThan(100_000)

    // The same map as SVG, by the keyboard shortcut: the pictograms of the cards (lucide
    // paths, as drawn on the board), the photo inside it and the footer.
    const icons = await cardIconPaths(page)
    expect(icons.length).toBeGreaterThan(3)
    await dialog.waitFor({ state: 'hidden' })
    const svgFile = await saveImageByShortcut(page, 'SVG (voor drukwerk)')
    expect(svgFile.suggestedFilename()).toBe(`de-horst-belangenkaart-${today}.svg`)
    const svg = await readFile((await svgFile.path())!, 'utf8')
    for (const icon of icons) expect(svg, `pictogram ${icon.name}`).toContain(icon.d)
    expect(svg).toMatch(/De Horst · Belangenkaart · \d+ \w+ \d{4}<\/text>/)
    expect(svg).not.toContain(photoSrc) // embedded, not referenced
    expect(svg).toContain('data:image/png;base64,')
    expect(svg).toMatch(/<rect[^>]*fill="#ffffff"/)
    const wellFormed = await page.evaluate(
      (text) =>
        !new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror'),
      svg,
    )
    expect(wellFormed, 'the SVG file is well-formed XML').toBe(true)

    // One section of the map: Fatma, a participant, as presentation mode shows her.
    await page.keyboard.press('Control+Shift+S')
    await dialog.waitFor()
    await dialog.getByRole('combobox').selectOption({ label: 'Fatma' })
    await dialog.getByText('PNG', { exact: true }).click()
    const part = await downloadOf(page, () =>
      dialog.getByRole('button', { name: 'Bewaar afbeelding' }).click(),
    )
    expect(part.suggestedFilename()).toBe(`de-horst-belangenkaart-fatma-${today}.png`)
    const partSize = pngSize(await readFile((await part.path())!))
    expect(partSize.width).toBeGreaterThan(200)
    expect(partSize.width).toBeLessThan(size.width / 3)
    await dialog.waitFor({ state: 'hidden' })
  })

  it('saving a picture works with no network: fonts, pictograms and the photo are inside', async () => {
    const page = facilitator.page
    const icons = await cardIconPaths(page)
    await facilitator.context.setOffline(true)
    try {
      await page.waitForSelector('[data-connection="offline"]', { timeout: 30_000 })
      const file = await saveImageByShortcut(page, 'SVG (voor drukwerk)')
      const svg = await readFile((await file.path())!, 'utf8')
      expect(svg).toMatch(/@font-face[^}]*url\("?data:/)
      for (const icon of icons) expect(svg, `pictogram ${icon.name}`).toContain(icon.d)
      expect(svg).toContain('data:image/png;base64,')

      const png = await saveImageByShortcut(page, 'PNG, scherper (2×)')
      const size = pngSize(await readFile((await png.path())!))
      expect(Math.abs(size.width - 2 * size1x.width)).toBeLessThan(4)
      expect(Math.abs(size.height - 2 * size1x.height)).toBeLessThan(4)
    } finally {
      await facilitator.context.setOffline(false)
    }
    await page.waitForSelector('[data-connection="connected"]', { timeout: 30_000 })
  })

  it('the facilitator saves a version with its thumbnail and restores it in front of a participant', async () => {
    const page = facilitator.page
    await reopen(facilitator, boardUrl) // a fresh page: no dialog left open by a failed test
    await joinAs(participant, `${app.url}/b/${board.id}#${board.tokens.editor}`)
    const interests = (p: Page) =>
      p.evaluate(
        () =>
          window
            .editor!.store.allRecords()
            .filter((r) => r.typeName === 'shape' && r.type === 'wt-interest').length,
      )
    const before = await interests(page)
    expect(before).toBeGreaterThan(5)

    const panel = await openVersions(page)
    const name = panel.getByLabel('Naam van de nieuwe versie')
    expect(await name.inputValue()).toMatch(/^Bijeenkomst \d+ \w+$/)
    await name.fill('Bijeenkomst 12 maart')
    await panel.getByRole('button', { name: 'Bewaar versie' }).click()
    await panel.getByText('De versie is bewaard.').waitFor()
    const row = panel.getByTestId('version').filter({ hasText: 'Bijeenkomst 12 maart' })
    await row.waitFor()
    await expect
      .poll(
        () =>
          row
            .getByTestId('version-thumbnail')
            .evaluate((img: HTMLImageElement) => img.naturalWidth),
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(100)
    await expect(row.textContent()).resolves.toContain('Marieke')
    await screenshot(page, 'record-versions-1280.png')

    // A mistake: every interest card deleted. The participant sees them go.
    await page.evaluate(() => {
      const editor = window.editor!
      const ids = editor.store
        .allRecords()
        .filter((r) => r.typeName === 'shape' && r.type === 'wt-interest')
        .map((r) => r.id)
      editor.deleteShapes(ids as never)
    })
    await expect.poll(() => interests(participant.page), { timeout: 15_000 }).toBe(0)

    await row.getByRole('button', { name: 'Terugzetten' }).click()
    await expect(row.textContent()).resolves.toContain(
      'Het bord van nu wordt eerst als versie bewaard',
    )
    await screenshot(page, 'record-versions-confirm-restore.png')
    await row.getByRole('button', { name: 'Ja, zet terug' }).click()
    await panel.getByText('De versie is teruggezet.').waitFor({ timeout: 15_000 })
    await expect.poll(() => interests(participant.page), { timeout: 15_000 }).toBe(before)
    await expect.poll(() => interests(page), { timeout: 15_000 }).toBe(before)
    // The board from just before is kept: restoring can be undone.
    await panel
      .getByTestId('version')
      .filter({ hasText: 'Vanzelf bewaard voordat een versie werd teruggezet' })
      .waitFor()

    // A version, read-only and full screen, with both maps.
    await row.getByRole('button', { name: 'Bekijken' }).click()
    const preview = page.getByTestId('version-preview')
    await preview.waitFor()
    await expect
      .poll(() => preview.locator('.tl-shape[data-shape-type="wt-interest"]').count(), {
        timeout: 15_000,
      })
      .toBe(before)
    await screenshot(page, 'record-version-preview.png')
    await preview.getByRole('button', { name: 'Bewaar als afbeelding' }).click()
    const dialog = preview.getByTestId('image-dialog')
    const file = await downloadOf(page, () =>
      dialog.getByRole('button', { name: 'Bewaar afbeelding' }).click(),
    )
    expect(file.suggestedFilename()).toBe(
      `de-horst-belangenkaart-bijeenkomst-12-maart-${localDate()}.png`,
    )
    await dialog.waitFor({ state: 'hidden' })
    await preview.getByRole('button', { name: 'Sluiten', exact: true }).click()
    await preview.waitFor({ state: 'detached' })
    await page.keyboard.press('Escape')
    await panel.waitFor({ state: 'hidden' })
  })

  it('the menu and the versions panel fit a phone, with buttons of at least 44 px', async () => {
    const page = facilitator.page
    await reopen(facilitator, boardUrl) // a fresh page: no dialog left open by a failed test
    await page.setViewportSize({ width: 390, height: 844 })
    try {
      await page.getByRole('button', { name: 'Bewaren' }).click()
      const menu = page.getByTestId('board-menu')
      await menu.waitFor()
      await expectFits(menu, 390)
      await screenshot(page, 'record-menu-390.png')
      await menu.getByRole('button', { name: 'Versies' }).click()
      const panel = page.getByTestId('versions-panel')
      await panel.getByTestId('version').first().waitFor()
      await expectFits(panel, 390)
      await screenshot(page, 'record-versions-390.png')
      await page.keyboard.press('Escape')
      await page.keyboard.press('Control+Shift+S')
      const dialog = page.getByTestId('image-dialog')
      await dialog.waitFor()
      await expectFits(dialog, 390)
      await screenshot(page, 'record-image-dialog-390.png')
      await page.keyboard.press('Escape')
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 })
    }
  })

  it('"Actielijst (CSV)" holds every action of the board, readable by a CSV parser', async () => {
    const page = facilitator.page
    await reopen(facilitator, boardUrl) // a fresh page: no dialog left open by a failed test
    const actions = await page.evaluate(() =>
      window
        .editor!.store.allRecords()
        .filter((r) => r.typeName === 'shape' && r.type === 'wt-action')
        .map((r) => (r as unknown as { props: { what: string } }).props.what),
    )
    expect(actions.length).toBeGreaterThan(2)
    const file = await fromMenu(page, 'Actielijst (CSV)')
    expect(file.suggestedFilename()).toBe(`de-horst-acties-${utcDate()}.csv`)
    const rows = parse(await readFile((await file.path())!, 'utf8'), {
      bom: true,
      delimiter: ';',
    }) as string[][]
    expect(rows[0]!.slice(0, 4)).toEqual(['Wat', 'Eigenaar', 'Klaar op', 'Status'])
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...actions].sort())
  })

  it('"Download bord (JSON)" and "Bord uit bestand" make an equal new board; a broken file makes none', async () => {
    const page = facilitator.page
    await reopen(facilitator, boardUrl) // a fresh page: no dialog left open by a failed test
    const file = await fromMenu(page, 'Download bord (JSON)')
    expect(file.suggestedFilename()).toBe(`de-horst-${utcDate()}.wijktafel.json`)
    const original = await boardSummary(page)

    const start = participant.page
    await start.goto(app.url)
    await start.getByTestId('import-file').setInputFiles((await file.path())!)
    await start.waitForURL(
      (url) => url.pathname.startsWith('/b/') && !url.pathname.includes(board.id),
    )
    await joinAs(participant, start.url())
    expect(await start.locator('.wt-role').first().textContent()).toBe('Gespreksleider')
    await expect.poll(() => boardSummary(start), { timeout: 15_000 }).toEqual(original)

    await start.goto(app.url)
    const recent = await start.locator('.wt-recent li').count()
    for (const broken of [
      { name: 'kapot.wijktafel.json', text: '{"format":"wijktafel-board","records":[' },
      { name: 'tekening.tldr', text: '{"tldrawFileFormatVersion":1,"records":[]}' },
    ]) {
      await start.getByTestId('import-file').setInputFiles({
        name: broken.name,
        mimeType: 'application/json',
        buffer: Buffer.from(broken.text),
      })
      await start
        .getByRole('alert')
        .getByText('Dit bestand is geen Wijktafel-bord, of het is beschadigd.')
        .waitFor()
      expect(new URL(start.url()).pathname).toBe('/')
    }
    await start.getByRole('alert').scrollIntoViewIfNeeded()
    await screenshot(start, 'record-import-error.png')
    expect(await start.locator('.wt-recent li').count()).toBe(recent)
  })

  it('the facilitator deletes the board: named in the question, gone for everyone, forgotten on this device', async () => {
    const page = facilitator.page
    await reopen(facilitator, boardUrl) // a fresh page: no dialog left open by a failed test
    await joinAs(participant, `${app.url}/b/${board.id}#${board.tokens.editor}`)
    await page.getByRole('button', { name: 'Bewaren' }).click()
    await page.getByTestId('board-menu').getByRole('button', { name: 'Bord verwijderen' }).click()
    const dialog = page.getByTestId('delete-board')
    await dialog.waitFor()
    const text = await dialog.textContent()
    expect(text).toContain('De Horst')
    expect(text).toContain('alle versies en alle foto’s')
    await screenshot(page, 'record-delete-board.png')
    await dialog.getByRole('button', { name: 'Ja, verwijder het bord' }).click()
    await page.waitForURL(`${app.url}/`)
    await page.getByRole('heading', { name: 'Nieuw bord' }).waitFor()
    expect(await page.locator(`.wt-recent a[href*="${board.id}"]`).count()).toBe(0)

    await participant.page
      .getByTestId('sync-stopped')
      .getByText('Dit bord bestaat niet meer')
      .waitFor({ timeout: 15_000 })
    const response = await fetch(`${app.url}/api/boards/${board.id}`, {
      headers: { Authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(response.status).toBe(404)
  })
})

async function openVersions(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Bewaren' }).click()
  await page.getByTestId('board-menu').getByRole('button', { name: 'Versies' }).click()
  const panel = page.getByTestId('versions-panel')
  await panel.waitFor()
  return panel
}

/** Ctrl+Shift+S, a format, "Bewaar afbeelding": the file, once the dialog has closed. */
async function saveImageByShortcut(page: Page, format: string): Promise<Download> {
  await page.keyboard.press('Control+Shift+S')
  const dialog = page.getByTestId('image-dialog')
  await dialog.waitFor()
  await dialog.getByText(format).click()
  const file = await downloadOf(page, () =>
    dialog.getByRole('button', { name: 'Bewaar afbeelding' }).click(),
  )
  await dialog.waitFor({ state: 'hidden' })
  return file
}

/** A file from the Bewaren menu. */
async function fromMenu(page: Page, item: string): Promise<Download> {
  await page.getByRole('button', { name: 'Bewaren' }).click()
  const menu = page.getByTestId('board-menu')
  return downloadOf(page, () => menu.getByRole('button', { name: item }).click())
}

/** The board as a person sees it: its pages, and every shape's kind and content. */
function boardSummary(page: Page): Promise<{ pages: string[]; shapes: string[] }> {
  return page.evaluate(() => {
    const editor = window.editor!
    const shapes = editor.store
      .allRecords()
      .filter((r) => r.typeName === 'shape')
      .map((r) => {
        const shape = r as unknown as { type: string; x: number; y: number; props: object }
        // A photo's address names its board; what it shows is the same.
        const { assetId: _asset, ...props } = shape.props as { assetId?: string }
        return JSON.stringify([shape.type, Math.round(shape.x), Math.round(shape.y), props])
      })
      .sort()
    return { pages: editor.getPages().map((p) => p.name), shapes }
  })
}

/** Inside a viewport `width` wide, and every button in it at least 44 px high. */
async function expectFits(dialog: Locator, width: number): Promise<void> {
  const box = (await dialog.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(width)
  for (const button of await dialog.getByRole('button').all()) {
    if (!(await button.isVisible())) continue
    const b = (await button.boundingBox())!
    expect(b.height, `height of "${await button.textContent()}"`).toBeGreaterThanOrEqual(44)
    expect(b.x + b.width, `"${await button.textContent()}" inside`).toBeLessThanOrEqual(width)
  }
}

/** Opens the board anew (not a jump to the same address's fragment, which reloads nothing). */
async function reopen(person: Person, url: string): Promise<void> {
  await person.page.goto('about:blank')
  await joinAs(person, url)
}

/** The belangenkaart (the example's first page), in view. */
async function showFirstMap(page: Page): Promise<void> {
  await page.evaluate(() => {
    const editor = window.editor!
    editor.setCurrentPage(editor.getPages()[0]!.id)
    editor.zoomToFit({ animation: { duration: 0 } })
  })
  await page.waitForFunction(() => window.editor!.getCurrentPageShapes().length > 10)
}

/**
 * Uploads a small picture to the board as a person's browser does and places it right of
 * the map; waits until the service worker keeps it (for the offline export). Its URL.
 */
async function addPhoto(page: Page, board: CreateBoardResponse): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
    timeout: 30_000,
  })
  const src = await page.evaluate(
    async ({ id, token }) => {
      const canvas = new OffscreenCanvas(160, 120)
      const context = canvas.getContext('2d')!
      context.fillStyle = '#2f9e44'
      context.fillRect(0, 0, 160, 120)
      context.fillStyle = '#ffd43b'
      context.fillRect(40, 30, 80, 60)
      const blob = await canvas.convertToBlob({ type: 'image/png' })
      const response = await fetch(`/api/boards/${id}/assets`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/png' },
        body: blob,
      })
      const { src } = (await response.json()) as { src: string }
      const editor = window.editor!
      const bounds = editor.getCurrentPageBounds()!
      const assetId = 'asset:record-test-photo' as never
      editor.createAssets([
        {
          id: assetId,
          typeName: 'asset',
          type: 'image',
          props: {
            src,
            w: 160,
            h: 120,
            name: 'plein.png',
            isAnimated: false,
            mimeType: 'image/png',
          },
          meta: {},
        },
      ])
      editor.createShape({
        type: 'image',
        x: bounds.maxX + 40,
        y: bounds.y,
        props: { assetId, w: 320, h: 240 },
      })
      editor.selectNone()
      // The service worker keeps photos it has seen for offline boards and exports.
      await fetch(src)
      return src
    },
    { id: board.id, token: board.tokens.facilitator },
  )
  await page.waitForFunction((src) => caches.match(src).then((hit) => !!hit), src, {
    timeout: 15_000,
  })
  return src
}

/** The first path of each distinct lucide pictogram on the cards of the current page. */
function cardIconPaths(page: Page): Promise<{ name: string; d: string }[]> {
  return page.evaluate(() => {
    const found = new Map<string, string>()
    for (const svg of Array.from(
      document.querySelectorAll('[data-shape-type^="wt-"] svg.lucide'),
    )) {
      const name = Array.from(svg.classList).find((c) => c.startsWith('lucide-')) ?? ''
      const d = svg.querySelector('path')?.getAttribute('d')
      if (name && d && !found.has(name)) found.set(name, d)
    }
    return [...found].map(([name, d]) => ({ name, d }))
  })
}

async function downloadOf(page: Page, action: () => Promise<unknown>): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    action(),
  ])
  return download
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.subarray(0, 8).equals(signature), 'PNG signature').toBe(true)
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** Today in UTC, as the server names its files. */
function utcDate(): string {
  return new Date().toISOString().slice(0, 10)
}

/** Today on this machine's clock, as the browser (same machine) names its files. */
function localDate(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
