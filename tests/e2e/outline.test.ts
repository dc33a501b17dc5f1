import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { joinAs } from './support/board.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

/**
 * The outline view (`?view=outline`) as residents use it: Anna at a laptop with only a
 * keyboard, Bram on the canvas at the same time, Yasmina on a 390×844 phone, a viewer link,
 * and read aloud. Each person is a real Chromium against the real server; the only thing
 * stubbed is the browser's speech output, which is recorded instead of played.
 */
describe('the outline view', () => {
  let app: RunningApp
  let anna: Person
  let bram: Person
  let phone: Person
  let url: (token: string, query?: string) => string
  let tokens: { viewer: string; editor: string; facilitator: string }

  beforeAll(async () => {
    app = await startApp()
    ;[anna, bram] = await Promise.all([
      launchPerson('Anna', { width: 1920, height: 1080 }),
      launchPerson('Bram'),
    ])
    const board = await createBoard(app.url, 'Samen aan de slag in De Horst', {
      template: 'example',
      locale: 'nl',
    })
    tokens = board.tokens
    url = (token, query = '') => `${app.url}/b/${board.id}${query}#${token}`
    // One after the other: two boards loading at once on a busy machine take longer than
    // waitForBoard allows.
    await join(anna, url(tokens.editor, '?view=outline'))
    await join(bram, url(tokens.editor))
    await anna.page.getByTestId('outline').waitFor()
  })

  afterAll(async () => {
    await Promise.all([anna, bram, phone].map((p) => p?.close()))
    await app?.close()
  })

  it('adds a participant with an interest by keyboard alone; the canvas next door shows them', async () => {
    const page = anna.page
    // The outline opens with its heading focused, the canvas out of the tab order.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await tabTo(page, 'outline-add-participant')
    await page.keyboard.press('Enter')
    // The new participant's name field takes the focus.
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT')
    await page.keyboard.type('Ayşe Demir')
    await tabTo(page, 'outline-add-halen', 'Ayşe Demir')
    await page.keyboard.press('Enter')
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
    await page.keyboard.type('Een bankje bij de school')

    // The outline shows it in its place: a heading for Ayşe, the interest under "Kom halen".
    const section = page.locator('.wt-outline__section', {
      has: page.getByRole('heading', { level: 3, name: 'Ayşe Demir' }),
    })
    await expect.poll(() => section.count()).toBe(1)
    const halen = section.locator('.wt-outline__category', {
      has: page.getByRole('heading', { level: 4, name: 'Kom halen' }),
    })
    await expect.poll(() => halen.locator('textarea').inputValue()).toBe('Een bankje bij de school')

    // Bram, on the canvas, sees the participant card holding that interest.
    await bram.page.waitForFunction(
      () => {
        const editor = window.editor!
        const ayse = editor
          .getCurrentPageShapes()
          .find((s) => s.type === 'wt-participant' && (s.props as any).name === 'Ayşe Demir')
        if (!ayse) return false
        return editor
          .getSortedChildIdsForParent(ayse.id)
          .some((id) => (editor.getShape(id)?.props as any)?.text === 'Een bankje bij de school')
      },
      undefined,
      { timeout: 15_000 },
    )
    const placement = await bram.page.evaluate(() => {
      const editor = window.editor!
      const ayse = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'wt-participant' && (s.props as any).name === 'Ayşe Demir')!
      const box = editor.getShapePageBounds(ayse.id)!
      const overlaps = editor
        .getSortedChildIdsForParent(editor.getCurrentPageId())
        // Arrows are lines between areas: only their box would overlap.
        .filter((id) => id !== ayse.id && editor.getShape(id)!.type !== 'arrow')
        .map((id) => ({ id, b: editor.getShapePageBounds(id)! }))
        .filter(
          ({ b }) =>
            Math.min(b.maxX, box.maxX) > Math.max(b.minX, box.minX) &&
            Math.min(b.maxY, box.maxY) > Math.max(b.minY, box.minY),
        )
        .map(
          ({ id, b }) =>
            `${editor.getShape(id)!.type} ${b.toJson ? JSON.stringify(b.toJson()) : ''} vs ${JSON.stringify(box.toJson())}`,
        )
      editor.zoomToBounds(box, { animation: { duration: 0 } })
      return { overlaps }
    })
    expect(placement.overlaps, 'the new participant overlaps another area').toEqual([])
    await expect
      .poll(() => bram.page.locator('.tl-canvas').innerText(), { timeout: 10_000 })
      .toContain('Een bankje bij de school')
    expect(await bram.page.locator('.tl-canvas').innerText()).toContain('Ayşe Demir')
    await screenshot(bram.page, 'outline-canvas-after-keyboard.png')
  })

  it('shows a card edited on the canvas at once and tells it in the live region', async () => {
    // Bram types on Fatma's first interest on the canvas, as anyone would: double-click, type.
    const target = await bram.page.evaluate(() => {
      const editor = window.editor!
      const fatma = editor
        .getCurrentPageShapes()
        .find((s) => s.type === 'wt-participant' && (s.props as any).name === 'Fatma')!
      const id = editor.getSortedChildIdsForParent(fatma.id)[0]!
      const box = editor.getShapePageBounds(id)!
      editor.zoomToBounds(box.clone().expandBy(200), { animation: { duration: 0 } })
      const c = editor.pageToViewport(box.center)
      const rect = editor.getContainer().getBoundingClientRect()
      return { id, x: rect.left + c.x, y: rect.top + c.y }
    })
    await bram.page.mouse.dblclick(target.x, target.y)
    await bram.page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
    await bram.page.keyboard.press('Control+A')
    await bram.page.keyboard.type('Meer groen op het plein')
    await bram.page.keyboard.press('Escape')

    const page = anna.page
    const card = page.locator(`[data-card-id="${target.id}"]`)
    await expect
      .poll(() => card.locator('textarea').inputValue(), { timeout: 10_000 })
      .toBe('Meer groen op het plein')
    // One polite sentence, with Bram's name and the card's text.
    const live = page.getByTestId('outline-live')
    expect(await live.getAttribute('aria-live')).toBe('polite')
    await expect
      .poll(() => live.textContent(), { timeout: 10_000 })
      .toBe('Bram veranderde een belang: Meer groen op het plein')
  })

  it('lets a phone add a participant and three interests, with nothing wider than the screen', async () => {
    phone = await launchPerson('Yasmina', { width: 390, height: 844 })
    const page = phone.page
    const started = Date.now()
    await join(phone, url(tokens.editor, '?view=outline'))
    await page.getByTestId('outline').waitFor()
    await page.getByTestId('outline-add-participant').click()
    await page.waitForFunction(() => document.activeElement?.tagName === 'INPUT')
    await page.keyboard.type('Yasmina')
    const section = page.locator('.wt-outline__section', {
      has: page.getByRole('heading', { level: 3, name: 'Yasmina' }),
    })
    await expect.poll(() => section.count()).toBe(1)
    const interests = [
      ['halen', 'Een plek om te sporten'],
      ['brengen', 'Ik kan koken voor het buurtfeest'],
      ['zorg', 'Veilig oversteken naar school'],
    ] as const
    for (const [category, text] of interests) {
      await section.getByTestId(`outline-add-${category}`).click()
      await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
      await page.keyboard.type(text)
    }
    const seconds = (Date.now() - started) / 1000
    console.log(`phone: joined, added a participant and three interests in ${seconds.toFixed(1)} s`)

    for (const [, text] of interests) {
      await expect
        .poll(() =>
          section
            .locator('textarea')
            .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)),
        )
        .toContain(text)
    }
    const widths = await page.evaluate(() => {
      const outline = document.querySelector<HTMLElement>('[data-testid="outline"]')!
      const tooWide = Array.from(outline.querySelectorAll<HTMLElement>('*'))
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .map((el) => `${el.tagName}.${el.className}`)
      return {
        scroll: outline.scrollWidth,
        client: outline.clientWidth,
        page: document.documentElement.scrollWidth,
        tooWide: tooWide.slice(0, 5),
      }
    })
    expect(widths.tooWide, 'elements running off the screen').toEqual([])
    expect(widths.scroll).toBeLessThanOrEqual(widths.client)
    expect(widths.page).toBeLessThanOrEqual(390)
    // Every button of the outline is a 44 px target at least.
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="outline"] button'))
        .map((b) => ({ b, r: b.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(({ b }) => b.textContent),
    )
    expect(small, 'buttons smaller than 44 px').toEqual([])
    await section.scrollIntoViewIfNeeded()
    await section.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'outline-phone.png')

    // Bram sees all three on the canvas, in Yasmina's area.
    await bram.page.waitForFunction(
      (texts) => {
        const editor = window.editor!
        const y = editor
          .getCurrentPageShapes()
          .find((s) => s.type === 'wt-participant' && (s.props as any).name === 'Yasmina')
        if (!y) return false
        const have = editor
          .getSortedChildIdsForParent(y.id)
          .map((id) => (editor.getShape(id)?.props as any)?.text)
        return texts.every((t) => have.includes(t))
      },
      interests.map(([, t]) => t),
      { timeout: 15_000 },
    )
  })

  it('reads a Dutch and an Arabic card aloud, each in its own language', async () => {
    const page = anna.page
    // The browser's speech output is the one thing recorded instead of played.
    await page.evaluate(() => {
      const w = window as unknown as { spoken: { text: string; lang: string }[] }
      w.spoken = []
      const speak = speechSynthesis.speak.bind(speechSynthesis)
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        w.spoken.push({ text: u.text, lang: u.lang })
        speak(u)
      }
    })
    const spoken = () => page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken)

    const bankjeCard = await cardWithText(page, 'Een bankje bij de school')
    await bankjeCard.getByTestId('read-aloud').click()
    await expect.poll(spoken).toEqual([{ text: 'Een bankje bij de school', lang: 'nl-NL' }])
    const button = bankjeCard.getByTestId('read-aloud')
    // Pressed while reading, or a sentence says this browser has no Dutch voice.
    const state = await Promise.all([
      button.getAttribute('aria-pressed'),
      bankjeCard.locator('.wt-read-aloud__message').textContent(),
    ])
    expect(state[0] === 'true' || /stem|voorlezen/.test(state[1] ?? '')).toBe(true)

    // Anna writes an Arabic interest for her neighbour, and has it read.
    const ayse = page.locator('.wt-outline__section', {
      has: page.getByRole('heading', { level: 3, name: 'Ayşe Demir' }),
    })
    await ayse.getByTestId('outline-add-zorg').click()
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA')
    await page.keyboard.type('حديقة آمنة للأطفال')
    const arabic = await cardWithText(page, 'حديقة آمنة للأطفال')
    await arabic.getByTestId('read-aloud').click()
    await expect.poll(spoken).toEqual([
      { text: 'Een bankje bij de school', lang: 'nl-NL' },
      { text: 'حديقة آمنة للأطفال', lang: 'ar' },
    ])
    // The Arabic text runs right to left inside the Dutch page.
    expect(await arabic.locator('textarea').evaluate((el) => getComputedStyle(el).direction)).toBe(
      'rtl',
    )
    await page.getByTestId('outline').getByRole('heading', { level: 1 }).focus()
    await screenshot(page, 'outline-desktop.png')
  })

  it('gives a viewer link the list without add, edit or remove', async () => {
    const page = bram.page
    await page.goto(url(tokens.viewer, '?view=outline'))
    await page.getByTestId('outline').waitFor()
    await page.waitForSelector('[data-testid="outline"][data-readonly="true"]')
    await expect
      .poll(() => page.locator('[data-testid="outline"]').innerText())
      .toContain('Een bankje bij de school')
    const outline = page.getByTestId('outline')
    expect(await outline.locator('input, textarea, select').count()).toBe(0)
    expect(await outline.getByRole('button', { name: /toevoegen|weghalen/i }).count()).toBe(0)
    expect(await outline.locator('details').count()).toBe(0)
    // Reading aloud is for everyone.
    expect(await outline.getByTestId('read-aloud').count()).toBeGreaterThan(10)
    await screenshot(page, 'outline-viewer.png')
  })

  it('goes back to the canvas with Escape, without the parameter', async () => {
    const page = anna.page
    await page.getByTestId('outline').getByRole('heading', { level: 1 }).focus()
    await page.keyboard.press('Escape')
    await page.getByTestId('outline').waitFor({ state: 'detached' })
    expect(new URL(page.url()).searchParams.get('view')).toBeNull()
    expect(new URL(page.url()).hash).toBe(`#${tokens.editor}`)
    await expect.poll(() => page.locator('.tlui-layout').isVisible()).toBe(true)
    // Nothing broke in any page. (A file missing for a moment while client/dist is rebuilt by
    // a parallel build is not the outline's error.)
    const errors = [anna, bram, phone]
      .flatMap((p) => p?.errors ?? [])
      .filter((e) => !/Failed to load resource|fetching the script/.test(e))
    expect(errors).toEqual([])
  })
})

