/**
 * Scenario 5, in Chromium against our real app (built client, real server, SQLite):
 * - open: a fresh browser (new profile, so no IndexedDB copy and no service-worker cache)
 *   opens a board of N geo shapes; time from navigation start until all N are in the
 *   editor's store, and until the animation frame after that.
 * - export: `editor.toImage(ids, { format: 'png' })` of E shapes.
 * - latency: browser-to-browser edit latency (editToRemote.ts) with K - 2 Node clients in
 *   the same room, each editing and moving its cursor.
 * - the same for a board of our own cards (browserCards.ts), beside the rectangles; frame
 *   times while panning and zooming over our cards and over tldraw notes; our own PNG and
 *   SVG export (as "Bewaren → afbeelding" makes them) of cards and of rectangles. Each
 *   target of issue 14 goes to the targets table (targets.ts).
 */
import { createBoard, ms, percentile, printTable } from './support.js'
import { measureEditToRemote, type EditToRemote } from './editToRemote.js'
import { openRoom } from './load.js'
import { startApp } from '../e2e/support/app.js'
import { joinAs } from '../e2e/support/board.js'
import { launchPerson, type Person } from '../e2e/support/browser.js'
import type { BenchServer } from './servers.js'
import { fillBoard, launchUncapped, timeExport, timePan, type BoardKind } from './browserCards.js'
import { recordTarget } from './targets.js'

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

/** The median of some figures. */
const median = (xs: number[]) => percentile(xs, 50)

/** Knobs of the card figures (run.ts passes the older ones in BrowserOptions). */
const PAN_CARDS = Number(process.env.S5_PAN_CARDS ?? 500)
const PAN_FRAMES = Number(process.env.S5_PAN_FRAMES ?? 240)
const PAN_RUNS = Number(process.env.S5_PAN_RUNS ?? 3)
/** S5_LATENCY=0 leaves out the browser-to-browser latency (a quicker run of the card figures). */
const LATENCY = process.env.S5_LATENCY !== '0'

/** A new board with `count` shapes of `kind`, made by a person who stays on it. */
async function makeBoard(
  url: string,
  kind: BoardKind,
  count: number,
  maker: Person,
): Promise<string> {
  const board = await createBoard(url, `Benchmark ${kind} ${count}`)
  const link = `${url}/b/${board.id}#${board.tokens.editor}`
  await joinAs(maker, link)
  await fillBoard(maker.page, kind, count)
  // A first fresh open waits until the server has them all; it is a warm-up, not a figure.
  const check = await timeOpen(link, count, 0)
  process.stderr.write(
    `  scenario 5: board of ${count} ${kind} stored (first open ${ms(check.cold.frame!)} ms)\n`,
  )
  return link
}

/** Median frame time of PAN_RUNS pans over each board, alternating, in fresh browsers. */
async function panFrames(links: Record<'cards' | 'note', string>) {
  const frames: Record<'cards' | 'note', number[]> = { cards: [], note: [] }
  for (let run = 0; run < PAN_RUNS; run++) {
    for (const kind of ['note', 'cards'] as const) {
      const person = await launchUncapped(`pan-${kind}`)
      try {
        await joinAs(person, links[kind])
        await person.page.waitForFunction(
          (n) => window.editor!.getCurrentPageShapeIds().size >= n,
          PAN_CARDS,
          { timeout: 60_000 },
        )
        frames[kind].push(...(await timePan(person.page, PAN_FRAMES)))
      } finally {
        await person.close()
      }
    }
  }
  return frames
}

