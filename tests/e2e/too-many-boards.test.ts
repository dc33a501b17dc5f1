import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './support/app.js'
import { launchPerson, screenshot, type Person } from './support/browser.js'

const WAIT =
  'Er zijn net veel borden gemaakt vanaf dit netwerk. Probeer het over 15 minuten opnieuw.'

describe('too many boards from one network', () => {
  let app: RunningApp
  let person: Person

  beforeAll(async () => {
    // Two boards in a row, then one every 15 minutes.
    app = await startApp({ boardBurstPerIp: 2, boardsPerIpPerHour: 4 })
    person = await launchPerson('facilitator', { width: 390, height: 844 })
  }, 60_000)

  afterAll(async () => {
    await person?.close()
    await app?.close()
  })

  it('the start page says in plain words when to try again, for a new board and for an import', async () => {
    // Someone else at the same router made two boards just now.
    for (const title of ['Tafel 1', 'Tafel 2']) {
      const res = await fetch(`${app.url}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title }),
      })
      expect(res.status).toBe(201)
    }
    const { page } = person
    await page.goto(app.url)
    await page.locator('#board-title').fill('Samen aan de slag in De Horst')
    await page.getByRole('button', { name: 'Bord maken' }).click()
    const alert = page.locator('#board-title-error')
    await alert.waitFor({ timeout: 15_000 })
    expect(await alert.textContent()).toBe(WAIT)
    expect(await alert.getAttribute('role')).toBe('alert')
    // The button is usable again: the person can try later without reloading.
    expect(await page.getByRole('button', { name: 'Bord maken' }).isEnabled()).toBe(true)

    await page.getByTestId('import-file').setInputFiles({
      name: 'de-horst.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{}'),
    })
    const importError = page.locator('.wt-import-error')
    await importError.waitFor({ timeout: 15_000 })
    expect(await importError.textContent()).toContain(WAIT)
    await screenshot(page, 'too-many-boards-phone.png')
    await page.setViewportSize({ width: 1920, height: 1080 })
    await screenshot(page, 'too-many-boards-projector.png')
    expect(person.errors.filter((e) => !e.includes('429'))).toEqual([])
    expect(app.server.store.countBoards()).toBe(2)
  })
})
