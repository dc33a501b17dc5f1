import { YDOC_MEETING, type MeetingFollow, type MeetingTimer } from '@wijktafel/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

/**
 * Presentation mode as a projector in a community centre shows it: a viewer link with
 * `?view=present` on a 1920×1080 screen, stepped with the keys of a presenter clicker
 * through every section of both De Horst maps. Each step is photographed and measured: the
 * card text a person at the back reads, and nothing under the bars or the licence button.
 */
describe('presentation mode on a projector', () => {
  let app: RunningApp
  let projector: Person
  let phone: Person
  let boardUrl: (token: string, query?: string) => string
  let tokens: { viewer: string; editor: string; facilitator: string }
  let boardId: string

  beforeAll(async () => {
    app = await startApp()
    ;[projector, phone] = await Promise.all([
      launchPerson('Beamer', { width: 1920, height: 1080 }),
      launchPerson('Telefoon', { width: 390, height: 844 }),
    ])
    const board = await createBoard(app.url, 'Samen aan de slag in De Horst', {
      template: 'example',
      locale: 'nl',
    })
    tokens = board.tokens
    boardId = board.id
    boardUrl = (token, query = '') => `${app.url}/b/${board.id}${query}#${token}`
  })

  afterAll(async () => {
    await Promise.all([projector, phone].map((p) => p?.close()))
    await app?.close()
  })

  it('steps through every section of both maps with readable cards and nothing under the bars', async () => {
    const page = projector.page
    await openPresentation(projector, boardUrl(tokens.viewer, '?view=present'))
    // No editing chrome: tldraw's toolbar and menus and our palette are gone.
    await expect.poll(() => page.locator('.tlui-layout').isVisible()).toBe(false)

    const maps = ['Belangenkaart', 'Partnerschapskaart']
    const shotsPerMap: Record<string, number> = {}
    for (const map of maps) {
      await page.getByRole('button', { name: map, exact: true }).click()
      await page.keyboard.press('Home')
      const total = await sectionCount(page)
      expect(total, `sections of the ${map}`).toBeGreaterThan(3)
      let n = 0
      const seen = new Set<string>()
      for (;;) {
        n += 1
        const step = await settled(page)
        seen.add(step.section)
        await screenshot(page, `present-${map.toLowerCase()}-${n}.png`)
        const m = await measure(page)
        const where = `${map} step ${n} (${step.title}, ${step.position})`
        // An empty section (a partner without roles yet) shows its empty zone.
        if (step.cards > 0) expect(m.cards, `cards shown at ${where}`).toBeGreaterThan(0)
        else expect(m.cards, `cards shown at ${where}`).toBe(0)
        if (m.cards > 0)
          expect(m.smallestText, `smallest card text at ${where}`).toBeGreaterThanOrEqual(24)
        expect(m.underTopBar, `cards under the top bar at ${where}`).toEqual([])
        expect(m.underLicence, `cards or controls on the licence button at ${where}`).toEqual([])
        expect(m.offScreen, `cards cut by the screen's edge at ${where}`).toEqual([])
        expect(m.underControls, `cards under our buttons at ${where}`).toEqual([])
        if (step.last) break
        // The presenter clicker: PageDown for next.
        await page.keyboard.press('PageDown')
        await page.waitForFunction((before) => {
          const el = document.querySelector('[data-testid="presentation"]')!
          return `${el.getAttribute('data-section')}:${el.getAttribute('data-part')}` !== before
        }, `${step.section}:${step.part}`)
        expect(n, 'steps').toBeLessThan(60)
      }
      expect(seen.size, `every section of the ${map} shown`).toBe(total)
      shotsPerMap[map] = n
    }
    console.log('presentation steps per map', shotsPerMap)

    // PageUp goes back one step; ArrowRight forward again.
    const end = await settled(page)
    await page.keyboard.press('PageUp')
    await expect.poll(async () => (await settled(page)).key).not.toBe(end.key)
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => (await settled(page)).key).toBe(end.key)
  })

  it('hides a resident’s name on their card, in the title and on chips, and shows it again', async () => {
    const page = projector.page
    await page.getByRole('button', { name: 'Belangenkaart', exact: true }).click()
    await page.keyboard.press('o')
    await page.getByTestId('present-overview').waitFor()
    await screenshot(page, 'present-overview.png')
    await page.getByTestId('present-overview').getByRole('button', { name: /Fatma/ }).click()
    await expect.poll(() => page.getByTestId('present-title').textContent()).toBe('Fatma')
    await settled(page)
    expect(await visibleCanvasText(page)).toContain('Fatma')

    await page.getByTestId('present-names').click()
    await expect.poll(() => page.getByTestId('present-title').textContent()).toBe('Bewoner')
    expect(page.url()).toContain('names=hidden')
    expect(await visibleCanvasText(page)).not.toContain('Fatma')
    expect(await visibleCanvasText(page)).toContain('Bewoner')
    await screenshot(page, 'present-names-hidden.png')
    // An official's name stays: only residents are hidden.
    await page.keyboard.press('o')
    await page
      .getByTestId('present-overview')
      .getByRole('button', { name: /Marieke/ })
      .click()
    await expect.poll(() => visibleCanvasText(page)).toContain('Marieke de Vries')

    // A chip on the partnership map that names a resident (an action's owner, a rule).
    await page.getByRole('button', { name: 'Partnerschapskaart', exact: true }).click()
    await page.keyboard.press('Home')
    await settled(page)
    expect(await visibleCanvasText(page)).not.toMatch(/Fatma|Karim/)

    await page.getByTestId('present-names').click()
    await expect.poll(() => page.url()).not.toContain('names=hidden')
  })

  it('Escape leaves presentation mode: the parameter goes and the canvas is back', async () => {
    const page = projector.page
    await page.keyboard.press('Escape')
    await page.getByTestId('presentation').waitFor({ state: 'detached' })
    expect(new URL(page.url()).searchParams.get('view')).toBeNull()
    expect(new URL(page.url()).hash).toBe(`#${tokens.viewer}`)
    await expect.poll(() => page.locator('.tlui-layout').isVisible()).toBe(true)
    // The camera is free again: the whole map is in view, zoomed out.
    expect(await page.evaluate(() => window.editor!.getCameraOptions().isLocked)).toBe(false)
    await screenshot(page, 'present-left.png')

    // The button in the top panel opens it again, and the link says so.
    await page.getByRole('button', { name: 'Presenteren' }).click()
    await page.getByTestId('presentation').waitFor()
    expect(new URL(page.url()).searchParams.get('view')).toBe('present')
    await page.getByTestId('present-leave').click()
    await page.getByTestId('presentation').waitFor({ state: 'detached' })
    expect(new URL(page.url()).searchParams.get('view')).toBeNull()
  })

  it('works on a phone: the section fits the width, the controls at the bottom', async () => {
    const page = phone.page
    await openPresentation(phone, boardUrl(tokens.viewer, '?view=present'))
    await page.keyboard.press('ArrowRight')
    const step = await settled(page)
    await screenshot(page, 'present-phone.png')
    const m = await measure(page)
    expect(m.cards, `cards shown at ${step.title}`).toBeGreaterThan(0)
    expect(m.offScreen).toEqual([])
    expect(m.underTopBar).toEqual([])
    expect(m.underControls).toEqual([])
    const buttons = await page
      .locator('[data-testid="presentation"] button:visible')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect()))
    for (const b of buttons) {
      expect(Math.min(b.width, b.height), 'touch target').toBeGreaterThanOrEqual(44)
      expect(b.bottom).toBeLessThanOrEqual(844)
    }
  })

  it('follows the facilitator’s section, steps away, rejoins, and shows the timer large', async () => {
    const page = projector.page
    await openPresentation(projector, boardUrl(tokens.viewer, '?view=present'))
    // The facilitator, as a real y-websocket client with the facilitator's link.
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${app.url.replace('http', 'ws')}/sync`, boardId, doc, {
      params: { token: tokens.facilitator },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    try {
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
      const zones = await page.evaluate(() => {
        const editor = window.editor!
        const pageId = editor.getPages()[1]!.id
        const zone = (section: string) =>
          editor
            .getSortedChildIdsForParent(pageId)
            .map((id) => editor.getShape(id)!)
            .find(
              (s) => s.type === 'wt-zone' && (s.props as { section?: string }).section === section,
            )!.id
        return { page: pageId, actions: zone('actions'), decisions: zone('decisions') }
      })
      const meeting = doc.getMap<unknown>(YDOC_MEETING)
      const lead = (shapeId: string, since: number): MeetingFollow => ({
        leaderId: 'marieke-1',
        name: 'Marieke',
        section: { pageId: zones.page, shapeId },
        since,
      })
      const since = Date.now()
      meeting.set('follow', lead(zones.actions, since))
      await expect.poll(async () => (await settled(page)).section).toBe(zones.actions)
      expect(await page.getByTestId('present-title').textContent()).toBe('Acties')
      expect(await page.getByTestId('present-following').textContent()).toContain('Marieke')

      // The person at the projector steps: following stops there, a bar offers to rejoin.
      await page.keyboard.press('End')
      await page.getByTestId('present-rejoin').waitFor()
      const lastSection = (await settled(page)).section
      meeting.set('follow', lead(zones.decisions, since))
      await page.waitForSelector(`[data-leader-section="${zones.decisions}"]`)
      expect((await settled(page)).section, 'stays where the person stepped').toBe(lastSection)
      await page.getByTestId('present-rejoin').click()
      await expect.poll(async () => (await settled(page)).section).toBe(zones.decisions)
      await page.getByTestId('present-following').waitFor()

      // The facilitator's timer, large on the projector, counting down each second.
      const timer: MeetingTimer = { durationMs: 300_000, endsAt: Date.now() + 300_000 }
      meeting.set('timer', timer)
      const timerText = () => page.getByTestId('present-timer').textContent()
      await expect.poll(timerText).toMatch(/^[45]:\d\d$/)
      const first = await timerText()
      await expect.poll(timerText, { timeout: 5_000 }).not.toBe(first)
      await screenshot(page, 'present-follow-timer.png')
      meeting.delete('follow')
      meeting.delete('timer')
      await page.getByTestId('present-timer').waitFor({ state: 'detached' })
    } finally {
      provider.destroy()
      doc.destroy()
    }
  })
})

/**
 * Opens a presentation link like joinAs, but the connection badge is hidden with the rest of
 * the chrome: wait for it in the page, not on screen, and for the maps' shapes.
 */
async function openPresentation(person: Person, url: string): Promise<void> {
  const page = person.page
  await page.goto(url)
  const nameInput = page.locator('#user-name')
  await nameInput.or(page.locator('.tl-container')).first().waitFor({ timeout: 30_000 })
  if (await nameInput.isVisible()) {
    await nameInput.fill(person.name)
    await page.getByRole('button', { name: /Meedoen|Join/ }).click()
  }
  await page.getByTestId('presentation').waitFor({ timeout: 30_000 })
  await page.waitForSelector('[data-connection="connected"]', { state: 'attached' })
  await page.waitForFunction(() => window.editor!.getCurrentPageShapes().length > 10)
}

interface Step {
  section: string
  part: string
  key: string
  /** Cards in the whole section. */
  cards: number
  title: string
  position: string
  last: boolean
}

/** The step shown once the camera has been moved for it (two frames later). */
async function settled(page: Page): Promise<Step> {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="presentation"]')!
    const position = document.querySelector('[data-testid="present-position"]')!.textContent ?? ''
    const [n, total] = position.split('/').map((s) => Number(s.trim()))
    const next = document.querySelector<HTMLButtonElement>('.wt-present__step--next')!
    const section = el.getAttribute('data-section') ?? ''
    const part = el.getAttribute('data-part') ?? ''
    return {
      section,
      part,
      key: `${section}:${part}`,
      cards: Number(el.getAttribute('data-cards')),
      title: document.querySelector('[data-testid="present-title"]')!.textContent ?? '',
      position,
      last: n === total && next.disabled,
    }
  })
}

async function sectionCount(page: Page): Promise<number> {
  const position = await page.getByTestId('present-position').textContent()
  return Number(position!.split('/')[1]!.trim())
}

/**
 * What a person sees of the cards: the smallest card text on screen (computed font size ×
 * zoom), and every card or control that lies where it must not.
 */
function measure(page: Page) {
  return page.evaluate(() => {
    const zoom = window.editor!.getZoomLevel()
    const W = window.innerWidth
    const H = window.innerHeight
    const licence = { left: W - 128, top: H - 56, right: W, bottom: H }
    const top = document.querySelector('.wt-present__top')!.getBoundingClientRect()
    const controls = Array.from(
      document.querySelectorAll('.wt-present button, .wt-present__bottom > *'),
    )
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
    const meets = (a: DOMRect, b: { left: number; top: number; right: number; bottom: number }) =>
      a.left < b.right - 1 && a.right > b.left + 1 && a.top < b.bottom - 1 && a.bottom > b.top + 1
    const cards = Array.from(document.querySelectorAll<HTMLElement>('.tl-shape')).filter(
      (shape) => {
        const style = getComputedStyle(shape)
        // Areas (a participant) are frames around cards, not cards: their cards are measured.
        return (
          style.visibility !== 'hidden' &&
          style.display !== 'none' &&
          !!shape.querySelector('.wtc-card:not(.wtc-card--area)')
        )
      },
    )
    let smallestText = Infinity
    const underTopBar: string[] = []
    const underLicence: string[] = []
    const offScreen: string[] = []
    const underControls: string[] = []
    for (const shape of cards) {
      const id = shape.getAttribute('data-shape-id') ?? '?'
      const r = shape.getBoundingClientRect()
      for (const text of Array.from(shape.querySelectorAll<HTMLElement>('.wtc-text'))) {
        if (!text.textContent?.trim()) continue
        smallestText = Math.min(smallestText, parseFloat(getComputedStyle(text).fontSize) * zoom)
      }
      if (meets(r, { left: 0, top: 0, right: W, bottom: top.bottom })) underTopBar.push(id)
      if (meets(r, licence)) underLicence.push(id)
      if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1) offScreen.push(id)
      if (controls.some((c) => meets(r, c))) underControls.push(id)
    }
    for (const c of controls) if (meets(c, licence)) underLicence.push('control')
    return {
      cards: cards.length,
      smallestText: Math.round(smallestText * 10) / 10,
      underTopBar,
      underLicence,
      offScreen,
      underControls,
    }
  })
}

/** The text of every shape shown on the canvas (hidden ones left out). */
function visibleCanvasText(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.tl-shape'))
      .filter((el) => getComputedStyle(el).visibility !== 'hidden')
      .map((el) => el.innerText)
      .join('\n'),
  )
}
