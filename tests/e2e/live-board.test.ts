import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app.js'
import {
  addNote,
  drawRectangle,
  joinAs,
  noteTexts,
  shapeCount,
  waitForBoard,
} from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

/**
 * The foundation, as people use it: a facilitator creates a board and shares links, a
 * resident edits along, a projector watches read-only, and a server restart loses nothing.
 * Each person has their own Chromium; the steps build on each other, so they run in order.
 */
describe('a live shared board in real browsers', () => {
  let app: RunningApp
  let facilitator: Person
  let resident: Person
  let projector: Person
  let editorLink = ''
  let viewerLink = ''

  beforeAll(async () => {
    app = await startApp()
    ;[facilitator, resident, projector] = await Promise.all([
      launchPerson('Marieke'),
      launchPerson('Fatma'),
      launchPerson('Beamer', { width: 1280, height: 720 }),
    ])
  })

  afterAll(async () => {
    await Promise.all([facilitator, resident, projector].map((p) => p?.close()))
    await app?.close()
  })

  it('a facilitator creates a board from the start page and gets the links to share', async () => {
    const page = facilitator.page
    await page.goto(app.url)
    await page.getByLabel('Naam van het bord').fill('Samen aan de slag in De Horst')
    await page.getByRole('radio', { name: /^Leeg bord/ }).check()
    await screenshot(page, 'start-page.png')
    await page.getByRole('button', { name: 'Bord maken' }).click()
    await page.waitForURL(/\/b\/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}$/)
    await joinAs(facilitator, page.url())
    expect(await page.locator('.wt-toppanel').innerText()).toContain(
      'Samen aan de slag in De Horst',
    )
    expect(await page.locator('.wt-status').innerText()).toContain('Verbonden')

    await page.getByRole('button', { name: 'Delen' }).click()
    editorLink = await page.getByTestId('editor-link').locator('input').inputValue()
    viewerLink = await page.getByTestId('viewer-link').locator('input').inputValue()
    expect(editorLink).toMatch(/\/b\/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}$/)
    expect(viewerLink).not.toBe(editorLink)
    await expect.poll(() => page.locator('.wt-qr:visible').count()).toBe(2)
    await screenshot(page, 'share-dialog.png')
    await page.getByRole('button', { name: 'Sluiten' }).click()
  })

  it("two people see each other's shapes and cursors", async () => {
    await joinAs(resident, editorLink)
    await drawRectangle(facilitator.page, { x: 300, y: 250 }, { x: 520, y: 400 })
    await resident.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 1)

    await addNote(resident.page, { x: 750, y: 320 }, 'Hallo buren')
    await facilitator.page.waitForFunction(() =>
      window.editor!.getCurrentPageShapes().some((s) => s.type === 'note'),
    )
    await expect.poll(() => noteTexts(facilitator.page)).toEqual(['Hallo buren'])

    // Cursors: each sees the other's named cursor where the other's mouse is.
    await facilitator.page.mouse.move(640, 560, { steps: 4 })
    await resident.page.mouse.move(400, 600, { steps: 4 })
    const seen = (page: typeof resident.page, name: string) =>
      page.evaluate(
        (n) =>
          window
            .editor!.getVisibleCollaboratorsOnCurrentPage()
            .some((p) => p.userName === n && !!p.cursor),
        name,
      )
    await expect.poll(() => seen(resident.page, 'Marieke'), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => seen(facilitator.page, 'Fatma'), { timeout: 15_000 }).toBe(true)
    await screenshot(resident.page, 'resident-sees-facilitator.png')
  })

  it('the viewer sees the board but cannot change it', async () => {
    await projector.page.goto(viewerLink)
    await waitForBoard(projector.page)
    await projector.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 2)
    expect(await projector.page.evaluate(() => window.editor!.getIsReadonly())).toBe(true)
    expect(await projector.page.getByRole('button', { name: 'Delen' }).count()).toBe(0)

    // Through the UI: the rectangle tool is not even available.
    await projector.page.mouse.click(900, 600)
    await projector.page.keyboard.press('r')
    await projector.page.mouse.move(900, 500)
    await projector.page.mouse.down()
    await projector.page.mouse.move(1000, 600, { steps: 5 })
    await projector.page.mouse.up()
    expect(await shapeCount(projector.page)).toBe(2)

    // Around the UI, straight into the local store: the server drops the write.
    await projector.page.evaluate(() => {
      const editor = window.editor!
      editor.run(() => editor.createShape({ type: 'geo', x: 50, y: 50 }), { ignoreShapeLock: true })
      editor.store.put([{ ...editor.getCurrentPageShapes()[0]!, x: -999 }])
    })
    // A later change by an editor still reaches everyone, so the viewer's would have too.
    await drawRectangle(resident.page, { x: 300, y: 500 }, { x: 420, y: 600 })
    await facilitator.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 3)
    await projector.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length >= 3)
    expect(await shapeCount(facilitator.page)).toBe(3)
    expect(
      await facilitator.page.evaluate(() =>
        window.editor!.getCurrentPageShapes().every((s) => s.x !== -999),
      ),
    ).toBe(true)
    await projector.page.reload()
    await waitForBoard(projector.page)
    await projector.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 3)
    await projector.page.evaluate(() => {
      window.editor!.zoomToFit()
    })
    await screenshot(projector.page, 'projector-view.png')
  })

  it('after a server restart a reload shows the board', async () => {
    const before = await noteTexts(facilitator.page)
    await app.restart()
    // The open pages notice, reconnect by themselves and show it.
    await facilitator.page.waitForSelector('[data-connection="connected"]', { timeout: 30_000 })
    await resident.page.reload()
    await waitForBoard(resident.page)
    await resident.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 3)
    expect(await noteTexts(resident.page)).toEqual(before)
  })

  it('offline, a reload still shows the board and edits made offline arrive on reconnect', async () => {
    const page = resident.page
    // The service worker must control the page before the network goes away.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 30_000,
    })
    await resident.context.setOffline(true)
    await page.reload()
    await page.waitForFunction(
      () => window.editor?.getCurrentPageShapes().length === 3,
      undefined,
      {
        timeout: 30_000,
      },
    )
    await page.waitForSelector('[data-connection="offline"]')
    await screenshot(page, 'offline-reload.png')

    await drawRectangle(page, { x: 700, y: 500 }, { x: 820, y: 600 })
    expect(await shapeCount(page)).toBe(4)
    expect(await shapeCount(facilitator.page)).toBe(3)

    await resident.context.setOffline(false)
    await page.waitForSelector('[data-connection="connected"]', { timeout: 30_000 })
    await facilitator.page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 4)
  })

  it('no request leaves for another host', () => {
    const origin = new URL(app.url).host
    for (const person of [facilitator, resident, projector]) {
      const foreign = person.requests.filter((url) => {
        if (url.startsWith('data:') || url.startsWith('blob:')) return false
        return new URL(url).host !== origin
      })
      expect(foreign, `${person.name} requested other hosts`).toEqual([])
      expect(person.requests.length).toBeGreaterThan(5)
    }
  })

  it('no page crashed along the way', () => {
    for (const person of [facilitator, resident, projector]) {
      const crashes = person.errors.filter((e) => e.startsWith('pageerror'))
      expect(crashes, person.name).toEqual([])
    }
  })
})
