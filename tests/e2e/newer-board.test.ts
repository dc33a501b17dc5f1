import {
  createWijktafelSchema,
  YDOC_META,
  YDOC_META_SCHEMA,
  type CreateBoardResponse,
} from '@wijktafel/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadBoardDoc } from '../../server/src/persistence/loadBoardDoc.js'
import { startApp, type RunningApp } from './support/app.js'
import { joinAs } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

const current = createWijktafelSchema().serialize()
const GEO = 'com.tldraw.shape.geo'
/** What a newer Wijktafel would write: a version of tldraw's rectangle this one lacks. */
const newer = {
  ...current,
  sequences: { ...current.sequences, [GEO]: current.sequences[GEO]! + 1 },
}

/**
 * A board saved by a newer version of Wijktafel than the one in this browser: the page is
 * reloaded once (a newer app may be waiting), then the person is told to reload, and the
 * board is read-only instead of silently not saving.
 */
describe('a board saved by a newer version of Wijktafel', () => {
  let app: RunningApp
  let ana: Person
  let bram: Person
  const anaSockets: string[] = []

  beforeAll(async () => {
    app = await startApp()
    ;[ana, bram] = await Promise.all([launchPerson('Ana'), launchPerson('Bram')])
    ana.page.on('websocket', (ws) => anaSockets.push(ws.url()))
  })

  afterAll(async () => {
    await Promise.all([ana, bram].map((p) => p?.close()))
    await app?.close()
  })

  it('reloads once when the server says so (4426), then tells the person to reload', async () => {
    const board = await createBoard(app, 'Nieuwer bord')
    // The board as a newer server and app left it, before anyone opens it here.
    app.server.store.appendUpdate(board.id, newerSchemaUpdate(app, board.id))

    const page = ana.page
    await page.goto(`${app.url}/b/${board.id}#${board.tokens.facilitator}`)
    await page.locator('#user-name').fill('Ana')
    await page.getByRole('button', { name: 'Meedoen' }).click()
    // Nothing of the board reached this browser, so there is no canvas: a page says it.
    const message = page.getByTestId('sync-stopped')
    await message.waitFor({ timeout: 30_000 })
    expect(await navigationType(page)).toBe('reload')
    expect(anaSockets).toHaveLength(2) // one per load: no reconnecting, no second reload
    expect(await message.innerText()).toContain('Er is een nieuwe versie van Wijktafel')
    expect(await message.innerText()).toContain('Laad de pagina opnieuw om verder te werken.')
    await screenshot(page, 'newer-board-page.png')
    expect(anaSockets).toHaveLength(2)
  })

  it('with an offline copy, the board shows read-only with the reload message after one reload', async () => {
    const board = await createBoard(app, 'Nieuwer bord met kopie')
    const page = ana.page
    anaSockets.length = 0
    await joinAs(ana, `${app.url}/b/${board.id}#${board.tokens.facilitator}`)
    await page.close()
    // Meanwhile a newer server and app saved the board.
    await app.restart()
    app.server.store.appendUpdate(board.id, newerSchemaUpdate(app, board.id))

    ana.page = await ana.context.newPage()
    ana.page.on('websocket', (ws) => anaSockets.push(ws.url()))
    anaSockets.length = 0
    await ana.page.goto(`${app.url}/b/${board.id}#${board.tokens.facilitator}`)
    await ana.page.waitForSelector('[data-connection="outdated"]', { timeout: 30_000 })
    expect(await navigationType(ana.page)).toBe('reload')
    expect(anaSockets).toHaveLength(2)
    expect(await ana.page.locator('.wt-status').innerText()).toBe(
      'Nieuwe versie van Wijktafel: herlaad de pagina',
    )
    const dialog = ana.page.getByTestId('sync-stopped')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('Er is een nieuwe versie van Wijktafel')
    expect(await ana.page.evaluate(() => window.editor!.getIsReadonly())).toBe(true)
    await screenshot(ana.page, 'newer-board-dialog.png')
  })

  it('an offline copy saved by a newer version makes the board read-only with the reload message', async () => {
    const board = await createBoard(app, 'Offline nieuwer')
    const page = bram.page
    await joinAs(bram, `${app.url}/b/${board.id}#${board.tokens.editor}`)
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 30_000,
    })
    // A newer Wijktafel in another tab of this browser left a newer schema in the offline copy.
    await bram.context.setOffline(true)
    await addToOfflineCopy(page, `wijktafel:${board.id}`, newerSchemaUpdate(app, board.id))
    await page.reload()
    await page.waitForSelector('[data-connection="outdated"]', { timeout: 30_000 })
    expect(await page.evaluate(() => window.editor!.getIsReadonly())).toBe(true)
    const dialog = page.getByTestId('sync-stopped')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('Laad de pagina opnieuw om verder te werken.')
    await bram.context.setOffline(false)
  })

  it('no page crashed along the way', () => {
    for (const person of [ana, bram]) {
      expect(
        person.errors.filter((e) => e.startsWith('pageerror')),
        person.name,
      ).toEqual([])
    }
  })
})

async function createBoard(app: RunningApp, title: string): Promise<CreateBoardResponse> {
  const res = await fetch(`${app.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, template: 'empty' }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as CreateBoardResponse
}

/** An update that raises the board's `meta.schema` over what it holds now, as a newer app would. */
function newerSchemaUpdate(app: RunningApp, boardId: string): Uint8Array {
  const doc = loadBoardDoc(app.server.store.loadDoc(boardId))
  const before = Y.encodeStateVector(doc)
  doc.getMap(YDOC_META).set(YDOC_META_SCHEMA, newer)
  const update = Y.encodeStateAsUpdate(doc, before)
  doc.destroy()
  return update
}

function navigationType(page: Page): Promise<string> {
  return page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).type,
  )
}

/** Adds an update to a y-indexeddb database, as another tab's y-indexeddb would. */
function addToOfflineCopy(page: Page, name: string, update: Uint8Array): Promise<void> {
  return page.evaluate(
    async ({ name, bytes }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name)
        request.onsuccess = () => resolve(request.result)
        request.onerror = () => reject(request.error)
      })
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('updates', 'readwrite')
        tx.objectStore('updates').add(new Uint8Array(bytes))
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
      })
      db.close()
    },
    { name, bytes: [...update] },
  )
}
