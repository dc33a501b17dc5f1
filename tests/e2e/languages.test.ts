import { translate, type MessageKey } from '@wijktafel/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app.js'
import { joinAs, waitForBoard } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

const ar = (key: MessageKey) => translate('ar', key)
const tr = (key: MessageKey) => translate('tr', key)

/** An interest typed by a resident who writes Arabic, with a Dutch line under it. */
const ARABIC_LINE = 'حديقة للأطفال'
const DUTCH_LINE = 'Een speeltuin'
const MIXED_TEXT = `${ARABIC_LINE}\n${DUTCH_LINE}`

interface Box {
  x: number
  y: number
  width: number
  height: number
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox()
  if (!found) throw new Error(`${selector} is not on screen`)
  return found
}

/** What the page says about its language and direction, and tldraw's container's. */
function directions(page: Page) {
  return page.evaluate(() => ({
    html: { lang: document.documentElement.lang, dir: document.documentElement.dir },
    tldraw: document.querySelector('.tl-container')?.getAttribute('dir') ?? null,
  }))
}

/**
 * Where each line of a card's text is drawn: the Arabic line should hug the card's right
 * edge and the Dutch line its left edge, as a person would write them on paper.
 */
function lineEdges(page: Page, shapeId: string, lines: string[]) {
  return page.evaluate(
    ({ shapeId, lines }) => {
      const el = document.querySelector(`[data-shape-id="${shapeId}"] div.wtc-text`)
      const text = el?.firstChild
      if (!el || !text || text.nodeType !== Node.TEXT_NODE) return null
      const outer = el.getBoundingClientRect()
      const content = (text.textContent ?? '') as string
      return {
        text: content,
        dir: el.getAttribute('dir'),
        lines: lines.map((line) => {
          const range = document.createRange()
          const start = content.indexOf(line)
          range.setStart(text, start)
          range.setEnd(text, start + line.length)
          const r = range.getBoundingClientRect()
          return {
            fromLeft: Math.round(r.left - outer.left),
            fromRight: Math.round(outer.right - r.right),
          }
        }),
      }
    },
    { shapeId, lines },
  )
}

/** Shows the card at 100 % in the upper middle of the screen, with room for its panel below. */
function showShape(page: Page, id: string) {
  return page.evaluate((id) => {
    const editor = window.editor!
    const shape = editor.getShape(id as never)!
    editor.setCurrentPage(editor.getAncestorPageId(shape)!)
    const bounds = editor.getShapePageBounds(shape)!
    const view = editor.getViewportScreenBounds()
    const z = 1
    editor.setCamera(
      { x: view.w / 2 / z - bounds.midX, y: 70 / z - bounds.minY, z },
      { immediate: true },
    )
  }, id)
}

/**
 * A resident who reads Arabic chooses their language on the start page and works on the board
 * in it: the page, our panels and tldraw's menus run right to left; Arabic typed on a card
 * reads right to left next to a Dutch line, for a Dutch neighbour too; Turkish is one choice
 * away.
 */