export async function runBrowser(o: BrowserOptions): Promise<void> {
  const app = await startApp()
  const people: Person[] = []
  try {
    // Boards of N shapes, each made by one person in one go: plain rectangles (the
    // reference) and our own cards; for panning, N' tldraw notes and N' cards.
    const [maker, cardMaker] = await Promise.all([launchPerson('maker'), launchPerson('cards')])
    people.push(maker, cardMaker)
    const bigLink = await makeBoard(app.url, 'geo', o.cards, maker)
    const cardsLink = await makeBoard(app.url, 'cards', o.cards, cardMaker)

    const opens: { cold: Open; warm: Open }[] = []
    const cardOpens: { cold: Open; warm: Open }[] = []
    for (let i = 1; i <= o.opens; i++) {
      opens.push(await timeOpen(bigLink, o.cards, i))
      cardOpens.push(await timeOpen(cardsLink, o.cards, i))
    }

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
    const geoExport = await timeExport(maker.page, o.exportCards, o.exports)
    const cardExport = await timeExport(cardMaker.page, o.exportCards, o.exports)
    process.stderr.write(`  scenario 5: opens and exports done\n`)

    const panPeople = await Promise.all([launchPerson('pan-notes'), launchPerson('pan-cards')])
    people.push(...panPeople)
    const panLinks = {
      note: await makeBoard(app.url, 'note', PAN_CARDS, panPeople[0]),
      cards: await makeBoard(app.url, 'cards', PAN_CARDS, panPeople[1]),
    }
    const pan = await panFrames(panLinks)
    process.stderr.write(`  scenario 5: pan and zoom done\n`)

    // Browser-to-browser latency: 2 browsers alone, then with K - 2 Node clients that
    // edit, then with K - 2 Node clients that edit and move their cursor.
    let latency: { quiet: EditToRemote; edits: EditToRemote; busy: EditToRemote } | null = null
    const others = Math.max(0, o.latencyClients - 2)
    if (LATENCY) {
      const [a, b] = await Promise.all([launchPerson('A'), launchPerson('B')])
      people.push(a, b)
      latency = {
        quiet: await roomLatency(app.url, a, b, 0, 0, 0, o.latencyRounds),
        edits: await roomLatency(app.url, a, b, others, o.editHz, 0, o.latencyRounds),
        busy: await roomLatency(app.url, a, b, others, o.editHz, o.cursorHz, o.latencyRounds),
      }
    }

    const row = (name: string, xs: number[]) => [
      name,
      ms(percentile(xs, 50)),
      ms(percentile(xs, 99)),
      ms(Math.max(...xs)),
      String(xs.length),
    ]
    const size = cardExport.pngSize
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
        row(
          `cold open, ${o.cards} of our cards: in store`,
          cardOpens.map((t) => t.cold.store!),
        ),
        row(
          `cold open, ${o.cards} of our cards: full render`,
          cardOpens.map((t) => t.cold.frame!),
        ),
        row(
          `warm open, ${o.cards} of our cards: full render`,
          cardOpens.map((t) => t.warm.frame!),
        ),
        row(`frame while panning/zooming ${PAN_CARDS} tldraw notes`, pan.note),
        row(`frame while panning/zooming ${PAN_CARDS} of our cards`, pan.cards),
        row(`PNG export of ${o.exportCards} shapes (tldraw toImage)`, exportMs),
        row(`PNG export of ${o.exportCards} rectangles (ours)`, geoExport.png),
        row(`PNG export of ${o.exportCards} of our cards`, cardExport.png),
        row(`SVG export of ${o.exportCards} rectangles (ours)`, geoExport.svg),
        row(`SVG export of ${o.exportCards} of our cards`, cardExport.svg),
        ...(latency
          ? [
              row(`edit A -> B frame, 2 browsers alone`, latency.quiet.toFrame),
              row(`  of which A's own flush`, latency.quiet.toFlush),
              row(`edit A -> B frame, + ${others} clients editing`, latency.edits.toFrame),
              row(`edit A -> B frame, + ${others} editing + cursors`, latency.busy.toFrame),
              row(`  of which A's own flush`, latency.busy.toFlush),
              row(`  until B's store (before its frame)`, latency.busy.toStore),
            ]
          : []),
      ],
    )
    process.stdout.write(
      `PNG of ${o.exportCards} cards: ${size.width} x ${size.height} px, ${(size.bytes / 1e6).toFixed(1)} MB\n`,
    )

    const seconds = (x: number) => `${(x / 1000).toFixed(2)} s`
    const open = median(cardOpens.map((t) => t.cold.frame!))
    const openRef = median(opens.map((t) => t.cold.frame!))
    recordTarget({
      target: `cold open of ${o.cards} of our cards to full render`,
      ours: seconds(open),
      reference: `${seconds(openRef)} (${o.cards} rectangles)`,
      ratio: open / 1500,
      limit: '≤ 1.5 s',
      met: open <= 1500,
    })
    const frame = median(pan.cards)
    const frameRef = median(pan.note)
    recordTarget({
      target: `frame while panning/zooming ${PAN_CARDS} of our cards (median)`,
      ours: `${ms(frame)} ms`,
      reference: `${ms(frameRef)} ms (${PAN_CARDS} tldraw notes)`,
      ratio: frame / frameRef,
      limit: '≤ 1.3× notes',
      met: frame <= 1.3 * frameRef,
    })
    for (const [format, limit] of [
      ['png', 2000],
      ['svg', 1000],
    ] as const) {
      const ours = median(cardExport[format])
      recordTarget({
        target: `${format.toUpperCase()} export of ${o.exportCards} of our cards`,
        ours: seconds(ours),
        reference: `${seconds(median(geoExport[format]))} (${o.exportCards} rectangles)`,
        ratio: ours / limit,
        limit: `≤ ${limit / 1000} s`,
        met: ours <= limit,
      })
    }
  } finally {
    await Promise.all(people.map((p) => p.close()))
    await app.close()
  }
}
