import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { joinAs } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

const LONG_RULE =
  'We beginnen elke bijeenkomst bij de droom van de bewoners. Iedereen mag uitspreken, ook wie weinig Nederlands spreekt: er is altijd een tolk of een buurman die helpt. Besluiten nemen we pas als de bewoners die het raakt erbij waren. Wat we afspreken hangt daarna een week in het buurthuis, zodat iedereen het kan lezen en er nog iets van kan vinden.'

/** The card's body as the page draws it: does all of its text fit? */
function cardFit(page: Page, id: string) {
  return page.evaluate((id) => {
    const card = document.querySelector(`[data-shape-id="${id}"] .wtc-card`)
    const body = card?.querySelector('.wtc-card__body')
    if (!card || !body) return null
    return {
      fits: body.scrollHeight <= body.clientHeight + 1,
      cue: card.classList.contains('wtc-card--overflowing'),
      text: body.textContent ?? '',
    }
  }, id)
}

function showShape(page: Page, id: string) {
  return page.evaluate((id) => {
    const editor = window.editor!
    const shape = editor.getShape(id as never)!
    editor.setCurrentPage(editor.getAncestorPageId(shape)!)
    editor.zoomToBounds(editor.getShapePageBounds(shape)!, {
      inset: 120,
      animation: { duration: 0 },
    })
  }, id)
}

/**
 * Cards as people read them: a long text typed on a card is never cut off for the others, and
 * a card that cannot grow (on a viewer's screen) says that there is more.
 */
describe('cards and long texts in real browsers', () => {
  let app: RunningApp
  let facilitator: Person
  let editor: Person
  let viewer: Person
  let tokens: { facilitator: string; editor: string; viewer: string }
  let boardUrl: string

  beforeAll(async () => {
    app = await startApp()
    ;[facilitator, editor, viewer] = await Promise.all([
      launchPerson('Marieke'),
      launchPerson('Karim'),
      launchPerson('Beamer'),
    ])
    const board = await createBoard(app.url, 'Spelregels', { template: 'empty', locale: 'nl' })
    tokens = board.tokens
    boardUrl = `${app.url}/b/${board.id}`
  })

  afterAll(async () => {
    await Promise.all([facilitator, editor, viewer].map((p) => p?.close()))
    await app?.close()
  })

  it('a card grows while a long text is typed on it, and the other person reads all of it', async () => {
    await joinAs(facilitator, `${boardUrl}#${tokens.facilitator}`)
    await joinAs(editor, `${boardUrl}#${tokens.editor}`)
    const page = facilitator.page
    const id = await page.evaluate(() => {
      const editor = window.editor!
      editor.createShape({ type: 'wt-rule', x: 100, y: 100 })
      const shape = editor.getCurrentPageShapes().find((s) => s.type === 'wt-rule')!
      editor.select(shape.id)
      editor.setEditingShape(shape.id)
      return shape.id as string
    })
    const startHeight = await page.evaluate(
      (id) => (window.editor!.getShape(id as never)!.props as { h: number }).h,
      id,
    )
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
    // The card field takes the focus again on the next frame (TextField); type after it.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    )
    await page.keyboard.type(LONG_RULE)
    await page.keyboard.press('Escape')

    const height = () =>
      page.evaluate((id) => (window.editor!.getShape(id as never)!.props as { h: number }).h, id)
    expect(await height()).toBeGreaterThan(startHeight + 100)
    await showShape(page, id)
    await expect.poll(() => cardFit(page, id)).toMatchObject({ fits: true, cue: false })

    await showShape(editor.page, id)
    await expect
      .poll(() => cardFit(editor.page, id), { timeout: 10_000 })
      .toMatchObject({
        fits: true,
        cue: false,
        text: expect.stringContaining('iets van kan vinden'),
      })
    await screenshot(editor.page, 'card-long-text-seen-by-editor.png')
  })

  it('a card too small for its text shows a viewer that there is more', async () => {
    const page = facilitator.page
    // Made on a second page the facilitator does not look at, so no editor grows it first.
    const id = await page.evaluate((text) => {
      const editor = window.editor!
      const current = editor.getCurrentPageId()
      editor.createPage({ name: 'Afspraken' })
      const other = editor.getPages().find((p) => p.id !== current)!
      const id = 'shape:smallrule' as never
      editor.createShape({
        id,
        type: 'wt-rule',
        parentId: other.id,
        x: 0,
        y: 0,
        props: { text, h: 120 },
      })
      return id as string
    }, LONG_RULE)
    await joinAs(viewer, `${boardUrl}#${tokens.viewer}`)
    await viewer.page.waitForFunction((id) => !!window.editor!.getShape(id as never), id)
    await showShape(viewer.page, id)
    await expect.poll(() => cardFit(viewer.page, id)).toMatchObject({ fits: false, cue: true })
    await screenshot(viewer.page, 'card-too-small-on-viewer.png')
  })
})