describe('languages: Arabic right to left, Turkish, tldraw follows', () => {
  let app: RunningApp
  let amina: Person
  let joost: Person
  let cardId: string

  beforeAll(async () => {
    app = await startApp()
    ;[amina, joost] = await Promise.all([launchPerson('Amina'), launchPerson('Joost')])
  })

  afterAll(async () => {
    await Promise.all([amina, joost].map((p) => p?.close()))
    await app?.close()
  })

  it('the start page in Arabic: the menu lists each language in itself, the page runs right to left', async () => {
    const page = amina.page
    await page.goto(app.url)
    const menu = page.locator('.wt-language select')
    await menu.waitFor()
    // The browser says Dutch: the start page starts in Dutch, the menu offers the others.
    expect(await directions(page)).toMatchObject({ html: { lang: 'nl-NL', dir: 'ltr' } })
    const options = await menu
      .locator('option')
      .evaluateAll((os) => os.map((o) => ({ text: o.textContent, lang: o.getAttribute('lang') })))
    expect(options).toEqual([
      { text: 'Nederlands', lang: 'nl' },
      { text: 'English', lang: 'en' },
      { text: 'Türkçe', lang: 'tr' },
      { text: 'العربية', lang: 'ar' },
    ])

    await menu.selectOption({ label: 'العربية' })
    await page.waitForFunction(() => document.documentElement.dir === 'rtl')
    expect(await directions(page)).toMatchObject({ html: { lang: 'ar', dir: 'rtl' } })
    await expect.poll(() => page.locator('form h2').textContent()).toBe(ar('start.title'))
    expect(await page.getByLabel(ar('start.titleLabel')).getAttribute('placeholder')).toBe(
      ar('start.titlePlaceholder'),
    )
    expect(await page.getByRole('combobox', { name: ar('language.switch') }).count()).toBe(1)
    expect(await page.getByRole('button', { name: ar('start.create') }).count()).toBe(1)
    // Right to left: the name of the app on the right, the language menu on the left; the
    // label of the title field starts at the form's right edge.
    const title = await box(page, '.wt-start__header h1')
    const language = await box(page, '.wt-language')
    expect(title.x).toBeGreaterThan(language.x + language.width)
    const form = await box(page, 'form.wt-card')
    const label = await page.locator('label[for="board-title"]').evaluate((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return range.getBoundingClientRect().right
    })
    expect(form.x + form.width - label).toBeLessThan(40)
    await screenshot(page, 'start-arabic.png')
  })

  it('a board made in Arabic: the page, our top panel, tldraw and a card panel run right to left', async () => {
    const page = amina.page
    // Without a name the form says so in Arabic, not in the server's English.
    await page.getByRole('button', { name: ar('start.create') }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toBe(ar('start.titleMissing'))
    await page.getByLabel(ar('start.titleLabel')).fill('حديقة الحي')
    await page.getByRole('button', { name: ar('start.create') }).click()
    // The name prompt in Arabic.
    await page.getByRole('heading', { name: ar('name.title') }).waitFor({ timeout: 30_000 })
    await page.locator('#user-name').fill('أمينة')
    await page.getByRole('button', { name: ar('name.ok') }).click()
    await waitForBoard(page)

    expect(await directions(page)).toEqual({ html: { lang: 'ar', dir: 'rtl' }, tldraw: 'rtl' })
    // tldraw's own menus, in Arabic from its own translation (@tldraw/assets, self-hosted).
    const mainMenu = page.locator('[data-testid="main-menu.button"]')
    await expect.poll(() => mainMenu.getAttribute('title'), { timeout: 10_000 }).toBe('القائمة')
    await mainMenu.click()
    const menu = page.locator('.tlui-menu').first()
    await menu.waitFor()
    expect(await menu.getAttribute('dir')).toBe('rtl')
    expect(await menu.textContent()).toContain('تعديل') // "Edit"
    const menuBox = await box(page, '.tlui-menu')
    await page.keyboard.press('Escape')
    await menu.waitFor({ state: 'hidden' })
    // Self-hosted: tldraw's Arabic came from our server, nothing from another host.
    expect(
      amina.requests.some((u) => u.startsWith(app.url) && /\/ar[-.][\w-]*\.json$/.test(u)),
    ).toBe(true)
    expect(amina.requests.filter((u) => /^https?:/.test(u) && !u.startsWith(app.url))).toEqual([])
    // The pages are named in Arabic by the server's template.
    const pages = await page.evaluate(() => window.editor!.getPages().map((p) => p.name))
    expect(pages).toEqual([ar('map.belangenkaart'), ar('map.partnerschapskaart')])

    // Our top panel from right to left: the board's name first, on the right.
    const topTitle = await box(page, '.wt-toppanel__title')
    const role = await box(page, '.wt-toppanel .wt-role')
    expect(topTitle.x).toBeGreaterThan(role.x)
    expect(await page.locator('.wt-toppanel .wt-role').textContent()).toBe(ar('role.facilitator'))
    expect(await page.locator('[data-connection]').first().textContent()).toContain(
      ar('status.connected'),
    )
    // tldraw's menu opens on the right in Arabic, where its button is.
    expect(menuBox.x).toBeGreaterThan(page.viewportSize()!.width / 2)

    // A card with its panel open: the choices start on the right.
    cardId = await page.evaluate(() => {
      const editor = window.editor!
      // Beside the map, where nothing else lies.
      const bounds = editor.getCurrentPageBounds()!
      editor.createShape({ type: 'wt-interest', x: bounds.maxX + 400, y: bounds.minY })
      const shape = editor.getCurrentPageShapes().find((s) => s.type === 'wt-interest')!
      return shape.id as string
    })
    await showShape(page, cardId)
    await page.evaluate((id) => {
      const editor = window.editor!
      editor.select(id as never)
      editor.setEditingShape(id as never)
    }, cardId)
    await page.locator('.wtc-option').nth(1).waitFor()
    const first = await box(page, '.wtc-picker .wtc-option >> nth=0')
    const second = await box(page, '.wtc-picker .wtc-option >> nth=1')
    expect(Math.abs(first.y - second.y)).toBeLessThan(4)
    expect(first.x).toBeGreaterThan(second.x + second.width - 1)
    // The panel hangs under the card from its right edge, as Arabic is read.
    const panel = await box(page, '.wtc-edit-panel')
    const cardRight = await page.evaluate((id) => {
      const editor = window.editor!
      const bounds = editor.getShapePageBounds(id as never)!
      return editor.pageToScreen({ x: bounds.maxX, y: bounds.maxY }).x
    }, cardId)
    expect(Math.abs(panel.x + panel.width - cardRight)).toBeLessThan(3)
    expect(await page.locator('.wtc-picker__title').first().textContent()).toBe(
      ar('field.category'),
    )
    expect(await page.locator(`[data-shape-id="${cardId}"] .wtc-card__label`).textContent()).toBe(
      ar('interestCategory.halen'),
    )
  })

  it('Arabic typed on a card next to Dutch reads as typed, here and in a Dutch browser', async () => {
    const page = amina.page
    const field = page.locator(`[data-shape-id="${cardId}"] textarea.wtc-text`)
    await field.waitFor()
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    )
    // A person types: Arabic first, then a Dutch line (Shift+Enter keeps the textarea open).
    await page.keyboard.type(ARABIC_LINE)
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.type(DUTCH_LINE)
    expect(await field.getAttribute('dir')).toBe('auto')
    await expect.poll(() => field.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true)
    // The board as Amina sees it while she types: her words, the panel of choices, our bars
    // and tldraw's, all in Arabic.
    await screenshot(page, 'board-arabic.png')
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')

    const stored = await page.evaluate(
      (id) => (window.editor!.getShape(id as never)!.props as { text: string }).text,
      cardId,
    )
    expect(stored).toBe(MIXED_TEXT)
    await showShape(page, cardId)
    const mine = await lineEdges(page, cardId, [ARABIC_LINE, DUTCH_LINE])
    expect(mine).toMatchObject({ text: MIXED_TEXT, dir: 'auto' })
    // The Arabic line starts at the right edge, the Dutch line at the left edge.
    expect(mine!.lines[0]!.fromRight).toBeLessThan(4)
    expect(mine!.lines[0]!.fromLeft).toBeGreaterThan(20)
    expect(mine!.lines[1]!.fromLeft).toBeLessThan(4)
    expect(mine!.lines[1]!.fromRight).toBeGreaterThan(20)

    // Joost reads Dutch: the same text, each line in its own direction, on his LTR page.
    // Amina's facilitator link, from her address bar (it is not remembered on her device).
    const { pathname, hash } = new URL(page.url())
    await joinAs(joost, `${app.url}${pathname}${hash}`)
    expect(await directions(joost.page)).toEqual({
      html: { lang: 'nl-NL', dir: 'ltr' },
      tldraw: 'ltr',
    })
    await joost.page.waitForFunction((id) => !!window.editor!.getShape(id as never), cardId)
    await showShape(joost.page, cardId)
    await expect
      .poll(() => lineEdges(joost.page, cardId, [ARABIC_LINE, DUTCH_LINE]), { timeout: 10_000 })
      .toMatchObject({ text: MIXED_TEXT })
    const theirs = await lineEdges(joost.page, cardId, [ARABIC_LINE, DUTCH_LINE])
    expect(theirs!.lines[0]!.fromRight).toBeLessThan(4)
    expect(theirs!.lines[1]!.fromLeft).toBeLessThan(4)
    expect(
      await joost.page.locator(`[data-shape-id="${cardId}"] .wtc-card__label`).textContent(),
    ).toBe(translate('nl', 'interestCategory.halen'))
  })

  it('switching to Turkish on the board shows Turkish labels on the cards, left to right', async () => {
    const page = amina.page
    await page.locator('.wt-toppanel .wt-language select').selectOption({ label: 'Türkçe' })
    await page.waitForFunction(() => document.documentElement.dir === 'ltr')
    // tldraw loads its Turkish words first, then turns its container round.
    await expect
      .poll(() => directions(page))
      .toEqual({ html: { lang: 'tr-TR', dir: 'ltr' }, tldraw: 'ltr' })
    await expect
      .poll(() => page.locator(`[data-shape-id="${cardId}"] .wtc-card__label`).textContent())
      .toBe(tr('interestCategory.halen'))
    await expect
      .poll(() => page.locator('[data-testid="main-menu.button"]').getAttribute('title'))
      .toBe('Menü')
    expect(await page.locator('.wt-toppanel .wt-role').textContent()).toBe(tr('role.facilitator'))
    // The text on the card is the resident's, not the interface's: it keeps its directions.
    const edges = await lineEdges(page, cardId, [ARABIC_LINE, DUTCH_LINE])
    await screenshot(page, 'board-turkish.png')
    expect(edges!.lines[0]!.fromRight).toBeLessThan(4)
    expect(edges!.lines[1]!.fromLeft).toBeLessThan(4)
    // A rebuild of the shared client/dist while this runs makes the old service worker's
    // script 404: that is the test machine, not the page.
    const errors = [...amina.errors, ...joost.errors].filter(
      (e) => !e.includes('when fetching the script'),
    )
    expect(errors).toEqual([])
  })
})
