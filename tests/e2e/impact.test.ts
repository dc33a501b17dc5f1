import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  ACTION_SHAPE,
  compareRounds,
  latestValue,
  LESSON_SHAPE,
  measurementsOf,
  moneyEstimate,
  progress,
  readImpact,
  roundsInOrder,
  translate,
  YDOC_IMPACT,
  YDOC_RECORDS,
  type ActionStatus,
  type EvaluationRound,
  type ImpactState,
  type Indicator,
  type Measurement,
} from '@wijktafel/shared'
import type { Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createBoard } from '../bench/support.js'
import { dpiOf } from '../../client/src/board/impact/infographic/pngDpi.js'
import { startApp, type RunningApp } from './support/app.js'
import { expectNoViolations } from './support/axe.js'
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
  let impactNow: () => ImpactState
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

    impactNow = () => readImpact(doc.getMap<unknown>(YDOC_IMPACT).entries())
    // The example carries a year of measurements and two evaluation rounds.
    expect(roundsInOrder(impactNow()).length).toBeGreaterThanOrEqual(2)
    expect(Object.keys(impactNow().measurements).length).toBeGreaterThan(20)
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
    // The demonstration home: the latest count of visitors, its progress and its history.
    const home = action('Demonstratiewoning')
    const visitorsIndicator = home.indicators[0]!
    const latest = latestValue(impactNow(), home.id, visitorsIndicator)!
    const demo = view.locator(`[data-testid="impact-action"][data-action-id="${home.id}"]`)
    const visitors = demo.getByTestId('impact-indicator').first()
    expect(await visitors.getByTestId('impact-latest').textContent()).toBe(`Nu${latest.value}`)
    const percent = Math.round(progress(visitorsIndicator, latest.value)! * 100)
    expect(await visitors.getByTestId('impact-percent').textContent()).toBe(`${percent}%`)
    const chart = visitors.getByTestId('impact-chart')
    const history = measurementsOf(impactNow(), home.id, visitorsIndicator.id)
    expect(history.length).toBeGreaterThan(5)
    expect(Number(await chart.getAttribute('data-points'))).toBe(history.length)
    expect(await chart.locator('circle').count()).toBe(history.length)
    // A corrected typo (310 visitors) is not in the chart: its correction is.
    expect(Math.max(...history.map((m) => m.value))).toBeLessThan(300)
    // Every action with a measurement has a chart.
    const charts = await view.getByTestId('impact-chart').count()
    expect(charts).toBeGreaterThanOrEqual(2)
    // Money only where the table set a price per unit, and then marked as an estimate.
    const packages = action('Tochtstrips')
    const money = moneyEstimate(
      packages.indicators[0]!,
      latestValue(impactNow(), packages.id, packages.indicators[0]!)!.value,
    )!
    const euros = Math.round(money.euros).toLocaleString('nl-NL')
    const packagesCard = view.locator(
      `[data-testid="impact-action"][data-action-id="${packages.id}"]`,
    )
    expect(await packagesCard.getByTestId('impact-money').textContent()).toMatch(
      new RegExp(`^≈ €\\s?${euros.replace('.', '\\.')}\\s*schatting$`),
    )
    expect(await demo.getByTestId('impact-money').count()).toBe(0)
    // Values by kind with pictograms.
    expect(await view.getByTestId('impact-value-kind').count()).toBeGreaterThanOrEqual(3)

    // Live: a new count by someone else moves the number and the chart.
    table.doc.getMap<unknown>(YDOC_IMPACT).set('measurement:e2e-live', {
      actionId: home.id,
      indicatorId: visitorsIndicator.id,
      value: latest.value + 14,
      date: day(0),
      by: 'Karim',
      note: '',
      at: Date.now(),
      personId: 'karim-e2e',
      roundId: null,
      corrects: null,
    } satisfies Measurement)
    await expect
      .poll(() => visitors.getByTestId('impact-latest').textContent())
      .toBe(`Nu${latest.value + 14}`)
    expect(Number(await chart.getAttribute('data-points'))).toBe(history.length + 1)
    // It was a slip: Karim corrects it to the count it was. The corrected number leaves the
    // chart and the overview (and the pictures saved below show the example's own numbers).
    table.doc.getMap<unknown>(YDOC_IMPACT).set('measurement:e2e-live-fix', {
      actionId: home.id,
      indicatorId: visitorsIndicator.id,
      value: latest.value,
      date: day(0),
      by: 'Karim',
      note: 'Verbeterd',
      at: Date.now(),
      personId: 'karim-e2e',
      roundId: null,
      corrects: 'e2e-live',
    } satisfies Measurement)
    await expect
      .poll(() => visitors.getByTestId('impact-latest').textContent())
      .toBe(`Nu${latest.value}`)
    expect(Number(await chart.getAttribute('data-points'))).toBe(history.length + 1)

    await page.evaluate(() => document.querySelector('.wt-impact')!.scrollTo(0, 0))
    await screenshot(page, 'impact-de-horst.png')
    await expectNoViolations(page, 'impact overview')
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
    const [first, second] = roundsInOrder(impactNow()).slice(-2) as [
      EvaluationRound,
      EvaluationRound,
    ]
    // The latest two rounds are side by side from the start.
    expect(await compare.getByTestId('impact-compare-a').inputValue()).toBe(first.id)
    expect(await compare.getByTestId('impact-compare-b').inputValue()).toBe(second.id)
    const expected = compareRounds(impactNow(), actions, first.id, second.id)
    expect(expected.some((c) => c.moved)).toBe(true)
    const status = (s: ActionStatus | null) => (s ? translate('nl', `actionStatus.${s}`) : '–')
    const value = (n: number | null | undefined) => (n == null ? '–' : String(n))
    for (const c of expected) {
      const row = compare.locator(`[data-action-id="${c.actionId}"]`)
      const what = actions.find((a) => a.id === c.actionId)!.what
      expect(await row.getAttribute('data-moved'), what).toBe(String(c.moved))
      const first = c.indicators[0]
      expect(await row.getByTestId('impact-compare-left').textContent(), what).toBe(
        status(c.statusA) + value(first?.a),
      )
      expect(await row.getByTestId('impact-compare-right').textContent(), what).toBe(
        status(c.statusB) + value(first?.b),
      )
      const moved = await row.getByTestId('impact-compare-moved').textContent()
      if (first?.change)
        expect(moved, what).toBe(`${first.change > 0 ? '+' : '−'}${Math.abs(first.change)}`)
      else expect(moved, what).toBe(c.moved ? 'Veranderd' : 'Gelijk')
    }
    // The demonstration home had more visitors by the second round.
    const home = expected.find((c) => c.actionId === action('Demonstratiewoning').id)!
    expect(home.indicators[0]!.change).toBeGreaterThan(0)
    await screenshot(page, 'impact-rounds.png')

    // The same round on both sides: nothing moved.
    await compare.getByTestId('impact-compare-a').selectOption(second.id)
    await expect
      .poll(() => compare.getByTestId('impact-compare-moved').allTextContents())
      .toEqual(actions.map(() => 'Gelijk'))
    await compare.getByTestId('impact-compare-a').selectOption(first.id)

    // The latest round's lessons, under its name.
    const latest = page.getByTestId('impact-latest-round')
    expect(await latest.textContent()).toContain(second.title)
    const lessons = [
      ...table.doc
        .getMap<{ type?: string; props: { text?: string; roundId?: string } }>(YDOC_RECORDS)
        .values(),
    ]
      .filter((r) => r.type === LESSON_SHAPE && r.props.roundId === second.id)
      .map((r) => r.props.text)
    expect(lessons.length).toBeGreaterThan(0)
    expect((await latest.getByTestId('impact-lesson').allTextContents()).sort()).toEqual(
      lessons.sort(),
    )
    await latest.scrollIntoViewIfNeeded()
    await screenshot(page, 'impact-latest-round.png')
  })

  it('exports the infographic as a PNG: A4 portrait at 300 dpi in Dutch, 16:9 in English', async () => {
    const page = projector.page
    await page.getByTestId('impact-infographic').click()
    const dialog = page.locator('[data-testid="infographic-dialog"][open]')
    await dialog.waitFor()
    await dialog.getByTestId('infographic-preview').waitFor()
    await screenshot(page, 'impact-infographic-dialog.png')
    await expectNoViolations(page, 'infographic dialog')

    const a4 = await downloadOf(page, () => dialog.getByTestId('infographic-download').click())
    expect(a4.suggestedFilename()).toMatch(
      /^samen-aan-de-slag-in-de-horst-infographic-a4-nl-\d{4}-\d\d-\d\d\.png$/,
    )
    const a4Bytes = await readFile((await a4.path())!)
    await writeFile(join(ARTIFACTS, 'infographic-a4-nl.png'), a4Bytes)
    expect(pngSize(a4Bytes)).toEqual({ width: 2480, height: 3508 })
    // It says 300 dpi, so a letter or a printer puts it on A4 exactly.
    expect(dpiOf(new Uint8Array(a4Bytes))).toBe(300)

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
    expect(phone.errors.join('\n')).toBe('')
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
