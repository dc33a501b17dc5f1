import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

const TITLE = 'Samen aan de slag in De Horst, de buurt van iedereen'

/** Our controls (not tldraw's): the top panel, Delen and its dialog, the palette, menus, notices. */
const OURS = [
  '.wt-toppanel',
  '.wt-sharepanel',
  '.wtc-palette',
  '.wt-views__list',
  '.wt-notices',
  '.wt-start',
]

/**
 * The board as a resident with only a phone sees it (390×844 upright, then 844×390 sideways),
 * and as a projector in a community centre shows it (1920×1080, and a 1280×800 laptop). What
 * is measured is what a person would notice: the title, their role, the connection state and
 * Delen fully on the screen and apart, nothing to scroll sideways, every control of ours big
 * enough for a finger (44 px), the palette's last card in reach, room left for the map.
 */
describe('the board on a phone and on a projector', () => {
  let app: RunningApp
  let phone: Person
  let projector: Person
  let boardUrl: (token: string, query?: string) => string
  let tokens: { viewer: string; editor: string; facilitator: string }

  beforeAll(async () => {
    app = await startApp()
    ;[phone, projector] = await Promise.all([
      launchPerson('Fatma', { width: 390, height: 844 }),
      launchPerson('Beamer', { width: 1920, height: 1080 }),
    ])
    const board = await createBoard(app.url, TITLE, { template: 'example', locale: 'nl' })
    tokens = board.tokens
    boardUrl = (token, query = '') => `${app.url}/b/${board.id}${query}#${token}`
  })

  afterAll(async () => {
    await Promise.all([phone, projector].map((p) => p?.close()))
    await app?.close()
    for (const p of [phone, projector]) if (p?.errors.length) console.log(p.name, p.errors)
  })

  it('a phone opens the board in the outline, with a big way to the map that the link keeps', async () => {
    const page = phone.page
    await page.goto(boardUrl(tokens.facilitator))
    // The name prompt first: big enough for a thumb, nothing to scroll sideways.
    await page.locator('#user-name').waitFor({ timeout: 90_000 })
    expect(await smallTargets(page, ['.wt-card'])).toEqual([])
    expect(await sidewaysScroll(page)).toBe(0)
    await page.locator('#user-name').fill('Fatma')
    await page.getByRole('button', { name: 'Meedoen' }).click()
    await waitForBoard(page)

    await page.getByTestId('outline').waitFor()
    expect(new URL(page.url()).searchParams.get('view')).toBeNull()
    const back = page.getByTestId('outline-back')
    const box = await back.boundingBox()
    expect(box, 'the way to the map').not.toBeNull()
    expect(box!.y + box!.height).toBeLessThanOrEqual(844)
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(44)
    expect(await sidewaysScroll(page)).toBe(0)

    await back.click()
    await page.getByTestId('outline').waitFor({ state: 'detached' })
    await page.locator('.wt-toppanel').waitFor()
    // On a phone the map is a choice the link must remember: a reload keeps it.
    expect(new URL(page.url()).searchParams.get('view')).toBe('canvas')
    expect(new URL(page.url()).hash).toBe(`#${tokens.facilitator}`)
    await page.reload()
    await waitForBoard(page)
    await page.locator('.wt-toppanel').waitFor()
    expect(await page.getByTestId('outline').count()).toBe(0)
  })

  it('upright (390×844): title, role, connection state and Delen are all in view and apart, every control 44 px', async () => {
    const page = phone.page
    await expectHeadInView(page, { width: 390, height: 844 })
    expect(await smallTargets(page, OURS)).toEqual([])
    expect(await sidewaysScroll(page)).toBe(0)

    // The long title ends in an ellipsis; a tap shows it whole, still on the screen.
    const title = page.locator('.wt-toppanel__titlebutton')
    expect(await title.getAttribute('title')).toBe(TITLE)
    expect(await title.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await title.click()
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    expect(await title.innerText()).toBe(TITLE)
    await expectHeadInView(page, { width: 390, height: 844 })
    await title.click()

    // The views: one button that names the view shown, its list on the screen.
    const views = page.getByRole('button', { name: 'Weergave: Kaart' })
    await views.click()
    const list = page.locator('.wt-views__list')
    await list.waitFor()
    for (const name of ['Kaart', 'Lijst', 'Presenteren', 'De weg', 'Impact'])
      await expect.poll(() => list.getByRole('button', { name, exact: true }).count()).toBe(1)
    expect(await insideScreen(page, '.wt-views__list')).toBe(true)
    expect(await smallTargets(page, ['.wt-views__list'])).toEqual([])
    await page.keyboard.press('Escape')
    await list.waitFor({ state: 'detached' })
    // The focus went back to the views button; the picture shows the panel at rest.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('wt-views')
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
    await screenshot(page, 'phone-board.png')

    // Delen: the dialog's links, copy and close buttons are as big, and fit the width.
    await page.getByRole('button', { name: 'Delen' }).click()
    const dialog = page.locator('.wt-sharepanel dialog[open]')
    await dialog.waitFor()
    expect(await smallTargets(page, ['.wt-sharepanel dialog'])).toEqual([])
    expect(await insideScreen(page, '.wt-sharepanel dialog', 'x')).toBe(true)
    expect(await sidewaysScroll(page)).toBe(0)
    await dialog.getByRole('button', { name: 'Sluiten' }).click()
    await dialog.waitFor({ state: 'detached' })
  })

  it('upright, the card palette stays on the screen and scrolls to its last card', async () => {
    const page = phone.page
    expect(await insideScreen(page, '.wtc-palette', 'x')).toBe(true)
    const last = await page.evaluate(() => {
      const palette = document.querySelector<HTMLElement>('.wtc-palette')!
      palette.scrollLeft = palette.scrollWidth
      const buttons = palette.querySelectorAll('button')
      const item = buttons[buttons.length - 1]!.getBoundingClientRect()
      const frame = palette.getBoundingClientRect()
      return {
        label: buttons[buttons.length - 1]!.textContent,
        inside:
          item.left >= frame.left - 0.5 &&
          item.right <= frame.right + 0.5 &&
          item.right <= window.innerWidth,
        size: [item.width, item.height],
      }
    })
    expect(last.inside, `last palette item "${last.label}" in reach`).toBe(true)
    expect(Math.min(...last.size)).toBeGreaterThanOrEqual(44)
  })

  it('turned sideways (844×390): one row on top, room left for the map, still the same view', async () => {
    const page = phone.page
    await page.setViewportSize({ width: 844, height: 390 })
    await page.waitForFunction(() => window.innerWidth === 844)
    // The panel lies in one row under tldraw's menu and Delen.
    await expect.poll(() => panelRows(page)).toBe(1)
    await expectHeadInView(page, { width: 844, height: 390 })
    expect(await smallTargets(page, OURS)).toEqual([])
    expect(await sidewaysScroll(page)).toBe(0)
    const free = await page.evaluate(() => {
      const bottoms = Array.from(
        document.querySelectorAll('.tlui-layout__top__left > *, .wt-toppanel, .wt-sharepanel'),
      ).map((el) => el.getBoundingClientRect().bottom)
      const tops = Array.from(document.querySelectorAll('.wtc-toolbar-stack, .tlui-main-toolbar'))
        .map((el) => el.getBoundingClientRect())
        .filter((r) => r.height > 0)
        .map((r) => r.top)
      return Math.min(...tops) - Math.max(...bottoms)
    })
    // Before: about 70 px of a 390 px screen between the bars; now more than half of it.
    expect(free, 'height of the map between the bars').toBeGreaterThanOrEqual(195)
    expect(new URL(page.url()).searchParams.get('view')).toBe('canvas')
    await screenshot(page, 'phone-landscape.png')
    await page.setViewportSize({ width: 390, height: 844 })
  })

  it('the start page works on a phone: nothing to scroll sideways, every control 44 px', async () => {
    const page = phone.page
    await page.goto(app.url)
    await page.locator('#board-title').waitFor()
    expect(await sidewaysScroll(page)).toBe(0)
    expect(await smallTargets(page, ['.wt-start'])).toEqual([])
  })

  it('on a 1920×1080 projector the top panel is one row with every view, and the licence corner stays clear', async () => {
    const page = projector.page
    await page.goto(boardUrl(tokens.viewer))
    await waitForBoard(page)
    // A wide screen opens on the map: no outline, no parameter.
    await page.locator('.wt-toppanel').waitFor()
    expect(await page.getByTestId('outline').count()).toBe(0)
    expect(await panelRows(page)).toBe(1)
    await expectHeadInView(page, { width: 1920, height: 1080 }, { share: false })
    expect(await licenceCornerCovered(page)).toEqual([])
    const views = page.getByRole('group', { name: 'Weergave' })
    for (const name of ['Kaart', 'Lijst', 'Presenteren', 'De weg', 'Impact'])
      await expect.poll(() => views.getByRole('button', { name, exact: true }).count()).toBe(1)
    expect(
      await views.getByRole('button', { name: 'Kaart', exact: true }).getAttribute('aria-pressed'),
    ).toBe('true')
    await screenshot(page, 'projector-board.png')

    // Lijst opens the outline and the link says so; its way back leaves no parameter.
    await views.getByRole('button', { name: 'Lijst', exact: true }).click()
    await page.getByTestId('outline').waitFor()
    expect(new URL(page.url()).searchParams.get('view')).toBe('outline')
    await page.getByTestId('outline-back').click()
    await page.getByTestId('outline').waitFor({ state: 'detached' })
    expect(new URL(page.url()).searchParams.get('view')).toBeNull()

    // A 1280×800 laptop: still one row, the corner still clear.
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.waitForFunction(() => window.innerWidth === 1280)
    await expect.poll(() => panelRows(page)).toBe(1)
    await expectHeadInView(page, { width: 1280, height: 800 }, { share: false })
    expect(await licenceCornerCovered(page)).toEqual([])
  })

  it('a facilitator on the projector sees Delen beside the one-row panel', async () => {
    const page = projector.page
    await page.setViewportSize({ width: 1920, height: 1080 })
    // Another token on the same address is only a new hash: load the page afresh.
    await page.goto('about:blank')
    await page.goto(boardUrl(tokens.facilitator))
    const name = page.locator('#user-name')
    await name.or(page.locator('.tl-container')).first().waitFor({ timeout: 90_000 })
    if (await name.isVisible()) {
      await name.fill('Marieke')
      await page.getByRole('button', { name: 'Meedoen' }).click()
    }
    await waitForBoard(page)
    await page.locator('.wt-toppanel').waitFor()
    expect(await panelRows(page)).toBe(1)
    await expectHeadInView(page, { width: 1920, height: 1080 })
    expect(await licenceCornerCovered(page)).toEqual([])
  })
})

/**
 * The board is shown and connected. Longer than support/board.ts waits: eight people's tests
 * share two cores here, and a phone's first load of tldraw has taken more than 30 s.
 */
async function waitForBoard(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.editor, undefined, { timeout: 90_000 })
  await page.waitForSelector('[data-connection="connected"]', { timeout: 90_000 })
}

