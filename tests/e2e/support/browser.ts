import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts')

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * One simulated person: their own Chromium instance with a fresh profile. One instance
 * per person because tldraw flushes changes on animation frames, which a background tab
 * throttles to a crawl.
 */
export interface Person {
  name: string
  context: BrowserContext
  page: Page
  /** Every URL this person's browser requested, to prove nothing leaves for another host. */
  requests: string[]
  /** Console errors and page errors, to fail loudly on a crash in the page. */
  errors: string[]
  close(): Promise<void>
}

export async function launchPerson(
  name: string,
  viewport = { width: 1280, height: 800 },
): Promise<Person> {
  const userDataDir = await mkdtemp(join(tmpdir(), `wijktafel-${name}-`))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport,
    locale: 'nl-NL',
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const requests: string[] = []
  const errors: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  page.on('websocket', (ws) => requests.push(ws.url()))
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`)
  })
  return {
    name,
    context,
    page,
    requests,
    errors,
    async close() {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    },
  }
}

export async function screenshot(page: Page, file: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, file)
  await page.screenshot({ path })
  return path
}
