/**
 * What a page load costs on the wire (issue 14, precompressed files): Chromium loads the
 * start page and a board link from our server; for every script it fetched we add up the
 * bytes it received (with Chromium's own Accept-Encoding) and, from the built client on
 * disk, what the same scripts weigh plain, as gzip and as brotli.
 */
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page, Response } from 'playwright-core'
import { startApp } from '../e2e/support/app.js'
import { joinAs } from '../e2e/support/board.js'
import { launchPerson } from '../e2e/support/browser.js'
import { createBoard, kb, printTable } from './support.js'
import { recordTarget } from './targets.js'

/** The client the server serves: as tests/e2e/support/app.ts picks it. */
const CLIENT_DIST =
  process.env.CLIENT_DIST ||
  join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'client', 'dist')

interface PageLoad {
  page: string
  scripts: string[]
  /** Response bodies as received, summed over the scripts. */
  received: number
  /** How many scripts came as brotli. */
  brotli: number
  plain: number
  gzip: number
  br: number
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : NaN)

/** Records the scripts a page load fetches, until `ready` says the page is usable. */
async function loadScripts(
  page: Page,
  label: string,
  open: () => Promise<void>,
): Promise<PageLoad> {
  const responses: Response[] = []
  const onResponse = (r: Response) => {
    if (r.request().resourceType() === 'script') responses.push(r)
  }
  page.on('response', onResponse)
  await open()
  page.off('response', onResponse)
  const load: PageLoad = {
    page: label,
    scripts: [],
    received: 0,
    brotli: 0,
    plain: 0,
    gzip: 0,
    br: 0,
  }
  for (const response of responses) {
    const path = new URL(response.url()).pathname
    load.scripts.push(path)
    load.received += (await response.request().sizes()).responseBodySize
    if ((await response.headerValue('content-encoding')) === 'br') load.brotli++
    const file = join(CLIENT_DIST, path)
    load.plain += sizeOf(file)
    load.gzip += sizeOf(`${file}.gz`)
    load.br += sizeOf(`${file}.br`)
  }
  return load
}

export async function runTransfer(): Promise<PageLoad[]> {
  const app = await startApp()
  const person = await launchPerson('transfer')
  try {
    const board = await createBoard(app.url, 'Samen aan de slag in De Horst', {
      template: 'example',
      locale: 'nl',
    })
    const page = person.page
    const loads = [
      await loadScripts(page, 'start page (/)', async () => {
        await page.goto(app.url)
        await page.locator('#board-title').waitFor()
      }),
      // A new browser: nothing cached, no service worker yet, as a first visit by phone.
      await (async () => {
        const visitor = await launchPerson('transfer-board')
        try {
          return await loadScripts(visitor.page, 'board link (/b/<id>)', () =>
            joinAs(visitor, `${app.url}/b/${board.id}#${board.tokens.editor}`),
          )
        } finally {
          await visitor.close()
        }
      })(),
    ]
    printTable(
      'Transfer: JavaScript per page load (Chromium, first visit)',
      ['page', 'scripts', 'received', 'plain', 'gzip -9', 'brotli 11', 'br / plain', 'sent as br'],
      loads.map((l) => [
        l.page,
        String(l.scripts.length),
        `${kb(l.received)} kB`,
        `${kb(l.plain)} kB`,
        `${kb(l.gzip)} kB`,
        `${kb(l.br)} kB`,
        `${(l.br / l.plain).toFixed(2)}x`,
        `${l.brotli} of ${l.scripts.length}`,
      ]),
    )
    for (const l of loads) {
      recordTarget({
        target: `JavaScript sent for ${l.page}, precompressed`,
        ours: `${kb(l.received)} kB`,
        reference: `${kb(l.plain)} kB (uncompressed, as before)`,
        ratio: l.received / l.plain,
        limit: 'brotli/gzip built at build time',
        met: l.brotli === l.scripts.length && l.received < l.plain / 2,
      })
    }
    return loads
  } finally {
    await person.close()
    await app.close()
  }
}
