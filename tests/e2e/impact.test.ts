import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  ACTION_SHAPE,
  LESSON_SHAPE,
  YDOC_IMPACT,
  YDOC_RECORDS,
  type EvaluationRound,
  type Indicator,
  type Measurement,
  type RoundStatus,
} from '@wijktafel/shared'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { ARTIFACTS, launchPerson, screenshot, type Person } from './support/browser.js'

/**
 * The impact overview and its infographic as the De Horst table uses them: the facilitator's
 * laptop on a 1920×1080 projector opens `?view=impact`, a resident's phone (390×844) too.
 * The table's measurements and two evaluation rounds are written into the board's `impact`
 * map by a real y-websocket client with the facilitator's link, as the measurement form and
 * the rounds panel write them; the server checks them like any other change.
 */
describe('impact overview and infographic', () => {
  let app: RunningApp
  let projector: Person
  let phone: Person
  let tokens: { viewer: string; editor: string; facilitator: string }
  let boardUrl: (token: string, query?: string) => string
  let table: { doc: Y.Doc; provider: WebsocketProvider }
  let actions: { id: string; what: string; indicators: Indicator[] }[]
  const rounds = { autumn: 'e2e-autumn', spring: 'e2e-spring' }
  let lessonText = ''
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
  const action = (start: string) => actions.find((a) => a.what.startsWith(start))!

  beforeAll(async () => {
    app = await startApp()
    ;[projector, phone] = await Promise.all([
      launchPerson('Marieke', { width: 1920, height: 1080 }),
      launchPerson('Fatma', { width: 390, height: 844 }),
    ])
    const board = await createBoard(app.url, 'Samen aan de slag in De Horst', {
      template: 'example',
      locale: 'nl',
    })
    tokens = board.tokens
    boardUrl = (token, query = '') => `${app.url}/b/${board.id}${query}#${token}`

    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`${app.url.replace('http', 'ws')}/sync`, board.id, doc, {
      params: { token: tokens.facilitator },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
    table = { doc, provider }
    actions = [
      ...doc
        .getMap<{ type?: string; id: string; props: Record<string, unknown> }>(YDOC_RECORDS)
        .values(),
    ]
      .filter((r) => r.type === ACTION_SHAPE)
      .map((r) => ({
        id: r.id,
        what: r.props.what as string,
        indicators: r.props.indicators as Indicator[],
      }))
    expect(actions).toHaveLength(4)

    // Two evaluation rounds a month apart, the later one yesterday: between them the
    // demonstration home's visitors went from 37 to 80 and it was finished.
    const impact = doc.getMap<unknown>(YDOC_IMPACT)
    const round = (id: string, title: string, date: string): EvaluationRound => ({
      id,
      title,
      date,
      startedAt: Date.now(),
      by: 'Marieke',
    })
    const status = (s: RoundStatus['status']): RoundStatus => ({
      status: s,
      note: '',
      at: Date.now(),
    })
    const measure = (a: string, indicatorId: string, value: number, date: string): Measurement => ({
      actionId: action(a).id,
      indicatorId,
      value,
      date,
      by: 'bewoners Lindelaan',
      note: '',
      at: Date.now(),
      personId: 'marieke-e2e',
      roundId: null,
      corrects: null,
    })
    doc.transact(() => {
      impact.set(`round:${rounds.autumn}`, round(rounds.autumn, 'Evaluatie e2e najaar', day(-31)))
      impact.set(`round:${rounds.spring}`, round(rounds.spring, 'Evaluatie e2e voorjaar', day(-1)))
      impact.set(`measurement:e2e-1`, measure('Demonstratiewoning', 'bezoekers', 37, day(-40)))
      impact.set(`measurement:e2e-2`, measure('Demonstratiewoning', 'bezoekers', 80, day(-10)))
      impact.set(`measurement:e2e-3`, measure('Tochtstrips', 'pakketten', 60, day(-35)))
      impact.set(`measurement:e2e-4`, measure('Tochtstrips', 'pakketten', 120, day(-5)))
      const demo = action('Demonstratiewoning').id
      impact.set(`roundStatus:${rounds.autumn}:${demo}`, status('bezig'))
      impact.set(`roundStatus:${rounds.spring}:${demo}`, status('klaar'))
    })
    // The example's lesson was learned in the later round (the rounds panel sets this).
    const records = doc.getMap<{ id: string; type?: string; props: object }>(YDOC_RECORDS)
    const lesson = [...records.values()].find((r) => r.type === LESSON_SHAPE)!
    lessonText = (lesson.props as { text: string }).text
    records.set(lesson.id, { ...lesson, props: { ...lesson.props, roundId: rounds.spring } })
  })

  afterAll(async () => {
    table?.provider.destroy()
    table?.doc.destroy()
    await Promise.all([projector, phone].map((p) => p?.close()))
    await app?.close()
  })

  it('shows every action with start, now and goal, a progress bar and a chart of its measurements, live', async () => {
    const page = projector.page
    await openImpact(projector, boardUrl(tokens.facilitator, '?view=impact'))
    const view = page.getByTestId('impact-view')
    await view.waitFor()
    const cards = view.getByTestId('impact-action')
    await expect.poll(() => cards.count()).toBe(4)
    for (const a of actions) {
      const card = view.locator(`[data-testid="impact-action"][data-action-id="${a.id}"]`)
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe(a.what)
      const indicators = card.getByTestId('impact-indicator')
      expect(await indicators.count(), a.what).toBe(a.indicators.length)
      for (let i = 0; i < a.indicators.length; i++) {
        const indicator = indicators.nth(i)
        expect(await indicator.getByTestId('impact-baseline').textContent()).toContain(
          String(a.indicators[i]!.baseline),
        )
        expect(await indicator.getByTestId('impact-target').textContent()).toContain(
          String(a.indicators[i]!.target),
        )
        await indicator.getByTestId('impact-latest').waitFor()
      }
    }
    // The demonstration home: 80 of 150 visitors, a chart of at least its two measurements.
    const demo = view.locator(
      `[data-testid="impact-action"][data-action-id="${action('Demonstratiewoning').id}"]`,
    )
    const visitors = demo.getByTestId('impact-indicator').first()
    await expect.poll(() => visitors.getByTestId('impact-latest').textContent()).toContain('80')
    expect(await visitors.getByTestId('impact-percent').textContent()).toBe('53%')
    const chart = visitors.getByTestId('impact-chart')
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(2)
    expect(await chart.locator('circle').count()).toBeGreaterThanOrEqual(2)
    // Every action with a measurement has a chart.
    const charts = await view.getByTestId('impact-chart').count()
    expect(charts).toBeGreaterThanOrEqual(2)
    // Money only where the table set a price per unit, and then marked as an estimate.
    const packages = view.locator(
      `[data-testid="impact-action"][data-action-id="${action('Tochtstrips').id}"]`,
    )
    expect(await packages.getByTestId('impact-money').textContent()).toMatch(
      /€\s?10\.200\s*schatting/,
    )
    expect(await demo.getByTestId('impact-money').count()).toBe(0)
    // Values by kind with pictograms.
    expect(await view.getByTestId('impact-value-kind').count()).toBeGreaterThanOrEqual(3)

    // Live: a new measurement by someone else moves the number and the chart.
    table.doc.getMap<unknown>(YDOC_IMPACT).set('measurement:e2e-live', {
      actionId: action('Demonstratiewoning').id,
      indicatorId: 'bezoekers',
      value: 95,
      date: day(0),
      by: 'Karim',
      note: '',
      at: Date.now(),
      personId: 'karim-e2e',
      roundId: null,
      corrects: null,
    } satisfies Measurement)
    await expect.poll(() => visitors.getByTestId('impact-latest').textContent()).toContain('95')
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(3)

    await page.evaluate(() => document.querySelector('.wt-impact')!.scrollTo(0, 0))
    await screenshot(page, 'impact-de-horst.png')
    const buttons = await view
      .locator('button:visible')
      .evaluateAll((els) =>
        els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)),
      )
    for (const b of buttons) expect(b, 'touch target').toBeGreaterThanOrEqual(44)
    expect(projector.errors.join('\n')).toBe('')
  })

  it('puts two evaluation rounds side by side and shows what moved', async () => {
    const page = projector.page
    const compare = page.getByTestId('impact-compare')
    await compare.scrollIntoViewIfNeeded()
    await compare.getByTestId('impact-compare-a').selectOption(rounds.autumn)
    await compare.getByTestId('impact-compare-b').selectOption(rounds.spring)
    const row = compare.locator(`[data-action-id="${action('Demonstratiewoning').id}"]`)
    await expect.poll(() => row.getAttribute('data-moved')).toBe('true')
    expect(await row.getByTestId('impact-compare-left').textContent()).toBe('Bezig37')
    expect(await row.getByTestId('impact-compare-right').textContent()).toBe('Klaar80')
    expect(await row.getByTestId('impact-compare-moved').textContent()).toBe('+43')
    const packages = compare.locator(`[data-action-id="${action('Tochtstrips').id}"]`)
    expect(await packages.getByTestId('impact-compare-moved').textContent()).toBe('+60')
    // Nothing measured or decided for the odd-jobs company in either round: the same.
    const jobs = compare.locator(`[data-action-id="${action('Buurtklusbedrijf').id}"]`)
    expect(await jobs.getAttribute('data-moved')).toBe('false')
    expect(await jobs.getByTestId('impact-compare-moved').textContent()).toBe('Gelijk')
    // The latest round's lessons, under its name.
    const latest = page.getByTestId('impact-latest-round')
    await expect.poll(() => latest.textContent()).toContain('Evaluatie e2e voorjaar')
    await expect
      .poll(() => latest.getByTestId('impact-lesson').allTextContents())
      .toEqual([lessonText])
    await latest.scrollIntoViewIfNeeded()
    await screenshot(page, 'impact-rounds.png')
  })

  it('exports the infographic as a PNG: A4 portrait at 300 dpi in Dutch, 16:9 in English', async () => {
    const page = projector.page
    await page.getByTestId('impact-infographic').click()
    const dialog = page.locator('[data-testid="infographic-dialog"][open]')
    await dialog.waitFor()
    await dialog.getByTestId('infographic-preview').waitFor()
    await screenshot(page, 'impact-infographic-dialog.png')

    const a4 = await downloadOf(page, () => dialog.getByTestId('infographic-download').click())
    expect(a4.suggestedFilename()).toMatch(
      /^samen-aan-de-slag-in-de-horst-infographic-a4-nl-\d{4}-\d\d-\d\d\.png$/,
    )
    const a4Bytes = await readFile((await a4.path())!)
    await writeFile(join(ARTIFACTS, 'infographic-a4-nl.png'), a4Bytes)
    expect(pngSize(a4Bytes)).toEqual({ width: 2480, height: 3508 })

    await page.getByTestId('impact-infographic').click()
    await dialog.waitFor()
    await dialog.getByText('16:9, voor een scherm').click()
    await dialog.getByText('English').click()
    const wide = await downloadOf(page, () => dialog.getByTestId('infographic-download').click())
    expect(wide.suggestedFilename()).toMatch(/-infographic-16x9-en-\d{4}-\d\d-\d\d\.png$/)
    const wideBytes = await readFile((await wide.path())!)
    await writeFile(join(ARTIFACTS, 'infographic-16x9-en.png'), wideBytes)
    expect(pngSize(wideBytes)).toEqual({ width: 1920, height: 1080 })

    // Made here: no request left for another host (fonts and pictograms are our own).
    const origin = new URL(app.url).origin
    const elsewhere = projector.requests.filter(
      (u) =>
        !u.startsWith(origin) &&
        !u.startsWith(origin.replace('http', 'ws')) &&
        !/^(data|blob):/.test(u),
    )
    expect(elsewhere).toEqual([])
    expect(projector.errors.join('\n')).toBe('')
  })

  it('is in the Bewaren menu on the canvas too', async () => {
    const page = projector.page
    await page.getByTestId('impact-back').click()
    await page.getByTestId('impact-view').waitFor({ state: 'detached' })
    expect(new URL(page.url()).searchParams.get('view')).toBeNull()
    await page.getByRole('button', { name: 'Bewaren' }).click()
    await page
      .getByTestId('board-menu')
      .getByRole('button', { name: /Infographic/ })
      .click()
    await page
      .locator('[data-testid="infographic-dialog"][open]')
      .getByTestId('infographic-preview')
      .waitFor()
    await page.keyboard.press('Escape')
  })

  it('fits a phone: one column, nothing wider than the screen, large touch targets', async () => {
    const page = phone.page
    await openImpact(phone, boardUrl(tokens.editor, '?view=impact'))
    const view = page.getByTestId('impact-view')
    await view.waitFor()
    await expect.poll(() => view.getByTestId('impact-action').count()).toBe(4)
    const overflow = await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('.wt-impact')!
      const wide = Array.from(root.querySelectorAll<HTMLElement>('*'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .map((el) => el.className || el.tagName)
      return { scroll: root.scrollWidth, wide: wide.slice(0, 5) }
    })
    expect(overflow.wide).toEqual([])
    expect(overflow.scroll).toBeLessThanOrEqual(390)
    // An editor adds a measurement from here: the button is there and large.
    const add = view.getByTestId('impact-measure').first()
    const box = (await add.boundingBox())!
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44)
    await screenshot(page, 'impact-phone.png')
    await view
      .locator(`[data-testid="impact-action"][data-action-id="${action('Demonstratiewoning').id}"]`)
      .scrollIntoViewIfNeeded()
    await screenshot(page, 'impact-phone-chart.png')
    expect(phone.errors).toEqual([])
  })
})

/**
 * Opens an impact link like joinAs, but waits for the overview (it covers the board, so the
 * connection badge is waited for in the page, not on screen), with room for a busy machine.
 */
async function openImpact(person: Person, url: string): Promise<void> {
  const page = person.page
  await page.goto(url)
  const nameInput = page.locator('#user-name')
  await nameInput.or(page.getByTestId('impact-view')).first().waitFor({ timeout: 90_000 })
  if (await nameInput.isVisible()) {
    await nameInput.fill(person.name)
    await page.getByRole('button', { name: /Meedoen|Join/ }).click()
  }
  await page.getByTestId('impact-view').waitFor({ timeout: 90_000 })
  await page.waitForSelector('[data-connection="connected"]', {
    state: 'attached',
    timeout: 90_000,
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