/** joinAs, with what the page shows and logs when the board does not come. */
async function join(person: Person, to: string): Promise<void> {
  try {
    await joinAs(person, to)
  } catch (error) {
    await screenshot(person.page, `outline-join-${person.name}.png`)
    const text = await person.page.evaluate(
      () =>
        `editor: ${!!window.editor}, connection: ${document
          .querySelector('[data-connection]')
          ?.getAttribute('data-connection')}, ${document.body.innerText.slice(0, 100)}`,
    )
    throw new Error(`${person.name} did not get the board: ${text} ${person.errors.join('; ')}`, {
      cause: error,
    })
  }
}

/** Presses Tab until the focused element is `testId` (with `label` in its accessible name). */
async function tabTo(page: Page, testId: string, label = ''): Promise<void> {
  for (let i = 0; i < 800; i++) {
    const found = await page.evaluate(
      ([id, text]) => {
        const el = document.activeElement
        if (!el || el.getAttribute('data-testid') !== id) return false
        return (el.getAttribute('aria-label') ?? el.textContent ?? '').includes(text!)
      },
      [testId, label],
    )
    if (found) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${testId} ${label}`)
}

/** The outline card whose text field holds exactly `text`. */
async function cardWithText(page: Page, text: string) {
  const id = await page.waitForFunction((t) => {
    const field = Array.from(
      document.querySelectorAll<HTMLTextAreaElement>('[data-card-id] textarea'),
    ).find((f) => f.value === t)
    return field?.closest('[data-card-id]')?.getAttribute('data-card-id') ?? false
  }, text)
  return page.locator(`[data-card-id="${await id.jsonValue()}"]`)
}