type Box = { x: number; y: number; width: number; height: number }

/** Title, role, connection state and (for those who may share) Delen: on screen, apart. */
async function expectHeadInView(
  page: Page,
  screen: { width: number; height: number },
  { share = true } = {},
): Promise<void> {
  const parts: Record<string, string> = {
    title: '.wt-toppanel__title',
    role: '[data-testid="role"]',
    connection: '[data-connection]',
  }
  if (share) parts.share = '.wt-sharepanel > .wt-button'
  const boxes: Record<string, Box> = {}
  for (const [name, selector] of Object.entries(parts)) {
    const box = await page.locator(selector).first().boundingBox()
    expect(box, `${name} is shown`).not.toBeNull()
    expect(box!.width, `${name} has a width`).toBeGreaterThan(10)
    expect(box!.x, `${name} starts on the screen`).toBeGreaterThanOrEqual(0)
    expect(box!.y, `${name} starts on the screen`).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width, `${name} ends on the screen`).toBeLessThanOrEqual(screen.width)
    expect(box!.y + box!.height, `${name} ends on the screen`).toBeLessThanOrEqual(screen.height)
    boxes[name] = box!
  }
  // The connection state is whole: its words are not cut off.
  const cut = await page
    .locator('[data-connection]')
    .first()
    .evaluate((el) => el.scrollWidth > el.clientWidth + 1)
  expect(cut, 'connection state cut off').toBe(false)
  const names = Object.keys(boxes)
  for (const a of names)
    for (const b of names)
      if (a < b) expect(overlap(boxes[a]!, boxes[b]!), `${a} overlaps ${b}`).toBe(false)
}

