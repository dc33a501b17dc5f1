import type { Page } from 'playwright-core'
import type { Person } from './browser.js'

/** Waits until the board page has a tldraw editor whose document came from the server. */
export async function waitForBoard(page: Page): Promise<void> {
  await page.waitForFunction(() => !!window.editor, undefined, { timeout: 30_000 })
  await page.waitForSelector('[data-connection="connected"]', { timeout: 30_000 })
}

/** Answers the one-time name question if it is shown, then waits for the board. */
export async function joinAs(person: Person, url: string): Promise<void> {
  await person.page.goto(url)
  const nameInput = person.page.locator('#user-name')
  const board = person.page.locator('.tl-container')
  await nameInput.or(board).first().waitFor({ timeout: 30_000 })
  if (await nameInput.isVisible()) {
    await nameInput.fill(person.name)
    await person.page.getByRole('button', { name: /Meedoen|Join/ }).click()
  }
  await waitForBoard(person.page)
}

export function shapeCount(page: Page): Promise<number> {
  return page.evaluate(() => window.editor!.getCurrentPageShapes().length)
}

/** Draws a rectangle with the mouse, as a person would: pick the tool, then drag. */
export async function drawRectangle(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.keyboard.press('r')
  await page.waitForFunction(() => window.editor!.getCurrentToolId() === 'geo')
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 })
  await page.mouse.move(to.x, to.y, { steps: 5 })
  await page.mouse.up()
}

/** Places a sticky note and types into it once the editor is ready for text. */
export async function addNote(
  page: Page,
  at: { x: number; y: number },
  text: string,
): Promise<void> {
  await page.keyboard.press('Escape')
  await page.keyboard.press('n')
  await page.waitForFunction(() => window.editor!.getCurrentToolId() === 'note')
  await page.mouse.click(at.x, at.y)
  // Typing before the editor has focused the text field scrambles the first letters.
  await page.waitForFunction(() => {
    const editing = window.editor!.getEditingShapeId()
    const active = document.activeElement as HTMLElement | null
    return !!editing && !!active && (active.isContentEditable || active.tagName === 'TEXTAREA')
  })
  await page.keyboard.type(text)
  await page.keyboard.press('Escape')
}

/** Plain text of every note on the page, in creation order. */
export function noteTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const editor = window.editor!
    return editor
      .getCurrentPageShapes()
      .filter((s) => s.type === 'note')
      .map((s) => editor.getShapeUtil(s).getText(s) ?? '')
  })
}
