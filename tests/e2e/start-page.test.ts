import type { CreateBoardResponse } from '@wijktafel/shared'
import type { Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

/** The lazy board's chunk (client/src/app/lazyBoard.tsx); tldraw and everything else of the board. */
const BOARD_CHUNK = /\/assets\/BoardPage-[\w-]+\.js$/

/** The page's own requests, in order, with the time each was made (not the service worker's). */
function watchRequests(page: Page): Request[] {
  const seen: Request[] = []
  page.on('request', (request) => seen.push(request))
  return seen
}

async function newBoard(app: RunningApp, title: string): Promise<string> {
  const res = await fetch(`${app.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, template: 'empty', locale: 'nl' }),
  })
  expect(res.status).toBe(201)
  const board = (await res.json()) as CreateBoardResponse
  return `${app.url}/b/${board.id}#${board.tokens.facilitator}`
}

/** The name question or the board itself: the board's code arrived and runs. */
async function boardOpened(page: Page): Promise<void> {
  await page.locator('#user-name').or(page.locator('.tl-container')).first().waitFor({
    timeout: 30_000,
  })
}

/**
 * Issue 14, the light start page: `/` works without tldraw; the board's code is fetched while
 * the person types, and a board link fetches it alongside the entry. When that code cannot
 * be fetched, the person reads why and can try again.
 */
describe('the start page loads light, the board comes when needed', () => {
  let app: RunningApp
  let people: Person[] = []

  beforeAll(async () => {
    app = await startApp()
  })

  afterAll(async () => {
    await Promise.all(people.map((p) => p.close()))
    await app?.close()
  })

  async function person(name: string, viewport?: { width: number; height: number }) {
    const p = await launchPerson(name, viewport)
    people.push(p)
    return p
  }

  it('the form works before any of the board is fetched; typing a title fetches it', async () => {
    const { page } = await person('Marieke')
    const requests = watchRequests(page)
    await page.goto(app.url)
    const title = page.getByLabel('Naam van het bord')
    await expect.poll(() => title.isEditable()).toBe(true)
    // Everything the start page asked for by now, and still nothing of the board.
    await page.waitForLoadState('networkidle')
    expect(requests.map((r) => r.url()).filter((u) => BOARD_CHUNK.test(u))).toEqual([])

    const boardFetched = page.waitForRequest(BOARD_CHUNK)
    await title.pressSequentially('Buurtfeest')
    await boardFetched
    await page.getByRole('radio', { name: /^Leeg bord/ }).check()
    await page.getByRole('button', { name: 'Bord maken' }).click()
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]+#/)
    await boardOpened(page)
  })

  it('a board link asks for the entry and the board at the same time, each once', async () => {
    const link = await newBoard(app, 'Rechtstreeks')
    const { page, context } = await person('Fatma')
    // A slow line (400 ms, 2 Mbit/s), so "at the same time" is visible in the timings.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 250_000,
      uploadThroughput: 250_000,
    })
    const requests = watchRequests(page)
    await page.goto(link)
    await boardOpened(page)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })

    const entry = requests.find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.url()))
    const boards = requests.filter((r) => BOARD_CHUNK.test(r.url()))
    expect(entry).toBeDefined()
    expect(boards).toHaveLength(1) // the preload link and React.lazy share one download
    // Both timings are relative to their own request's start; startTime is an epoch in ms.
    const entryTiming = entry!.timing()
    const entryDone = entryTiming.startTime + entryTiming.responseEnd
    expect(boards[0]!.timing().startTime).toBeLessThan(entryDone)
  })

  it('shows a plain loading text while the board comes, on a phone and on a projector', async () => {
    const link = await newBoard(app, 'Laden')
    const { page, context } = await person('Telefoon', { width: 390, height: 844 })
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    // context.route also holds the service worker's precache of the chunk.
    await context.route(BOARD_CHUNK, async (route) => {
      await held
      await route.continue()
    })
    await page.goto(link)
    const loading = page.getByText('Bord laden…')
    await loading.waitFor()
    expect(await page.locator('main[aria-busy="true"]').count()).toBe(1)
    await screenshot(page, 'board-loading-phone.png')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await screenshot(page, 'board-loading-projector.png')
    release()
    await boardOpened(page)
  })

  it('when the board cannot be fetched: one reload, then the reason and a retry that works', async () => {
    const link = await newBoard(app, 'Geen verbinding')
    const { page, context } = await person('Kantoor', { width: 390, height: 844 })
    await context.route(BOARD_CHUNK, (route) => route.abort('internetdisconnected'))
    let loads = 0
    page.on('load', () => loads++)
    await page.goto(link)
    const alert = page.getByRole('alert')
    await expect
      .poll(() => alert.textContent().catch(() => ''), { timeout: 30_000 })
      .toContain('Het bord kon niet laden')
    // The server answered /healthz, so the page reloaded once (a new deploy may have removed
    // the chunk), then stopped trying by itself.
    expect(loads).toBe(2)
    const retry = page.getByRole('button', { name: 'Opnieuw proberen' })
    expect((await retry.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    await screenshot(page, 'board-code-failed-phone.png')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await screenshot(page, 'board-code-failed-projector.png')

    await context.unroute(BOARD_CHUNK)
    await retry.click()
    await boardOpened(page)
    expect(loads).toBe(2) // the retry fetched the code again without reloading the page
  })
})