function overlap(a: Box, b: Box): boolean {
  return (
    a.x < b.x + b.width - 0.5 &&
    b.x < a.x + a.width - 0.5 &&
    a.y < b.y + b.height - 0.5 &&
    b.y < a.y + a.height - 0.5
  )
}

/** How far the page scrolls sideways: 0 when nothing sticks out. */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth))
}

/** Every visible button, link, field and menu of ours smaller than 44×44 px. */
function smallTargets(page: Page, scopes: string[]): Promise<string[]> {
  return page.evaluate((scopes) => {
    const found = new Set<Element>()
    for (const scope of scopes)
      for (const root of Array.from(document.querySelectorAll(scope)))
        for (const el of Array.from(
          root.querySelectorAll('button, a[href], input, select, textarea, label.wt-button'),
        ))
          found.add(el)
    const small: string[] = []
    for (const el of Array.from(found)) {
      const r = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      // Not shown, or a transparent stand-in (a radio, a file input) whose label is the target.
      if (r.width <= 1 || r.height <= 1 || style.visibility === 'hidden') continue
      if (style.opacity === '0') continue
      if (el.closest('dialog:not([open])')) continue
      // A checkbox inside its label: the label (44 px or more) is the target, as WCAG 2.5.5 allows.
      const label = el.matches('input[type=checkbox]') ? el.closest('label') : null
      const target = label ? label.getBoundingClientRect() : r
      if (label && target.height >= 44 - 0.5) continue
      if (r.width < 44 - 0.5 || r.height < 44 - 0.5) {
        const name =
          el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.id || el.tagName
        small.push(`${name.trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`)
      }
    }
    return small
  }, scopes)
}

