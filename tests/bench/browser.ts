/**
 * Scenario 5, in Chromium against our real app (built client, real server, SQLite):
 * - open: a fresh browser (new profile, so no IndexedDB copy and no service-worker cache)
 *   opens a board of N geo shapes; time from navigation start until all N are in the
 *   editor's store, and until the animation frame after that.
 * - export: `editor.toImage(ids, { format: 'png' })` of E shapes.
 * - latency: browser-to-browser edit latency (editToRemote.ts) with K - 2 Node clients in
 *   the same room, each editing and moving its cursor.
 * Shapes are tldraw geo rectangles: the `wt-*` card shapes are not in the app yet.
 */
import { createBoard, ms, percentile, printTable } from './support.js'
import { measureEditToRemote, type EditToRemote } from './editToRemote.js'
import { openRoom } from './load.js'
import { startApp } from '../e2e/support/app.js'
import { joinAs } from '../e2e/support/board.js'
import { launchPerson, type Person } from '../e2e/support/browser.js'
import type { BenchServer } from './servers.js'

export interface BrowserOptions {
  cards: number
  opens: number
  exportCards: number
  exports: number
  latencyClients: number
  latencyRounds: number
  editHz: number
  cursorHz: number
}

declare global {
  interface Window {
    __open?: Open
  }
}

/** ms since navigation start: the editor exists, all shapes are in its store, next frame. */
interface Open {
  editor?: number
  store?: number
  frame?: number
}

/** A remembered name, so the board opens without the name question. */
const SESSION = JSON.stringify({
  state: { locale: 'nl', user: { id: 'bench-open', name: 'Bench', color: '#1971c2' }, recent: [] },
  version: 1,
})

/** A cold open (fresh profile), then a warm one (same browser: cache, IndexedDB copy). */
async function timeOpen(
  link: string,
  cards: number,
  no: number,
): Promise<{ cold: Open; warm: Open }> {
  const person = await launchPerson(`open${no}`)
  try {
    await person.page.addInitScript(
      ({ session, cards }) => {
        localStorage.setItem('wijktafel-session', session)
        const open: Open = {}
        window.__open = open
        // A timer, not requestAnimationFrame: frames requested this early never ran here.
        const timer = setInterval(() => {
          const editor = window.editor
          if (editor && open.editor === undefined) open.editor = performance.now()
          if (!editor || editor.getCurrentPageShapeIds().size < cards) return
          clearInterval(timer)
          open.store = performance.now()
          requestAnimationFrame(() => (open.frame = performance.now()))
        }, 4)
      },
      { session: SESSION, cards },
    )
    const visit = async () => {
      await person.page.goto(link)
      await person.page.waitForFunction(() => window.__open?.frame !== undefined, undefined, {
        timeout: 120_000,
        polling: 50,
      })
      return (await person.page.evaluate(() => window.__open))!
    }
    const cold = await visit()
    // Leave the page (saving its IndexedDB copy) before opening it again.
    await person.page.goto('about:blank')
    return { cold, warm: await visit() }
  } finally {
    await person.close()
  }
}

/** A new board for A and B, with `others` Node clients at the given rates. */
async function roomLatency(
  url: string,
  a: Person,
  b: Person,
  others: number,
  editHz: number,
  cursorHz: number,
  rounds: number,
): Promise<EditToRemote> {
  const board = await createBoard(url, 'Latency benchmark')
  const link = `${url}/b/${board.id}#${board.tokens.editor}`
  await Promise.all([joinAs(a, link), joinAs(b, link)])
  const server = { kind: 'ours', url } as BenchServer
  const sink = { recording: false, latencies: [] }
  const room = await openRoom(
    server,
    { roomId: board.id, token: board.tokens.editor },
    100,
    { clients: others, editHz, cursorHz },
    sink,
  )
  try {
    room.start()
    const result = await measureEditToRemote(a, b, rounds)
    process.stderr.write(
      `  scenario 5: latency with ${others} clients (${editHz} edits/s, ${cursorHz} cursor/s) done\n`,
    )
    return result
  } finally {
    room.close()
  }
}

