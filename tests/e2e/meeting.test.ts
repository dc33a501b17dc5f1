import type { MeetingState } from '@wijktafel/shared'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { joinAs } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

type Box = { x: number; y: number; w: number; h: number }

/** The meeting as the page reads it (client/src/board/meeting/meetingStore.ts). */
function meeting(page: Page): Promise<MeetingState> {
  return page.evaluate(() => {
    const store = (window as { wtMeeting?: { getState(): { meeting: MeetingState } } }).wtMeeting
    return store!.getState().meeting
  })
}

/** Whom this page's tldraw follows, or null. */
function following(page: Page): Promise<string | null> {
  return page.evaluate(() => window.editor!.getInstanceState().followingUserId)
}

/** Is the centre of this page's view inside a page box? */
function looksAt(page: Page, box: Box): Promise<boolean> {
  return page.evaluate((b) => {
    const view = window.editor!.getViewportPageBounds()
    const cx = view.x + view.w / 2
    const cy = view.y + view.h / 2
    return cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h
  }, box)
}

/**
 * Taps the first of these buttons that is in the open part of a phone's screen: below the
 * top panel, above the card palette and toolbar.
 */
async function tapFree(buttons: Locator): Promise<void> {
  for (let i = 0; i < (await buttons.count()); i++) {
    const box = await buttons.nth(i).boundingBox()
    if (box && box.y > 250 && box.y + box.height < 640 && box.x >= 0 && box.x + box.width <= 390) {
      await buttons.nth(i).click()
      return
    }
  }
  throw new Error('no button in the open part of the screen')
}

function boundsOf(page: Page, id: string): Promise<Box> {
  return page.evaluate((shapeId) => {
    const b = window.editor!.getShapePageBounds(shapeId as never)!
    return { x: b.x, y: b.y, w: b.w, h: b.h }
  }, id)
}

/**
 * How large the body text of a section's cards is on this page's screen, in pixels (its CSS
 * font size times the camera's zoom); the smallest, or 0 when none is rendered.
 */
function cardTextPx(page: Page, sectionShapeId: string): Promise<number> {
  return page.evaluate((id) => {
    const editor = window.editor!
    const sizes = editor
      .getSortedChildIdsForParent(id as never)
      .map((child) => document.querySelector(`[data-shape-id="${child}"] .wtc-card__body`))
      .filter((el): el is Element => !!el)
      .map((el) => parseFloat(getComputedStyle(el).fontSize) * editor.getZoomLevel())
    return sizes.length ? Math.min(...sizes) : 0
  }, sectionShapeId)
}

/**
 * A neighbourhood meeting on three devices: the facilitator at a laptop leads, a resident
 * edits on a phone, a projector shows presentation mode from a viewer link. Each person has
 * their own Chromium; the steps build on each other, so they run in order.
 */
