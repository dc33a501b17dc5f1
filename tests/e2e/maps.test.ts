import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { INTEREST_CATEGORIES, PARTICIPANT_KINDS } from '@wijktafel/shared'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard } from '../bench/support.js'
import { startApp, type RunningApp } from './support/app.js'
import { joinAs } from './support/board.js'
import { ARTIFACTS, launchPerson, screenshot, type Person } from './support/browser.js'

/**
 * The two maps of the Dazo approach, as a facilitator and a participant use them: a board
 * from the belangenkaart template, cards added from the palette, seen by the other person
 * with the right pictograms; and pictures of the filled-in example maps.
 */
describe('the belangenkaart and partnerschapskaart in real browsers', () => {
  let app: RunningApp
  let facilitator: Person
  let participant: Person

  beforeAll(async () => {
    app = await startApp()
    ;[facilitator, participant] = await Promise.all([
      launchPerson('Marieke'),
      launchPerson('Karim'),
    ])
  })

  afterAll(async () => {
    await Promise.all([facilitator, participant].map((p) => p?.close()))
    await app?.close()
  })

  it('a participant and three interests added from the palette reach the other person with their pictograms', async () => {
    const page = facilitator.page
    await page.goto(app.url)
    await page.getByLabel('Naam van het bord').fill('Belangenkaart De Horst')
    await page.getByRole('radio', { name: /^Belangenkaart/ }).check()
    await page.getByRole('button', { name: 'Bord maken' }).click()
    await page.waitForURL(/\/b\//)
    await joinAs(facilitator, page.url())
    await page.waitForFunction(() => window.editor!.getCurrentPageShapes().length > 5)
    await screenshot(page, 'belangenkaart-template.png')

    await page.getByRole('button', { name: 'Delen' }).click()
    const editorLink = await page.getByTestId('editor-link').locator('input').inputValue()
    await page.getByRole('button', { name: 'Sluiten' }).click()
    await joinAs(participant, editorLink)

    // Make room to the right of the template and place a participant there.
    await page.evaluate(() => {
      const editor = window.editor!
      const bounds = editor.getCurrentPageBounds()!
      editor.zoomToBounds(
        { x: bounds.maxX + 200, y: bounds.y, w: 1400, h: 900 },
        { animation: { duration: 0 } },
      )
    })
    await page.getByRole('button', { name: 'Deelnemer', exact: true }).click()
    await page.mouse.click(500, 420)
    await typeIntoEditingCard(page, 'Ahmed')
    const participantId = await page.evaluate(
      () => window.editor!.getOnlySelectedShapeId() ?? window.editor!.getEditingShapeId(),
    )
    expect(participantId).toMatch(/^shape:/)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')

    const wanted = [
      { category: 'halen', label: 'Kom halen', text: 'Meer klanten op het plein' },
      { category: 'brengen', label: 'Kom brengen', text: 'Een leerwerkplek' },
      { category: 'zorg', label: 'Zorg of voorwaarde', text: 'Geen overlast' },
    ] as const
    for (const [i, interest] of wanted.entries()) {
      type Point = { x: number; y: number }
      const at = await page.evaluate<Point, { id: string; i: number }>(
        ({ id, i }) => {
          const editor = window.editor!
          const box = editor.getShapePageBounds(id as never)!
          const x = box.x + (i % 2 === 0 ? 0.27 : 0.73) * box.w
          const y = box.y + (i < 2 ? 0.42 : 0.8) * box.h
          const screen = editor.pageToScreen({ x, y })
          return { x: screen.x, y: screen.y }
        },
        { id: participantId!, i },
      )
      await page.getByRole('button', { name: 'Belang', exact: true }).click()
      await page.mouse.click(at.x, at.y)
      await typeIntoEditingCard(page, interest.text)
      await page.getByRole('button', { name: interest.label }).click()
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
    }
    await screenshot(page, 'belangenkaart-cards-added.png')

    // The other person sees the same cards, owned by the participant, with the pictograms.
    type Seen = {
      name: string | undefined
      interests: { category: string; text: string; participantId: string }[]
    }
    const seen = () =>
      participant.page.evaluate<Seen, string>((pid) => {
        const editor = window.editor!
        const shapes = editor.getCurrentPageShapes()
        const owner = shapes.find((s) => s.id === pid) as { props: { name: string } } | undefined
        const interests = shapes
          .filter((s) => s.type === 'wt-interest' && s.parentId === pid)
          .map((s) => s.props as Seen['interests'][number])
        return { name: owner?.props.name, interests }
      }, participantId!)
    await expect.poll(async () => (await seen()).interests.length, { timeout: 15_000 }).toBe(3)
    const result = await seen()
    expect(result.name).toBe('Ahmed')
    expect(result.interests.map((i) => [i.category, i.text]).sort()).toEqual(
      wanted.map((w) => [w.category, w.text]).sort(),
    )
    expect(result.interests.every((i) => i.participantId === participantId)).toBe(true)

    await participant.page.evaluate<void, string>((pid) => {
      const editor = window.editor!
      editor.zoomToBounds(editor.getShapePageBounds(pid as never)!, {
        animation: { duration: 0 },
        inset: 40,
      })
    }, participantId!)
    for (const w of wanted) {
      const icon = INTEREST_CATEGORIES.find((c) => c.id === w.category)!.icon
      const count = await participant.page
        .locator(`[data-shape-type="wt-interest"] svg.lucide-${icon}`)
        .count()
      expect(count, `pictogram ${icon} of "${w.label}"`).toBeGreaterThan(0)
    }
    const kind = await participant.page.evaluate<string, string>(
      (pid) => (window.editor!.getShape(pid as never)!.props as { kind: string }).kind,
      participantId!,
    )
    const kindIcon = PARTICIPANT_KINDS.find((k) => k.id === kind)!.icon
    expect(
      await participant.page
        .locator(`[data-shape-id="${participantId}"] svg.lucide-${kindIcon}`)
        .count(),
      `pictogram ${kindIcon} of the participant kind ${kind}`,
    ).toBeGreaterThan(0)
    await screenshot(participant.page, 'belangenkaart-seen-by-participant.png')
  })

  it('the filled-in example maps render and export as pictures', async () => {
    const board = await createBoard(app.url, 'Samen aan de slag in De Horst', {
      template: 'example',
      locale: 'nl',
    })
    const page = facilitator.page
    await joinAs(facilitator, `${app.url}/b/${board.id}#${board.tokens.facilitator}`)
    const pages = await page.evaluate(() => window.editor!.getPages().map((p) => p.id as string))
    expect(pages).toHaveLength(3) // the two maps and the road (tests/e2e/road.test.ts)
    for (const [i, name] of ['belangenkaart', 'partnerschapskaart'].entries()) {
      await page.evaluate<void, string>((id) => {
        const editor = window.editor!
        editor.setCurrentPage(id as never)
        editor.zoomToFit({ animation: { duration: 0 } })
      }, pages[i]!)
      await page.waitForFunction(() => window.editor!.getCurrentPageShapes().length > 10)
      await screenshot(page, `example-${name}-screen.png`)
      const png = await exportPage(page)
      expect(png.length).toBeGreaterThan(50_000)
      await writeFile(join(ARTIFACTS, `example-${name}.png`), png)
    }
  })
})

/** Types into the card the editor is editing, once its text field has the focus. */
async function typeIntoEditingCard(page: Page, text: string): Promise<void> {
  await page.waitForFunction(() => {
    const active = document.activeElement as HTMLElement | null
    return (
      !!window.editor!.getEditingShapeId() &&
      !!active &&
      (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' || active.isContentEditable)
    )
  })
  await page.keyboard.type(text)
}

/** tldraw's own image export of the current page, as PNG bytes. */
async function exportPage(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const editor = window.editor!
    const ids = [...editor.getCurrentPageShapeIds()]
    const { blob } = await editor.toImage(ids, { format: 'png', background: true, pixelRatio: 1 })
    const bytes = new Uint8Array(await blob.arrayBuffer())
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    }
    return btoa(binary)
  })
  return Buffer.from(base64, 'base64')
}
