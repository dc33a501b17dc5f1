import {
  translate,
  type CreateBoardResponse,
  type Locale,
  type MessageKey,
} from '@wijktafel/shared'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { axeViolations, expectNoViolations } from './support/axe.js'
import { joinAs, waitForBoard } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

const SESSION_KEY = 'wijktafel-session'

/** Sets this browser's language as the language choice does (client/src/state/session.ts). */
async function useLocale(page: Page, locale: Locale): Promise<void> {
  await page.evaluate(
    ({ key, locale }) => {
      const raw = localStorage.getItem(key)
      const saved = raw ? JSON.parse(raw) : { state: {}, version: 1 }
      saved.state.locale = locale
      localStorage.setItem(key, JSON.stringify(saved))
    },
    { key: SESSION_KEY, locale },
  )
  await page.reload()
  // <html lang> carries the speech tag (nl-NL, ar-SA...), <html dir> the direction.
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), locale)
}

/** Forgets this browser's name, so the board asks for it again. */
async function forgetName(page: Page): Promise<void> {
  await page.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key) ?? '{"state":{},"version":1}')
    if (saved.state.user) saved.state.user.name = ''
    localStorage.setItem(key, JSON.stringify(saved))
  }, SESSION_KEY)
}

/** Where the focus is: its tag, type, id and visible name, to follow a Tab sequence. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type'),
      id: el.id,
      text: (el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 60),
    }
  })
}

/** The focus ring of the focused element as the browser draws it. */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const style = getComputedStyle(el)
    return {
      matches: el.matches(':focus-visible'),
      outline: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      color: style.outlineColor,
    }
  })
}

/** Opens a dialog of ours and waits until the browser shows it. */
async function openDialog(page: Page, click: () => Promise<void>, selector: string) {
  await click()
  await page.waitForFunction((css) => {
    const el = document.querySelector(css)
    return !!el && (!(el instanceof HTMLDialogElement) || el.open)
  }, selector)
  return page.locator(selector)
}

async function closeWithEscape(page: Page, selector: string) {
  await page.keyboard.press('Escape')
  await page.waitForFunction((css) => {
    const el = document.querySelector(css)
    return !el || (el instanceof HTMLDialogElement && !el.open)
  }, selector)
}

/**
 * Operates a button as a keyboard user does: focus, then Enter. The top panel's buttons are
 * reached this way on purpose, so the panels and dialogs are proven keyboard-operable.
 */
async function press(page: Page, button: Locator): Promise<void> {
  await button.focus()
  await page.keyboard.press('Enter')
}

const SHARE = 'dialog[aria-labelledby="share-title"]'
const byTestId = (id: string) => `[data-testid="${id}"]`

/**
 * WCAG 2.1 AA outside the canvas: axe-core finds nothing on every page, dialog and panel a
 * resident or facilitator meets, in Dutch and in Arabic (right to left); the focus is visible,
 * the start page's Tab order follows the form, and the canvas has a name and a keyboard route
 * to the outline.
 */
