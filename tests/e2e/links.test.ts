import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app.js'
import { drawRectangle, joinAs, shapeCount, waitForBoard } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

/** A one-pixel PNG, uploaded as the board's photo so the browser has one to cache. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

/** Everything of this origin a browser keeps: storage keys and values, databases, caches. */
async function deviceTraces(page: Page) {
  return page.evaluate(async () => {
    const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`)
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '')
    const cached: string[] = []
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys()) cached.push(`${name} ${request.url}`)
    }
    // Workbox's bookkeeping holds cached URLs in IndexedDB too.
    const expiration: string[] = []
    if (databases.includes('workbox-expiration')) {
      await new Promise<void>((resolve) => {
        const open = indexedDB.open('workbox-expiration')
        open.onsuccess = () => {
          const db = open.result
          const names = Array.from(db.objectStoreNames)
          if (!names.length) return resolve(db.close())
          const tx = db.transaction(names, 'readonly')
          for (const n of names) {
            const all = tx.objectStore(n).getAll()
            all.onsuccess = () => expiration.push(...all.result.map((v) => JSON.stringify(v)))
          }
          tx.oncomplete = () => resolve(db.close())
        }
        open.onerror = () => resolve()
      })
    }
    return {
      local: dump(localStorage),
      session: dump(sessionStorage),
      databases,
      cached,
      expiration,
    }
  })
}

function hashToken(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.slice(1))
}

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Delen', exact: true }).click()
  const dialog = page.getByTestId('share-dialog')
  await dialog.waitFor()
  return dialog
}

async function editorLink(page: Page): Promise<string> {
  return page.getByTestId('editor-link').locator('input').inputValue()
}

describe('revocable links and leaving nothing behind on a shared laptop', () => {
  let app: RunningApp
  let ana: Person // the facilitator
  let bob: Person // an editor on another laptop
  let boardId = ''
  let firstFacilitator = ''
  let firstEditorLink = ''
  let newEditorLink = ''
  /** Shapes of the template the board starts with; the tests add theirs on top. */
  let base = 0

  beforeAll(async () => {
    app = await startApp()
    ana = await launchPerson('Ana')
    bob = await launchPerson('Bob')
  })

  afterAll(async () => {
    await ana?.close()
    await bob?.close()
    await app?.close()
  })

  it('keeps the facilitator link in the tab only, unless the facilitator ticks "Onthoud mij"', async () => {
    const page = ana.page
    await page.goto(app.url)
    const remember = page.getByRole('checkbox', { name: 'Onthoud mij op dit apparaat' })
    expect(await remember.isChecked()).toBe(false)
    await page.locator('#board-title').fill('Buurtbudget De Horst')
    await page.getByRole('button', { name: 'Bord maken' }).click()
    await page.locator('#user-name').fill('Ana')
    await page.getByRole('button', { name: /Meedoen/ }).click()
    await waitForBoard(page)
    boardId = new URL(page.url()).pathname.split('/')[2]!
    firstFacilitator = hashToken(page)

    const traces = await deviceTraces(page)
    expect(traces.local.join('\n')).not.toContain(firstFacilitator)
    expect(traces.session.join('\n')).toContain(firstFacilitator)
    // Asked on the start page already: the board page does not ask again.
    expect(await page.getByTestId('remember-prompt').count()).toBe(0)
    // Not remembered: the share dialog offers the own link, folded, and says to keep it.
    const dialog = await openShare(page)
    const mine = dialog.getByTestId('own-link-current')
    expect(await mine.innerText()).toContain(
      'Bewaar deze link: zonder deze link kun je het bord niet meer beheren.',
    )
    await mine.locator('summary', { hasText: 'Jouw eigen link (gespreksleider)' }).click()
    expect(await mine.locator('input').inputValue()).toBe(page.url())
    expect(await mine.getByRole('img', { name: /QR/ }).isVisible()).toBe(true)
    await screenshot(page, 'links-own-link-current.png')
    await page.setViewportSize({ width: 390, height: 844 })
    await mine.scrollIntoViewIfNeeded()
    await screenshot(page, 'links-own-link-current-phone.png')
    await page.setViewportSize({ width: 1280, height: 800 })
    await dialog.getByRole('button', { name: 'Sluiten' }).click()

    // A reload in the same tab still opens the board as facilitator.
    await page.reload()
    await waitForBoard(page)
    expect(await page.locator('.wt-role').first().innerText()).toMatch(/Gespreksleider/i)

    // The same link opened in a new tab asks once; "Ja, onthouden" keeps it on the device.
    const tab = await ana.context.newPage()
    await tab.goto(page.url())
    const prompt = tab.getByTestId('remember-prompt')
    await prompt.waitFor({ timeout: 30_000 })
    expect(await prompt.innerText()).toContain(
      'Moet dit apparaat jouw link als gespreksleider onthouden?',
    )
    expect((await deviceTraces(tab)).local.join('\n')).not.toContain(firstFacilitator)
    await prompt.getByRole('button', { name: 'Ja, onthouden' }).click()
    await prompt.waitFor({ state: 'detached' })
    expect((await deviceTraces(tab)).local.join('\n')).toContain(firstFacilitator)
    await tab.reload()
    await waitForBoard(tab)
    expect(await tab.getByTestId('remember-prompt').count()).toBe(0)
    await tab.close()
  })

  it('makes new links: the editor still on the old one is told it no longer works, and keeps what they made', async () => {
    const page = ana.page
    let dialog = await openShare(page)
    firstEditorLink = await editorLink(page)
    await dialog.getByRole('button', { name: 'Sluiten' }).click()

    await joinAs(bob, firstEditorLink)
    base = await shapeCount(page)
    await drawRectangle(bob.page, { x: 300, y: 300 }, { x: 420, y: 400 })
    await expect.poll(() => shapeCount(page), { timeout: 10_000 }).toBe(base + 1)
    // Bob's last edit, made just before the links change.
    const ids = () => bob.page.evaluate(() => [...window.editor!.getCurrentPageShapeIds()])
    const before = await ids()
    await drawRectangle(bob.page, { x: 500, y: 300 }, { x: 620, y: 400 })
    await expect.poll(async () => (await ids()).length).toBe(before.length + 1)
    const last = (await ids()).find((id) => !before.includes(id))!
    await expect.poll(() => shapeCount(page), { timeout: 10_000 }).toBe(base + 2)

    // A second tab of the facilitator, open since before the new links.
    const other = await ana.context.newPage()
    await other.goto(page.url())
    await waitForBoard(other)

    dialog = await openShare(page)
    await dialog.getByRole('button', { name: 'Nieuwe links maken' }).click()
    const confirm = dialog.getByRole('region', { name: 'Nieuwe links maken?' })
    expect(await confirm.innerText()).toContain('De oude links werken dan meteen niet meer')
    expect(await confirm.innerText()).toContain('losgekoppeld')
    await screenshot(page, 'links-rotate-confirm.png')
    await page.setViewportSize({ width: 390, height: 844 })
    // Opened on a phone, the question scrolls into view itself; here the phone came later.
    await confirm.scrollIntoViewIfNeeded()
    await screenshot(page, 'links-rotate-confirm-phone.png')
    await page.setViewportSize({ width: 1280, height: 800 })
    await dialog.getByRole('button', { name: 'Ja, maak nieuwe links' }).click()
    await dialog.getByText('Nieuwe links gemaakt').waitFor()
    newEditorLink = await editorLink(page)
    expect(newEditorLink).not.toBe(firstEditorLink)
    expect(newEditorLink.startsWith(`${app.url}/b/${boardId}#`)).toBe(true)
    // The facilitator's own connection stays.
    expect(await page.locator('[data-connection="connected"]').count()).toBeGreaterThan(0)
    await dialog.getByRole('button', { name: 'Sluiten' }).click()
    // The other tab shows the new links, not the ones of the epoch it loaded with.
    await openShare(other)
    expect(await editorLink(other)).toBe(newEditorLink)
    await other.close()

    // Bob's open board stops and says why, in plain words.
    const stopped = bob.page.getByTestId('sync-stopped')
    await stopped.waitFor({ timeout: 15_000 })
    expect(await stopped.innerText()).toContain('Deze link werkt niet meer')
    expect(await stopped.innerText()).toContain('Vraag de gespreksleider om de nieuwe link')
    await screenshot(bob.page, 'links-revoked.png')
    await bob.page.setViewportSize({ width: 390, height: 844 })
    await screenshot(bob.page, 'links-revoked-phone.png')
    await bob.page.setViewportSize({ width: 1280, height: 800 })
    // What he made is offered as a file, with his last rectangle in it.
    const [download] = await Promise.all([
      bob.page.waitForEvent('download'),
      bob.page.getByRole('button', { name: 'Download wat nog niet bewaard is' }).first().click(),
    ])
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      store: Record<string, { typeName: string; x?: number }>
    }
    expect(file.store[last]?.typeName).toBe('shape')

    // Reloaded, the old link shows the bad-link page; the new link opens the board.
    await bob.page.reload()
    const alert = bob.page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toContain('Deze link werkt niet (meer)')
    expect(await alert.innerText()).toContain('Vraag de gespreksleider om de nieuwe link')
    await joinAs(bob, newEditorLink)
    expect(await shapeCount(bob.page)).toBe(base + 2)
  })

  it('renews the facilitator link too, even when the answer is lost: shown once with "Bewaar deze link", the tab carries on with it', async () => {
    const page = ana.page
    // The server commits, then the answer never arrives (a network change, a proxy's 502).
    await page.route('**/links/rotate', async (route) => {
      await route.fetch()
      await route.abort('connectionreset')
    })
    const dialog = await openShare(page)
    await dialog.getByRole('button', { name: 'Ook mijn eigen link vernieuwen' }).click()
    expect(await dialog.innerText()).toContain('maar één keer')
    await dialog.getByRole('button', { name: 'Ja, vernieuw alle links' }).click()

    await page.waitForFunction((old) => !location.hash.includes(old), firstFacilitator)
    await page.unroute('**/links/rotate')
    const own = page.getByTestId('own-link')
    await own.waitFor({ timeout: 30_000 })
    expect(await own.innerText()).toContain('Bewaar deze link')
    const mine = hashToken(page)
    expect(mine).not.toBe(firstFacilitator)
    expect(await own.locator('input').inputValue()).toBe(`${app.url}/b/${boardId}#${mine}`)
    await screenshot(page, 'links-own-link.png')
    await page.getByRole('button', { name: 'Ik heb hem bewaard' }).click()
    await waitForBoard(page)
    expect(await shapeCount(page)).toBe(base + 2)
    const traces = await deviceTraces(page)
    expect(traces.session.join('\n')).toContain(mine)
    expect([...traces.session, ...traces.local].join('\n')).not.toContain(firstFacilitator)
    // The old facilitator link is gone; Bob, on the previous editor link, was closed too.
    const old = await fetch(`${app.url}/api/boards/${boardId}`, {
      headers: { Authorization: `Bearer ${firstFacilitator}` },
    })
    expect(old.status).toBe(401)
    await bob.page.getByTestId('sync-stopped').waitFor({ timeout: 15_000 })
  })

  it('forgets the board on this device: no key, database or cached photo of it is left', async () => {
    // Bob opens the newest editor link, and his browser caches one of the board's photos.
    const page = bob.page
    const ownDialog = await openShare(ana.page)
    const link = await editorLink(ana.page)
    await ownDialog.getByRole('button', { name: 'Sluiten' }).click()
    await joinAs(bob, link)
    const token = hashToken(page)
    const upload = await fetch(`${app.url}/api/boards/${boardId}/assets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'image/png' },
      body: TINY_PNG,
    })
    const { src } = (await upload.json()) as { src: string }
    await page.evaluate(async (url) => {
      await navigator.serviceWorker.ready
      await (await caches.open('wijktafel-photos')).add(url)
    }, src)
    const before = await deviceTraces(page)
    const all = (t: typeof before) => Object.values(t).flat().join('\n')
    expect(before.databases.some((d) => d.includes(boardId))).toBe(true)
    expect(before.cached.join('\n')).toContain(boardId)
    expect(before.local.join('\n')).toContain(boardId)

    await page.getByRole('button', { name: 'Bewaren' }).click()
    await page.getByRole('button', { name: 'Vergeet dit bord op dit apparaat' }).click()
    const dialog = page.getByTestId('forget-board')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('Het bord zelf blijft bestaan')
    await dialog.getByRole('button', { name: 'Ja, vergeten' }).click()
    await page.waitForURL(`${app.url}/`)
    await page.locator('#board-title').waitFor()
    await expect
      .poll(async () => all(await deviceTraces(page)), { timeout: 10_000 })
      .not.toContain(boardId)
    const after = await deviceTraces(page)
    expect(all(after)).not.toContain(token)
    // The board is still there for everyone else.
    expect(await shapeCount(ana.page)).toBe(base + 2)
  })
})
