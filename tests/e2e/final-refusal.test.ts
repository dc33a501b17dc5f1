import { readFile } from 'node:fs/promises'
import type { CreateBoardResponse } from '@wijktafel/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { startApp, type RunningApp } from './support/app.js'
import { drawRectangle, joinAs, shapeCount, waitForBoard } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

const MAX_MESSAGE_BYTES = 256 * 1024

/**
 * A change too big to send (close 1009, which y-websocket alone would resend for ever): the
 * connection stops, the badge says so, the board turns read-only, a dialog explains it and
 * offers what was not saved as a file, and the offline copy is kept, not deleted.
 */
describe('a change the server can never take', () => {
  let app: RunningApp
  let ana: Person
  let board: CreateBoardResponse
  const sockets: string[] = []

  beforeAll(async () => {
    app = await startApp({ maxMessageBytes: MAX_MESSAGE_BYTES })
    ana = await launchPerson('Ana')
    ana.page.on('websocket', (ws) => sockets.push(ws.url()))
    const res = await fetch(`${app.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Plein: ideeën', template: 'empty' }),
    })
    board = (await res.json()) as CreateBoardResponse
  })

  afterAll(async () => {
    await ana?.close()
    await app?.close()
  })

  it('stops the connection, makes the board read-only and explains it in a dialog', async () => {
    const page = ana.page
    await joinAs(ana, `${app.url}/b/${board.id}#${board.tokens.facilitator}`)
    expect(sockets[0]).toMatch(/[?&]schema=%7B%22com.tldraw/)
    await drawRectangle(page, { x: 300, y: 300 }, { x: 420, y: 400 })
    await expect.poll(() => storedShapes(app, board)).toBe(1)

    // Around the UI: a shape far larger than one message may be (a pasted novel, say).
    await page.evaluate((bytes) => {
      const editor = window.editor!
      editor.createShape({ type: 'geo', x: 600, y: 300, meta: { note: 'x'.repeat(bytes) } })
    }, MAX_MESSAGE_BYTES + 50_000)

    await page.waitForSelector('[data-connection="stopped"]', { timeout: 15_000 })
    expect(await page.locator('.wt-status').innerText()).toBe('Verbinding gestopt')
    expect(await page.evaluate(() => window.editor!.getIsReadonly())).toBe(true)
    const dialog = page.getByTestId('sync-stopped')
    await dialog.waitFor()
    expect(await dialog.innerText()).toContain('Je wijzigingen worden niet meer bewaard')
    expect(await dialog.innerText()).toContain('te groot')
    expect(await dialog.innerText()).toContain('1009')
    await screenshot(page, 'final-refusal-dialog.png')
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'final-refusal-dialog-phone.png')
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('offers the records as this browser has them, as a JSON file named after the board', async () => {
    const page = ana.page
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download wat nog niet bewaard is' }).first().click(),
    ])
    expect(download.suggestedFilename()).toBe('Plein- ideeën.json')
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
      wijktafel: { boardId: string; title: string; why: string }
      schema: { schemaVersion: number; sequences: Record<string, number> }
      store: Record<string, { typeName: string; type?: string; meta?: { note?: string } }>
    }
    expect(file.wijktafel).toMatchObject({ boardId: board.id, title: 'Plein: ideeën' })
    expect(file.wijktafel.why).toMatch(/^1009/)
    expect(file.schema.sequences['com.tldraw.shape.geo']).toBeGreaterThan(0)
    const records = Object.values(file.store)
    expect(records.filter((r) => r.typeName === 'page')).toHaveLength(1)
    const shapes = records.filter((r) => r.typeName === 'shape')
    expect(shapes).toHaveLength(2)
    expect(shapes.some((s) => s.meta?.note?.length === MAX_MESSAGE_BYTES + 50_000)).toBe(true)
  })

  it('keeps the offline copy, stops trying, and a reload starts afresh from the server', async () => {
    const page = ana.page
    expect(await offlineCopyBytes(page, `wijktafel:${board.id}`)).toBeGreaterThan(MAX_MESSAGE_BYTES)
    const socketsWhenStopped = sockets.length

    // Closed to a bar: the board stays visible and read-only.
    await page.getByRole('button', { name: 'Alleen bekijken' }).click()
    await page.locator('.wt-notice--stopped').waitFor()
    await page.setViewportSize({ width: 390, height: 844 })
    await screenshot(page, 'final-refusal-bar-phone.png')
    await page.setViewportSize({ width: 1280, height: 800 })
    expect(await shapeCount(page)).toBe(2)
    expect(sockets.length).toBe(socketsWhenStopped)

    await page.reload()
    await waitForBoard(page)
    await page.waitForFunction(() => window.editor!.getCurrentPageShapes().length === 1)
    expect(await page.evaluate(() => window.editor!.getIsReadonly())).toBe(false)
    // The set-aside copy is still there, untouched, next to the new one.
    expect(await offlineCopyBytes(page, `wijktafel:${board.id}`)).toBeGreaterThan(MAX_MESSAGE_BYTES)
    await drawRectangle(page, { x: 300, y: 500 }, { x: 420, y: 600 })
    await expect.poll(() => storedShapes(app, board)).toBe(2)
  })

  it('no page crashed along the way', () => {
    expect(ana.errors.filter((e) => e.startsWith('pageerror'))).toEqual([])
  })
})

/** Shapes on the board as the server has it: a viewer's eyes, in Node. */
async function storedShapes(app: RunningApp, board: CreateBoardResponse): Promise<number> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${app.url.replace('http', 'ws')}/sync`, board.id, doc, {
    params: { token: board.tokens.viewer },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  try {
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
    return [...doc.getMap('records').values()].filter(
      (r) => (r as { typeName: string }).typeName === 'shape',
    ).length
  } finally {
    provider.destroy()
    doc.destroy()
  }
}

/** Bytes of the updates in a y-indexeddb database, or 0 when it does not exist. */
function offlineCopyBytes(page: Page, name: string): Promise<number> {
  return page.evaluate(async (name) => {
    const names = (await indexedDB.databases()).map((d) => d.name)
    if (!names.includes(name)) return 0
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name)
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const updates = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('updates').objectStore('updates').getAll()
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    db.close()
    return updates.reduce<number>((sum, u) => sum + (u as Uint8Array).byteLength, 0)
  }, name)
}
