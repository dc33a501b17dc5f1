import { dateToX, horizonOf, xToDate } from '@wijktafel/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

/**
 * Opens a board link and answers the name question, as support/board.ts's joinAs does, with
 * more time: eight people share this machine's two cores while the suite runs.
 */
async function joinAs(person: Person, url: string): Promise<void> {
  const { page } = person
  await page.goto(url, { timeout: 90_000 })
  const nameInput = page.locator('#user-name')
  await nameInput.or(page.locator('.tl-container')).first().waitFor({ timeout: 90_000 })
  if (await nameInput.isVisible()) {
    await nameInput.fill(person.name)
    await page.getByRole('button', { name: /Meedoen|Join/ }).click()
  }
  await page.waitForFunction(() => !!window.editor, undefined, { timeout: 90_000 })
  await page.waitForSelector('[data-connection="connected"]', { timeout: 90_000 })
}

type Box = { x: number; y: number; width: number; height: number }
interface RoadInfo {
  roadId: string
  pageId: string
  props: { w: number; start: string; end: string }
  refs: { id: string; actionId: string; x: number; w: number }[]
}

/** The road on this person's board: its page, dates and action references. */
function roadInfo(page: Page): Promise<RoadInfo | null> {
  return page.evaluate(() => {
    const editor = window.editor!
    const all = editor.store.allRecords() as unknown as {
      id: string
      typeName: string
      type: string
      parentId: string
      x: number
      props: Record<string, unknown>
    }[]
    const road = all.find((r) => r.typeName === 'shape' && r.type === 'wt-road')
    if (!road) return null
    return {
      roadId: road.id,
      pageId: road.parentId,
      props: road.props as RoadInfo['props'],
      refs: all
        .filter((r) => r.type === 'wt-road-action' && r.parentId === road.id)
        .map((r) => ({
          id: r.id,
          actionId: r.props.actionId as string,
          x: r.x,
          w: r.props.w as number,
        })),
    }
  })
}

function actionProps(page: Page, id: string) {
  return page.evaluate(
    (id) => (window.editor!.getShape(id as never)?.props ?? null) as Record<string, unknown> | null,
    id,
  )
}

function refX(page: Page, id: string) {
  return page.evaluate((id) => window.editor!.getShape(id as never)?.x ?? null, id)
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** The on-screen boxes of every element matching `selector`. */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect()
      return { x: r.x, y: r.y, width: r.width, height: r.height }
    }),
  )
}

/** The opacity a person sees for a shape (the filter's sheet, not the record). */
function seenOpacity(page: Page, id: string) {
  return page.evaluate((id) => {
    const el = document.querySelector<HTMLElement>(`.tl-shape[data-shape-id="${id}"]`)
    return el ? Number(getComputedStyle(el).opacity) : null
  }, id)
}