describe('running a meeting in three browsers', () => {
  let app: RunningApp
  let facilitator: Person
  let resident: Person
  let projector: Person
  let links: { facilitator: string; editor: string; present: string }
  let leaderUserId = ''
  let section: { shapeId: string; bounds: Box }

  beforeAll(async () => {
    app = await startApp()
    ;[facilitator, resident, projector] = await Promise.all([
      launchPerson('Marieke'),
      launchPerson('Karim', { width: 390, height: 844 }),
      launchPerson('Beamer', { width: 1280, height: 720 }),
    ])
    const board = await createBoard(app.url, 'Samen aan de slag in De Horst', {
      template: 'example',
      locale: 'nl',
    })
    const base = `${app.url}/b/${board.id}`
    links = {
      facilitator: `${base}#${board.tokens.facilitator}`,
      // A phone opens the board as a list (view.ts); this resident chose the map.
      editor: `${base}?view=canvas#${board.tokens.editor}`,
      present: `${base}?view=present#${board.tokens.viewer}`,
    }
    await joinAs(facilitator, links.facilitator)
    await joinAs(resident, links.editor)
    await projector.page.goto(links.present)
    await projector.page.waitForFunction(() => !!window.editor, undefined, { timeout: 30_000 })
    leaderUserId = 'user:' + (await facilitator.page.evaluate(() => window.editor!.user.getId()))
  })

  afterAll(async () => {
    for (const person of [facilitator, resident, projector]) {
      if (person?.errors.length) console.warn(person.name, person.errors)
    }
    await Promise.all([facilitator, resident, projector].map((p) => p?.close()))
    await app?.close()
  })

  it('the facilitator starts "iedereen volgt mij" and steps to the next section: the projector shows it and the phone follows', async () => {
    const page = facilitator.page
    await page.getByTestId('meeting-button').click()
    const panel = page.getByTestId('meeting-panel')
    await panel.getByTestId('follow-start').click()
    await expect.poll(() => following(resident.page), { timeout: 15_000 }).toBe(leaderUserId)

    const next = panel.getByRole('button', { name: 'Volgende' })
    const where = panel.getByTestId('follow-section')
    await next.click()
    await expect.poll(() => where.innerText()).toMatch(/Deel 1 van \d+/)
    await next.click()
    await expect.poll(() => where.innerText()).toMatch(/Deel 2 van \d+/)
    const shapeId = (await meeting(page)).follow!.section!.shapeId
    section = { shapeId, bounds: await boundsOf(page, shapeId) }

    await expect.poll(() => looksAt(page, section.bounds), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => looksAt(resident.page, section.bounds), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => looksAt(projector.page, section.bounds), { timeout: 15_000 }).toBe(true)
    await screenshot(page, 'meeting-facilitator-panel.png')
    await screenshot(projector.page, 'meeting-projector-section.png')

    // The phone shows the section fitted to its own screen, not the laptop's whole view:
    // card text a resident can read without zooming in, and still following.
    await expect
      .poll(() => cardTextPx(resident.page, shapeId), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(12)
    expect(await following(resident.page)).toBe(leaderUserId)
    // Our quiet bar says so, in place of tldraw's small button over the board's title.
    expect(await resident.page.getByTestId('follow-bar').innerText()).toContain('Je volgt Marieke')
    expect(await resident.page.getByTestId('helper-buttons.stop-following').isVisible()).toBe(false)
    // Everyone sees that the phone follows, in the participants list.
    const karim = panel.getByTestId('participants').locator('li', { hasText: 'Karim' })
    await expect.poll(() => karim.innerText(), { timeout: 10_000 }).toContain('volgt Marieke')
    await screenshot(resident.page, 'meeting-phone-follow-section.png')
  })

  it('turning the phone is not stepping out: the section is fitted again', async () => {
    const phone = resident.page
    const camera = () => phone.evaluate(() => ({ ...window.editor!.getCamera() }))
    const upright = await camera()
    await phone.setViewportSize({ width: 844, height: 390 })
    await expect.poll(async () => (await camera()).x, { timeout: 10_000 }).not.toBe(upright.x)
    await screenshot(phone, 'meeting-phone-follow-landscape.png')
    expect(await following(phone)).toBe(leaderUserId)
    expect(await looksAt(phone, section.bounds)).toBe(true)
    await phone.setViewportSize({ width: 390, height: 844 })
    await expect.poll(() => camera(), { timeout: 10_000 }).toEqual(upright)
    expect(await following(phone)).toBe(leaderUserId)
    expect(await phone.getByTestId('follow-bar').innerText()).toContain('Je volgt Marieke')
  })

  it('the resident pans away, sees the "Volg weer" bar, taps it and follows again', async () => {
    const phone = resident.page
    const camera = () => phone.evaluate(() => ({ ...window.editor!.getCamera() }))
    const onSection = await camera()
    await phone.mouse.move(200, 500)
    await phone.mouse.wheel(0, 600)
    await expect.poll(() => following(phone)).toBe(null)
    const bar = phone.getByTestId('follow-bar')
    await expect.poll(() => bar.innerText()).toContain('Marieke laat iets zien')
    await screenshot(phone, 'meeting-follow-bar.png')
    const again = bar.getByRole('button', { name: 'Volg weer' })
    const size = (await again.boundingBox())!
    expect(size.height).toBeGreaterThanOrEqual(44)
    await again.click()
    await expect.poll(() => following(phone)).toBe(leaderUserId)
    await expect.poll(() => bar.innerText()).toContain('Je volgt Marieke')
    await expect.poll(() => looksAt(phone, section.bounds), { timeout: 15_000 }).toBe(true)
    expect(await cardTextPx(phone, section.shapeId)).toBeGreaterThanOrEqual(12)
    // Back to the same view of the section as before the pan.
    await expect.poll(() => camera()).toEqual(onSection)
  })

  it('a resident reading the list is told the facilitator shows something, and one tap shows it', async () => {
    const phone = resident.page
    await phone.getByRole('button', { name: 'Weergave: Kaart' }).click()
    await phone.getByRole('button', { name: 'Lijst', exact: true }).click()
    const bar = phone.getByTestId('outline').getByTestId('cover-follow')
    await expect
      .poll(() => bar.innerText(), { timeout: 10_000 })
      .toContain('Marieke laat iets zien')
    await screenshot(phone, 'meeting-phone-list-follow.png')
    const look = bar.getByRole('button', { name: 'Bekijk' })
    expect((await look.boundingBox())!.height).toBeGreaterThanOrEqual(44)
    await look.click()
    await phone.getByTestId('outline').waitFor({ state: 'detached' })
    expect(new URL(phone.url()).searchParams.get('view')).toBe('canvas')
    await expect.poll(() => following(phone), { timeout: 15_000 }).toBe(leaderUserId)
    await expect.poll(() => looksAt(phone, section.bounds), { timeout: 15_000 }).toBe(true)
  })

  it('a late joiner (the resident reloads) follows at once', async () => {
    await resident.page.reload()
    await resident.page.waitForFunction(() => !!window.editor, undefined, { timeout: 30_000 })
    await expect.poll(() => following(resident.page), { timeout: 15_000 }).toBe(leaderUserId)
    await expect.poll(() => looksAt(resident.page, section.bounds), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => cardTextPx(resident.page, section.shapeId)).toBeGreaterThanOrEqual(12)
    // "Vrij kijken" steps out on purpose; "Volg weer" comes back.
    const bar = resident.page.getByTestId('follow-bar')
    await bar.getByRole('button', { name: 'Vrij kijken' }).click()
    await expect.poll(() => following(resident.page)).toBe(null)
    await bar.getByRole('button', { name: 'Volg weer' }).click()
    await expect.poll(() => following(resident.page)).toBe(leaderUserId)
  })

  it('a vote with 2 dots: the resident places 2 and no 3rd; totals stay hidden until the facilitator reveals them', async () => {
    const page = facilitator.page
    const panel = page.getByTestId('meeting-panel')
    await panel.getByRole('button', { name: 'Minder' }).click()
    expect(await panel.getByTestId('vote-dots').innerText()).toBe('2')
    await panel.getByTestId('vote-open').click()
    await expect.poll(async () => (await meeting(resident.page)).vote?.dots).toBe(2)
    const vote = (await meeting(resident.page)).vote
    expect(vote?.section?.shapeId, JSON.stringify(vote)).toBe(section.shapeId)

    const phone = resident.page
    const place = phone.getByTestId('vote-place').locator('visible=true')
    await expect.poll(() => place.count(), { timeout: 15_000 }).toBeGreaterThan(1)
    // Following, the phone shows the section at a readable size: the resident places dots
    // without zooming in, and goes on following.
    expect(await following(phone)).toBe(leaderUserId)
    expect(await cardTextPx(phone, section.shapeId)).toBeGreaterThanOrEqual(12)
    await expect
      .poll(async () => (await place.first().boundingBox())?.width ?? 0)
      .toBeGreaterThanOrEqual(44)
    await tapFree(place)
    await expect.poll(() => phone.getByTestId('dots-left').innerText()).toBe('nog 1 stip')
    await tapFree(place)
    await expect.poll(() => phone.getByTestId('dots-left').innerText()).toBe('geen stippen meer')
    expect(await phone.getByTestId('vote-place').count()).toBe(0)
    expect(await phone.getByTestId('vote-mine').count()).toBe(2)
    // Past the buttons, straight to the actions: a third dot is not written.
    const third = await phone.evaluate(() => {
      const store = (window as { wtMeeting?: { getState(): { actions: unknown } } }).wtMeeting!
      const actions = store.getState().actions as { placeDot(id: string): boolean }
      const card = window.editor!.getCurrentPageShapes().find((s) => s.type !== 'wt-zone')!
      return actions.placeDot(card.id)
    })
    expect(third).toBe(false)
    await screenshot(phone, 'meeting-phone-vote.png')
    expect(await following(phone)).toBe(leaderUserId)
    // Taking a dot back and placing it again does not take the phone away either.
    await phone.getByTestId('vote-mine').first().click()
    await expect.poll(() => phone.getByTestId('dots-left').innerText()).toBe('nog 1 stip')
    expect(await following(phone)).toBe(leaderUserId)
    await tapFree(place)
    await expect.poll(() => phone.getByTestId('dots-left').innerText()).toBe('geen stippen meer')
    expect(await following(phone)).toBe(leaderUserId)

    // The facilitator sees the ballot arrive, but no totals.
    await expect
      .poll(async () => Object.values((await meeting(page)).ballots)[0]?.cards.length)
      .toBe(2)
    expect(await page.getByTestId('vote-total').count()).toBe(0)
    expect(await phone.getByTestId('vote-total').count()).toBe(0)

    await panel.getByTestId('vote-reveal').click()
    const totalOn = async (p: Page) => {
      const texts = await p.getByTestId('vote-total').allInnerTexts()
      return texts.reduce((sum, text) => sum + Number(text.trim()), 0)
    }
    await expect.poll(() => totalOn(page)).toBe(2)
    await expect.poll(() => totalOn(phone)).toBe(2)
    expect(await phone.getByTestId('vote-place').count()).toBe(0)
    await screenshot(page, 'meeting-revealed-facilitator.png')

    // The result is part of the board's picture: an image export of the section shows it.
    const exported = await page.evaluate(async (id) => {
      const editor = window.editor!
      const result = await editor.getSvgString([id as never], { background: true })
      return result?.svg ?? ''
    }, section.shapeId)
    expect(exported.match(/wt-vote-total/g)?.length).toBe(
      await page.getByTestId('vote-total').count(),
    )
    await screenshot(phone, 'meeting-revealed-phone.png')
  })

  it("the facilitator's next step moves the following phone to the next section", async () => {
    const panel = facilitator.page.getByTestId('meeting-panel')
    await panel.getByRole('button', { name: 'Volgende' }).click()
    await expect
      .poll(() => panel.getByTestId('follow-section').innerText())
      .toMatch(/Deel 3 van \d+/)
    const nextId = (await meeting(facilitator.page)).follow!.section!.shapeId
    expect(nextId).not.toBe(section.shapeId)
    const bounds = await boundsOf(facilitator.page, nextId)
    await expect.poll(() => looksAt(resident.page, bounds), { timeout: 15_000 }).toBe(true)
    await expect.poll(() => cardTextPx(resident.page, nextId)).toBeGreaterThanOrEqual(12)
    expect(await following(resident.page)).toBe(leaderUserId)
    await screenshot(resident.page, 'meeting-phone-follow-next.png')
  })

  it("the facilitator's timer shows on the phone and on the projector", async () => {
    const panel = facilitator.page.getByTestId('meeting-panel')
    await panel.getByRole('button', { name: '3 min' }).click()
    const clock = /\b[23]:\d\d\b/
    await expect
      .poll(() => resident.page.getByTestId('meeting-timer').innerText(), { timeout: 10_000 })
      .toMatch(clock)
    await expect
      .poll(() => projector.page.getByRole('timer').first().innerText(), { timeout: 10_000 })
      .toMatch(clock)
    await screenshot(resident.page, 'meeting-phone-timer.png')
    await screenshot(projector.page, 'meeting-projector-timer.png')
  })

  it('the resident cannot drag a zone: it stays where it was, for everyone; cards stay movable', async () => {
    const phone = resident.page
    await facilitator.page
      .getByTestId('meeting-panel')
      .getByRole('button', { name: 'Stop volgen' })
      .click()
    await expect.poll(() => following(phone)).toBe(null)
    const target = await phone.evaluate(() => {
      const editor = window.editor!
      const zone = editor.getCurrentPageShapes().find((s) => s.type === 'wt-zone')!
      const card = editor
        .getSortedChildIdsForParent(zone.id)
        .map((id) => editor.getShape(id)!)
        .find((s) => s.type.startsWith('wt-'))!
      editor.zoomToBounds(editor.getShapePageBounds(zone.id)!, { animation: { duration: 0 } })
      const b = editor.getShapePageBounds(zone.id)!
      const head = editor.pageToScreen({ x: b.x + b.w / 2, y: b.y + 20 })
      const c = editor.getShapePageBounds(card.id)!
      const mid = editor.pageToScreen({ x: c.x + c.w / 2, y: c.y + c.h / 2 })
      return {
        zone: zone.id as string,
        x: zone.x,
        y: zone.y,
        head: { x: head.x, y: head.y },
        card: card.id as string,
        mid: { x: mid.x, y: mid.y },
        cardX: card.x,
      }
    })
    await phone.mouse.move(target.head.x, target.head.y)
    await phone.mouse.down()
    await phone.mouse.move(target.head.x + 60, target.head.y + 120, { steps: 6 })
    await phone.mouse.up()
    await expect
      .poll(() => phone.locator('.tlui-toast__title').allInnerTexts())
      .toContain('De indeling ligt vast; alleen de gespreksleider kan die veranderen')
    const zoneAt = (p: Page) =>
      p.evaluate<{ x: number; y: number }, string>((id) => {
        const z = window.editor!.getShape(id as never) as unknown as { x: number; y: number }
        return { x: z.x, y: z.y }
      }, target.zone)
    expect(await zoneAt(phone)).toEqual({ x: target.x, y: target.y })

    // A card inside the zone still moves; once the facilitator sees that, the zone's place too.
    await phone.keyboard.press('Escape')
    await phone.mouse.move(target.mid.x, target.mid.y)
    await phone.mouse.down()
    await phone.mouse.move(target.mid.x + 15, target.mid.y + 10, { steps: 6 })
    await phone.mouse.up()
    const cardX = (p: Page) =>
      p.evaluate(
        (id) => (window.editor!.getShape(id as never) as unknown as { x: number }).x,
        target.card,
      )
    await expect.poll(() => cardX(phone)).not.toBe(target.cardX)
    const moved = await cardX(phone)
    await expect.poll(() => cardX(facilitator.page), { timeout: 10_000 }).toBe(moved)
    expect(await zoneAt(facilitator.page)).toEqual({ x: target.x, y: target.y })
    await screenshot(phone, 'meeting-phone-structure-locked.png')

    // tldraw's lock toggle is not offered to an editor (it would only be refused).
    await phone.mouse.click(target.mid.x + 15, target.mid.y + 10, { button: 'right' })
    await phone.locator('.tlui-menu').first().waitFor()
    expect(
      await phone.locator('[data-testid$=".toggle-lock"]').locator('visible=true').count(),
    ).toBe(0)
    await phone.keyboard.press('Escape')
  })
})