describe('accessibility outside the canvas', () => {
  let app: RunningApp
  let board: CreateBoardResponse
  let link: (token: string, query?: string) => string
  /** A second person in the room, so the participants list has someone to go to. */
  let guest: Person

  beforeAll(async () => {
    app = await startApp()
    board = await createBoard(app.url, 'Samen aan de slag in De Horst', {
      template: 'example',
      locale: 'nl',
    })
    link = (token, query = '') => `${app.url}/b/${board.id}${query}#${token}`
    guest = await launchPerson('Karim')
    await joinAs(guest, link(board.tokens.editor))
  })

  afterAll(async () => {
    await guest?.close()
    await app?.close()
  })

  describe.each(['nl', 'ar'] as const)('in %s', (locale) => {
    let person: Person
    let page: Page

    beforeAll(async () => {
      person = await launchPerson('Marieke')
      page = person.page
      await page.goto(app.url)
      await useLocale(page, locale)
    })

    afterAll(async () => {
      if (person?.errors.length) console.warn(locale, person.errors)
      await person?.close()
    })

    it('the start page', async () => {
      await page.locator('#board-title').waitFor()
      const dir = await page.evaluate(() => document.documentElement.dir)
      expect(dir).toBe(locale === 'ar' ? 'rtl' : 'ltr')
      await screenshot(page, `a11y-${locale}-start.png`)
      await expectNoViolations(page, `start page (${locale})`)
    })

    it('axe does report a problem: a button without a name is found', async () => {
      await page.evaluate(() => {
        const probe = document.createElement('button')
        probe.id = 'wt-axe-probe'
        document.querySelector('main')!.append(probe)
      })
      const found = await axeViolations(page)
      await page.evaluate(() => document.getElementById('wt-axe-probe')!.remove())
      const rule = found.find((v) => v.id === 'button-name')
      expect(rule?.nodes.map((n) => n.target.join(' '))).toEqual(['#wt-axe-probe'])
    })

    it('the start page’s Tab order: title, template choices, create', async () => {
      await page.reload()
      await page.locator('#board-title').waitFor()
      // A click on the page's heading: the next Tab starts from the top, as on arrival.
      await page.locator('.wt-start__header h1').click()
      const seen: string[] = []
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab')
        const f = await focused(page)
        if (!f) continue
        const name = f.id === 'board-title' ? 'title' : f.type === 'radio' ? 'template' : null
        if (name) seen.push(name)
        if (f.tag === 'button' && f.type === 'submit') {
          seen.push('create')
          break
        }
      }
      expect(seen).toEqual(['title', 'template', 'create'])
    })

    it('a focused button shows a visible focus ring', async () => {
      // The create button, reached by the keyboard as in the Tab order test above.
      expect(await focused(page)).toMatchObject({ tag: 'button', type: 'submit' })
      const ring = await focusRing(page)
      expect(ring.matches).toBe(true)
      expect(ring.outline).not.toBe('none')
      expect(ring.width).toBeGreaterThanOrEqual(2)
      expect(ring.color).not.toMatch(/rgba\(.*, 0\)|transparent/)
      await screenshot(page, `a11y-${locale}-focus.png`)
    })

    it('the import error on the start page', async () => {
      await page.getByTestId('import-file').setInputFiles({
        name: 'geen-bord.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"dit is": "geen bord"}'),
      })
      await page.locator('.wt-import-error').waitFor({ timeout: 15_000 })
      await expectNoViolations(page, `import error (${locale})`)
    })

    it('the name prompt', async () => {
      await forgetName(page)
      await page.goto(link(board.tokens.facilitator))
      await page.locator('#user-name').waitFor({ timeout: 30_000 })
      await expectNoViolations(page, `name prompt (${locale})`)
      await page.locator('#user-name').fill('Marieke')
      await page.locator('#user-name').press('Enter')
      // The first board load in a fresh profile; slow when the machine is shared.
      await page.waitForFunction(() => !!window.editor, undefined, { timeout: 90_000 })
      await waitForBoard(page)
    })

    it('the board with its top panel', async () => {
      await page.locator('.wt-toppanel').waitFor()
      // The guest is in the room, so the participants list below has someone to go to.
      await page.waitForFunction(() => window.editor!.getCollaborators().length > 0, undefined, {
        timeout: 15_000,
      })
      await screenshot(page, `a11y-${locale}-board.png`)
      await expectNoViolations(page, `board (${locale})`)
    })

    it('the canvas has a name and a skip link to the outline comes first', async () => {
      const canvas = page.locator('.tl-canvas')
      await expect
        .poll(() => canvas.getAttribute('aria-label'))
        .toContain('Samen aan de slag in De Horst')
      expect(await canvas.getAttribute('role')).toBe('region')

      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
      await page.keyboard.press('Tab')
      const skip = page.getByTestId('skip-to-outline')
      await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true)
      const box = await skip.boundingBox()
      const viewport = page.viewportSize()!
      expect(box, 'the skip link is on screen when focused').not.toBeNull()
      expect(box!.width).toBeGreaterThan(100)
      expect(box!.height).toBeGreaterThanOrEqual(44)
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width)
      expect((await focusRing(page)).outline).not.toBe('none')
      await screenshot(page, `a11y-${locale}-skip-link.png`)
      await page.keyboard.press('Enter')
      await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('outline')
      // The list is shown and the keyboard carries on inside it.
      const outline = page.getByTestId('outline')
      await outline.waitFor()
      await expect
        .poll(() => outline.evaluate((el) => el.contains(document.activeElement)))
        .toBe(true)
    })

    it('the outline view', async () => {
      const outline = page.getByTestId('outline')
      await outline.locator('h2').first().waitFor()
      await screenshot(page, `a11y-${locale}-outline.png`)
      await expectNoViolations(page, `outline view (${locale})`)
      await page.goto(link(board.tokens.facilitator))
      await waitForBoard(page)
    })

    it('the share dialog', async () => {
      await openDialog(page, () => press(page, page.locator('.wt-sharepanel > button')), SHARE)
      await screenshot(page, `a11y-${locale}-share.png`)
      await expectNoViolations(page, `share dialog (${locale})`)
      await closeWithEscape(page, SHARE)
    })

    it('the card edit panel of a selected card', async () => {
      await page.evaluate(() => {
        const editor = window.editor!
        const card = editor.getCurrentPageShapes().find((s) => s.type === 'wt-participant')!
        editor.zoomToBounds(editor.getShapePageBounds(card)!, { animation: { duration: 0 } })
        editor.select(card.id)
        editor.setEditingShape(card.id)
      })
      await page.locator('.wtc-edit-panel').waitFor()
      await screenshot(page, `a11y-${locale}-card-panel.png`)
      await expectNoViolations(page, `card edit panel (${locale})`)
      await page.evaluate(() => {
        window.editor!.setEditingShape(null)
        window.editor!.selectNone()
      })
      await page.locator('.wtc-edit-panel').waitFor({ state: 'detached' })
    })

    it('the meeting panel and the participants list (facilitator)', async () => {
      await press(page, page.getByTestId('meeting-button'))
      const panel = page.getByTestId('meeting-panel')
      await panel.getByTestId('participants').locator('li').nth(1).waitFor()
      await screenshot(page, `a11y-${locale}-meeting.png`)
      await expectNoViolations(page, `meeting panel (${locale})`)
      await press(page, page.getByTestId('meeting-button'))
      await panel.waitFor({ state: 'detached' })
    })

    it('the Bewaren menu, the image dialog, the versions panel and the delete dialog', async () => {
      const openMenu = () =>
        openDialog(
          page,
          () => press(page, page.locator('.wt-record-button')),
          byTestId('board-menu'),
        )
      const menu = await openMenu()
      const menuItem = (key: MessageKey) =>
        menu.getByRole('button', { name: translate(locale, key) })
      await expectNoViolations(page, `Bewaren menu (${locale})`)

      await openDialog(page, () => menuItem('record.menu.image').click(), byTestId('image-dialog'))
      await screenshot(page, `a11y-${locale}-image-dialog.png`)
      await expectNoViolations(page, `image dialog (${locale})`)
      await closeWithEscape(page, byTestId('image-dialog'))

      await openMenu()
      const versions = await openDialog(
        page,
        () => menuItem('record.menu.versions').click(),
        byTestId('versions-panel'),
      )
      await versions.locator('.wt-record__head').waitFor()
      await screenshot(page, `a11y-${locale}-versions.png`)
      await expectNoViolations(page, `versions panel (${locale})`)
      await closeWithEscape(page, byTestId('versions-panel'))

      await openMenu()
      await openDialog(page, () => menuItem('record.menu.delete').click(), byTestId('delete-board'))
      await screenshot(page, `a11y-${locale}-delete.png`)
      await expectNoViolations(page, `delete dialog (${locale})`)
      await closeWithEscape(page, byTestId('delete-board'))
    })

    it('presentation mode and its overview', async () => {
      await page.goto(link(board.tokens.facilitator, '?view=present'))
      await page.getByTestId('presentation').waitFor({ timeout: 30_000 })
      await page.getByTestId('present-position').waitFor()
      await screenshot(page, `a11y-${locale}-present.png`)
      await expectNoViolations(page, `presentation mode (${locale})`)

      await page.keyboard.press('o')
      await page.getByTestId('present-overview').waitFor()
      await screenshot(page, `a11y-${locale}-present-overview.png`)
      await expectNoViolations(page, `presentation overview (${locale})`)
      await page.keyboard.press('Escape')
      await page.getByTestId('present-overview').waitFor({ state: 'detached' })
    })
  })
})