describe('the road from today to the dream', { timeout: 240_000 }, () => {
  let app: RunningApp
  let ana: Person
  let bram: Person
  let board: Awaited<ReturnType<typeof createBoard>>
  const url = (token: string, query = '') => `${app.url}/b/${board.id}${query}#${token}`

  beforeAll(async () => {
    app = await startApp()
    ;[ana, bram] = await Promise.all([
      launchPerson('Ana', { width: 1920, height: 1080 }),
      launchPerson('Bram', { width: 1920, height: 1080 }),
    ])
    board = await createBoard(app.url, 'Samen aan de slag in De Horst', {
      template: 'example',
      locale: 'nl',
    })
  })

  afterAll(async () => {
    for (const person of [ana, bram]) {
      expect(
        person?.errors ?? [],
        `${person?.name}'s page errors: ${person?.errors.join('\n')}`,
      ).toEqual([])
    }
    await Promise.all([ana, bram].map((p) => p?.close()))
    await app?.close()
  })

  it('the example board’s ?view=road shows the whole road, readable on a projector', async () => {
    const page = ana.page
    await joinAs(ana, url(board.tokens.editor, '?view=road'))
    await page.waitForFunction(() => {
      const editor = window.editor!
      const road = editor.getCurrentPageShapes().find((s) => s.type === 'wt-road')
      return !!road && document.querySelectorAll('.wtc-roadref').length >= 4
    })
    const road = (await roadInfo(page))!
    expect(await page.evaluate(() => window.editor!.getCurrentPageId())).toBe(road.pageId)
    // The whole road is in sight.
    const roadBox = (await boxes(page, '.wtc-road'))[0]!
    expect(roadBox.x).toBeGreaterThanOrEqual(0)
    expect(roadBox.x + roadBox.width).toBeLessThanOrEqual(1920)
    expect(roadBox.y).toBeGreaterThanOrEqual(0)
    expect(roadBox.y + roadBox.height).toBeLessThanOrEqual(1080)
    // Every action of the board is on it, none covers another or a milestone.
    const actions = await page.evaluate(
      () =>
        (window.editor!.store.allRecords() as { type?: string }[]).filter(
          (r) => r.type === 'wt-action',
        ).length,
    )
    expect(road.refs).toHaveLength(actions)
    const cards = [
      ...(await boxes(page, '.wtc-roadref')),
      ...(await boxes(page, '.tl-shape[data-shape-type="wt-milestone"]')),
    ]
    for (const [i, a] of cards.entries())
      for (const b of cards.slice(i + 1)) expect(overlaps(a, b), 'two cards overlap').toBe(false)
    // Dates are readable from the back of the room: the start, the dream and the years.
    const dateLabels = await boxes(page, '.wtc-road__end, .wtc-road__year-label')
    expect(dateLabels.length).toBeGreaterThanOrEqual(4)
    for (const label of dateLabels) expect(label.height).toBeGreaterThanOrEqual(18)
    await expect
      .poll(() => page.locator('.wtc-road__end--dream').textContent())
      .toContain(road.props.end.slice(0, 4))
    await screenshot(page, 'road-de-horst.png')
  })

  it('dragging an action along the road changes its due date and horizon on the card, for the other browser too', async () => {
    const page = ana.page
    await joinAs(bram, url(board.tokens.editor, '?view=road'))
    await bram.page.waitForFunction(() => document.querySelectorAll('.wtc-roadref').length >= 4)
    const road = (await roadInfo(page))!
    const ref = road.refs[0]!
    const before = (await actionProps(page, ref.actionId))!
    const [box] = await boxes(page, `.tl-shape[data-shape-id="${ref.id}"]`)
    const zoom = await page.evaluate(() => window.editor!.getZoomLevel())
    // A year further down the road, as a person drags it: down on the card, move, up.
    const dx = 500 * zoom
    const from = { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 }
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + (dx * i) / 10, from.y)
    await page.mouse.up()

    await page.waitForFunction(
      ([id, due]) => (window.editor!.getShape(id as never)?.props as { due: string }).due !== due,
      [ref.actionId, before.due as string] as const,
    )
    const x = (await refX(page, ref.id))!
    const due = xToDate(road.props, x + ref.w / 2)!
    const after = (await actionProps(page, ref.actionId))!
    expect(after.due).toBe(due)
    expect(after.horizon).toBe(horizonOf(road.props.start, due))
    expect(Date.parse(due) - Date.parse(before.due as string)).toBeGreaterThan(300 * 86_400_000)
    // Bram sees the card's new date and the reference where Ana put it.
    await bram.page.waitForFunction(
      ([id, due]) => (window.editor!.getShape(id as never)?.props as { due: string }).due === due,
      [ref.actionId, due] as const,
    )
    await expect.poll(() => refX(bram.page, ref.id)).toBeCloseTo(x, 3)
  })

  it('a due date changed on the action card moves it on the road, on both screens', async () => {
    const page = ana.page
    const road = (await roadInfo(page))!
    const ref = road.refs[1]!
    const due = '2029-03-15'
    // As the card's panel writes it: the card's own `due`.
    await page.evaluate(
      ([id, due]) => {
        const editor = window.editor!
        const shape = editor.getShape(id as never)!
        editor.updateShape({ id: shape.id, type: shape.type, props: { due } } as never)
      },
      [ref.actionId, due] as const,
    )
    const expected = dateToX(road.props, due) - ref.w / 2
    await expect.poll(() => refX(page, ref.id)).toBeCloseTo(expected, 3)
    await expect.poll(() => refX(bram.page, ref.id)).toBeCloseTo(expected, 3)
    expect((await actionProps(bram.page, ref.actionId))!.horizon).toBe('middellang')
  })

  it('the value filter dims the actions without that value, on this screen only', async () => {
    const page = ana.page
    const road = (await roadInfo(page))!
    const values = new Map<string, string[]>()
    for (const ref of road.refs) {
      values.set(ref.id, (await actionProps(page, ref.actionId))!.values as string[])
    }
    const without = [...values].filter(([, v]) => !v.includes('economisch')).map(([id]) => id)
    const withIt = [...values].filter(([, v]) => v.includes('economisch')).map(([id]) => id)
    expect(without.length).toBeGreaterThan(0)
    expect(withIt.length).toBeGreaterThan(0)

    await page.locator('.wt-valuefilter__toggle').click()
    await page.locator('.wt-valuefilter__chip[data-value="economisch"]').click()
    for (const id of without) await expect.poll(() => seenOpacity(page, id)).toBeLessThan(0.3)
    for (const id of withIt) expect(await seenOpacity(page, id)).toBe(1)
    // Nothing in the document changed, and Bram's road is not dimmed.
    for (const id of without) {
      expect(await page.evaluate((id) => window.editor!.getShape(id as never)!.opacity, id)).toBe(1)
      expect(await seenOpacity(bram.page, id)).toBe(1)
    }
    await screenshot(page, 'road-filter-economisch.png')

    await page.getByRole('button', { name: 'Alles tonen' }).click()
    for (const id of without) await expect.poll(() => seenOpacity(page, id)).toBe(1)
  })

  it('an editor makes the road on a fresh board from its maps; a viewer is told there is none', async () => {
    const fresh = await createBoard(app.url, 'Nieuwe wijk', { template: 'both', locale: 'nl' })
    const freshUrl = (token: string, query = '') => `${app.url}/b/${fresh.id}${query}#${token}`
    // The viewer's ?view=road: no road yet, and no button to make one.
    await joinAs(bram, freshUrl(fresh.tokens.viewer, '?view=road'))
    await expect
      .poll(() => bram.page.locator('.wt-roadview').textContent())
      .toContain('nog geen weg')
    expect(await bram.page.locator('.wt-roadview__make').count()).toBe(0)

    // The editor fills the maps a little: a dream and two actions, one without a date.
    const page = ana.page
    await joinAs(ana, freshUrl(fresh.tokens.editor))
    await page.evaluate(() => {
      const editor = window.editor!
      const [first, second] = editor.getPages()
      editor.setCurrentPage(first!.id)
      const dream = editor.getCurrentPageShapes().find((s) => s.type === 'wt-dream')
      if (dream) {
        editor.updateShape({
          id: dream.id,
          type: 'wt-dream',
          props: { text: 'Een groene wijk' },
        } as never)
      }
      editor.setCurrentPage(second!.id)
      editor.createShape({
        type: 'wt-action',
        x: 0,
        y: 3000,
        props: { what: 'Geveltuinen aanleggen', due: '2027-05-01', values: ['ecologisch'] },
      } as never)
      editor.createShape({
        type: 'wt-action',
        x: 600,
        y: 3000,
        props: { what: 'Buurtfeest', values: ['verbinding'] },
      } as never)
    })
    await page.locator('[data-testid="make-road"]').click()
    await page.waitForFunction(() =>
      window.editor!.getCurrentPageShapes().some((s) => s.type === 'wt-road'),
    )
    const road = (await roadInfo(page))!
    expect(road.refs).toHaveLength(2)
    const pageName = await page.evaluate(() => window.editor!.getCurrentPage().name)
    expect(pageName).toBe('De weg')
    const texts = await page.locator('.wtc-roadref__what').allTextContents()
    expect(texts.sort()).toEqual(['Buurtfeest', 'Geveltuinen aanleggen'])
    // The one without a date waits in the tray at the start.
    const tray = road.refs.find((r) => xToDate(road.props, r.x + r.w / 2) === null)
    expect(tray).toBeDefined()
    expect((await actionProps(page, tray!.actionId))!.what).toBe('Buurtfeest')
    // The viewer's road view now shows it.
    await bram.page.waitForFunction(() => document.querySelectorAll('.wtc-roadref').length === 2)
    expect(await bram.page.locator('.wt-roadview').count()).toBe(0)
  })

  it('a reference whose action was deleted says so and can be removed', async () => {
    const page = ana.page
    const road = (await roadInfo(page))!
    const ref = road.refs[0]!
    await page.evaluate((id) => window.editor!.deleteShape(id as never), ref.actionId)
    const card = page.locator(`.tl-shape[data-shape-id="${ref.id}"]`)
    await expect.poll(() => card.textContent()).toContain('Deze actie is weg')
    await card.getByRole('button', { name: 'Weghalen' }).click()
    await page.waitForFunction((id) => !window.editor!.getShape(id as never), ref.id)
  })
})