/** Whether an element lies within the screen (sideways only with axis 'x'). */
function insideScreen(page: Page, selector: string, axis: 'x' | 'xy' = 'xy'): Promise<boolean> {
  return page.evaluate(
    ({ selector, axis }) => {
      const r = document.querySelector(selector)!.getBoundingClientRect()
      const x = r.left >= -0.5 && r.right <= window.innerWidth + 0.5
      const y = r.top >= -0.5 && r.bottom <= window.innerHeight + 0.5
      return axis === 'x' ? x : x && y
    },
    { selector, axis },
  )
}

/** Rows of the top panel: its visible items grouped by their vertical middle. */
function panelRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const middles: number[] = []
    for (const el of Array.from(document.querySelector('.wt-toppanel')!.children)) {
      const r = el.getBoundingClientRect()
      if (r.width < 2 || r.height < 2) continue
      const mid = r.top + r.height / 2
      if (!middles.some((m) => Math.abs(m - mid) < 12)) middles.push(mid)
    }
    return middles.length
  })
}

/** Our elements that cover tldraw's licence corner (bottom right, 128×56). */
function licenceCornerCovered(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const corner = {
      left: window.innerWidth - 128,
      top: window.innerHeight - 56,
    }
    const ours = document.querySelectorAll(
      '.wt-toppanel, .wt-sharepanel, .wtc-toolbar-stack, .wt-notices > *, .wt-followbar',
    )
    return Array.from(ours)
      .filter((el) => {
        const r = el.getBoundingClientRect()
        return r.width > 0 && r.right > corner.left && r.bottom > corner.top
      })
      .map((el) => el.className.toString())
  })
}