export async function runBrowser(o: BrowserOptions): Promise<void> {
  const app = await startApp()
  const people: Person[] = []
  try {
    // A board of N shapes, made by one person in one go.
    const big = await createBoard(app.url, 'Open benchmark')
    const bigLink = `${app.url}/b/${big.id}#${big.tokens.editor}`
    const maker = await launchPerson('maker')
    people.push(maker)
    await joinAs(maker, bigLink)
    await maker.page.evaluate((cards) => {
      const editor = window.editor!
      const shapes = Array.from({ length: cards }, (_, i) => ({
        type: 'geo' as const,
        x: (i % 50) * 260,
        y: Math.floor(i / 50) * 180,
        props: { w: 240, h: 160 },
      }))
      editor.createShapes(shapes)
    }, o.cards)
    // A first fresh open waits until the server has them all; it is a warm-up, not a figure.
    const check = await timeOpen(bigLink, o.cards, 0)
    process.stderr.write(
      `  scenario 5: board of ${o.cards} shapes stored (first open ${ms(check.cold.frame!)} ms)\n`,
    )

    const opens: { cold: Open; warm: Open }[] = []
    for (let i = 1; i <= o.opens; i++) opens.push(await timeOpen(bigLink, o.cards, i))

    const exportMs = await maker.page.evaluate(
      async ({ count, repeats }) => {
        const editor = window.editor!
        const ids = [...editor.getCurrentPageShapeIds()].slice(0, count)
        const times: number[] = []
        for (let i = 0; i < repeats; i++) {
          const start = performance.now()
          await editor.toImage(ids, { format: 'png' })
          times.push(performance.now() - start)
        }
        return times
      },
      { count: o.exportCards, repeats: o.exports },
    )
    process.stderr.write(`  scenario 5: opens and exports done\n`)

    // Browser-to-browser latency: 2 browsers alone, then with K - 2 Node clients that
    // edit, then with K - 2 Node clients that edit and move their cursor.
    const [a, b] = await Promise.all([launchPerson('A'), launchPerson('B')])
    people.push(a, b)
    const others = Math.max(0, o.latencyClients - 2)
    const quiet = await roomLatency(app.url, a, b, 0, 0, 0, o.latencyRounds)
    const edits = await roomLatency(app.url, a, b, others, o.editHz, 0, o.latencyRounds)
    const busy = await roomLatency(app.url, a, b, others, o.editHz, o.cursorHz, o.latencyRounds)

    const row = (name: string, xs: number[]) => [
      name,
      ms(percentile(xs, 50)),
      ms(percentile(xs, 99)),
      ms(Math.max(...xs)),
      String(xs.length),
    ]
    printTable(
      `Scenario 5: Chromium, our app (built client, SQLite server); ms`,
      ['measured', 'p50', 'p99', 'max', 'n'],
      [
        row(
          `cold open: editor mounted`,
          opens.map((t) => t.cold.editor!),
        ),
        row(
          `cold open: ${o.cards} shapes in store`,
          opens.map((t) => t.cold.store!),
        ),
        row(
          `cold open: next frame (full render)`,
          opens.map((t) => t.cold.frame!),
        ),
        row(
          `warm open: editor mounted`,
          opens.map((t) => t.warm.editor!),
        ),
        row(
          `warm open: next frame (full render)`,
          opens.map((t) => t.warm.frame!),
        ),
        row(`PNG export of ${o.exportCards} shapes`, exportMs),
        row(`edit A -> B frame, 2 browsers alone`, quiet.toFrame),
        row(`  of which A's own flush`, quiet.toFlush),
        row(`edit A -> B frame, + ${others} clients editing`, edits.toFrame),
        row(`edit A -> B frame, + ${others} editing + cursors`, busy.toFrame),
        row(`  of which A's own flush`, busy.toFlush),
        row(`  until B's store (before its frame)`, busy.toStore),
      ],
    )
  } finally {
    await Promise.all(people.map((p) => p.close()))
    await app.close()
  }
}
