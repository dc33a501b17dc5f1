import type { CreateBoardResponse } from '@wijktafel/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app.js'
import { drawRectangle, joinAs, shapeCount } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

/**
 * Two people delete a different page of a two-page board at the same moment. The server
 * takes the first deletion and puts the second page back (a board keeps a page): both end
 * with the same page, keep working together, and the one whose change was put back is told
 * so, while the badge stays connected.
 */
describe('two people delete the two pages of a board at the same moment', () => {
  let app: RunningApp
  let ana: Person
  let bram: Person

  beforeAll(async () => {
    app = await startApp()
    ;[ana, bram] = await Promise.all([launchPerson('Ana'), launchPerson('Bram')])
  })

  afterAll(async () => {
    await Promise.all([ana, bram].map((p) => p?.close()))
    await app?.close()
  })

  it('both end with the same page, keep syncing, and the one put back is told so', async () => {
    const board = await createBoard(app, 'Twee kaarten', 'both')
    await joinAs(ana, `${app.url}/b/${board.id}#${board.tokens.facilitator}`)
    // Both facilitators: a page of a map holds its zones, which only a facilitator may delete.
    await joinAs(bram, `${app.url}/b/${board.id}#${board.tokens.facilitator}`)
    for (const page of [ana.page, bram.page]) {
      await page.waitForFunction(() => window.editor!.getPages().length === 2)
    }

    const editors = await Promise.all(
      [ana, bram].map((p) => p.page.evaluateHandle(() => window.editor!)),
    )
    const at = Date.now() + 1_000
    const onTime = await Promise.all([
      deletePageAt(ana.page, 0, at),
      deletePageAt(bram.page, 1, at),
    ])
    expect(onTime).toEqual([true, true])

    // The one whose deletion came second is told, at once and without a blocking dialog.
    const refused = await Promise.any(
      [ana, bram].map(async (person) => {
        await person.page.waitForSelector('[data-notice="refused"]', { timeout: 15_000 })
        return person
      }),
    )
    const notice = refused.page.locator('[data-notice="refused"]')
    expect(await notice.innerText()).toContain('Deze wijziging kon niet worden bewaard')
    expect(await notice.innerText()).toContain('Een bord houdt altijd minstens één pagina.')
    await screenshot(refused.page, 'change-put-back-notice.png')
    await refused.page.setViewportSize({ width: 390, height: 844 })
    await notice.waitFor()
    await screenshot(refused.page, 'change-put-back-notice-phone.png')
    await refused.page.setViewportSize({ width: 1280, height: 800 })
    const other = refused === ana ? bram : ana
    expect(await other.page.locator('[data-notice]').count()).toBe(0)

    // Both end with the same one page.
    await expect
      .poll(async () => [await pageIds(ana.page), await pageIds(bram.page)], { timeout: 15_000 })
      .toSatisfy(([a, b]) => a!.length === 1 && JSON.stringify(a) === JSON.stringify(b))

    for (const page of [ana.page, bram.page]) {
      expect(await page.locator('[data-connection]').getAttribute('data-connection')).toBe(
        'connected',
      )
    }
    // The notice changed the page around the canvas, not the editor (its undo history stays).
    for (const [i, person] of [ana, bram].entries()) {
      expect(await person.page.evaluate((e) => e === window.editor, editors[i]!)).toBe(true)
    }
    // Both keep working together: a rectangle each way.
    const before = await shapeCount(ana.page)
    expect(await shapeCount(bram.page)).toBe(before)
    await drawRectangle(ana.page, { x: 300, y: 300 }, { x: 420, y: 400 })
    await waitForShapes(bram.page, before + 1)
    await drawRectangle(bram.page, { x: 600, y: 300 }, { x: 720, y: 400 })
    await waitForShapes(ana.page, before + 2)
    expect(await shapeCount(bram.page)).toBe(before + 2)
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

async function createBoard(
  app: RunningApp,
  title: string,
  template: string,
): Promise<CreateBoardResponse> {
  const res = await fetch(`${app.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title, template }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as CreateBoardResponse
}

async function waitForShapes(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => window.editor!.getCurrentPageShapes().length === n, count)
}

function pageIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.editor!.getPages().map((p) => p.id))
}

/**
 * Deletes the page at `index` at time `at` (ms since the epoch; both browsers share this
 * machine's clock) and sends it at once, inside the same task, so neither browser can have
 * seen the other's deletion first [1]. Says whether it was in time to wait for `at`.
 */
function deletePageAt(page: Page, index: number, at: number): Promise<boolean> {
  return page.evaluate(
    async ({ index, at }) => {
      const editor = window.editor!
      const id = editor.getPages()[index]!.id
      const onTime = Date.now() < at - 100
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - 50 - Date.now())))
      while (Date.now() < at) {
        // The last 50 ms are waited for on the main thread: no message can slip in before.
      }
      editor.deletePage(id)
      editor.store._flushHistory() // tldraw would send it on the next frame
      return onTime
    },
    { index, at },
  )
}

// [1] A person deleting a page sees the board as it was; had the other deletion arrived
//     first, tldraw would not even offer to delete the last page. Both updates leave within
//     a fraction of a millisecond of each other, long before either reaches the other browser
//     through the server.
