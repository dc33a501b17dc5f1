/**
 * Edit-to-remote latency between two real browsers through the real server.
 *
 * Person A moves a rectangle N times; person B's store listener stamps the moment each
 * move arrives (and the next painted frame after it). Both browsers run on this machine,
 * so their clocks are the same clock. Moves are sent one at a time (the next after the
 * previous arrived), so the figures are latency, not queueing. Prints a table; this is a
 * benchmark, not a test: it never fails on a number.
 *
 *   pnpm bench            (builds first)    ROUNDS=300 pnpm bench
 */
import { createBoard, percentile } from './support.js'
import { startApp } from '../e2e/support/app.js'
import { joinAs } from '../e2e/support/board.js'
import { launchPerson } from '../e2e/support/browser.js'

const ROUNDS = Number(process.env.ROUNDS ?? 200)

declare global {
  interface Window {
    __arrivals?: Map<number, { store: number; frame?: number }>
  }
}

async function main() {
  const app = await startApp()
  const [a, b] = await Promise.all([launchPerson('A'), launchPerson('B')])
  try {
    const board = await createBoard(app.url, 'Benchmark')
    const link = `${app.url}/b/${board.id}#${board.tokens.editor}`
    await Promise.all([joinAs(a, link), joinAs(b, link)])

    const shapeId = await a.page.evaluate(() => {
      const editor = window.editor!
      editor.createShape({ type: 'geo', x: 100, y: 100, props: { w: 200, h: 120 } })
      return editor.getCurrentPageShapes()[0]!.id as string
    })
    await b.page.waitForFunction(
      (id: string) => window.editor!.getCurrentPageShapeIds().has(id as never),
      shapeId,
    )
    // A side effect runs synchronously inside the remote put (store listeners would only
    // fire on B's next frame), so this stamps the moment the move lands in B's store.
    await b.page.evaluate(() => {
      const arrivals = new Map<number, { store: number; frame?: number }>()
      window.__arrivals = arrivals
      window.editor!.sideEffects.registerAfterChangeHandler('shape', (_prev, next, source) => {
        const seq = (next.meta as { seq?: number }).seq
        if (source !== 'remote' || typeof seq !== 'number' || arrivals.has(seq)) return
        const entry: { store: number; frame?: number } = {
          store: performance.timeOrigin + performance.now(),
        }
        arrivals.set(seq, entry)
        requestAnimationFrame(() => (entry.frame = performance.timeOrigin + performance.now()))
      })
    })

    // A's own listener shows how much of the latency is tldraw's per-frame flush on A.
    await a.page.evaluate(() => {
      const flushed = new Map<number, { store: number }>()
      window.__arrivals = flushed
      window.editor!.store.listen(
        ({ changes }) => {
          const now = performance.timeOrigin + performance.now()
          for (const [, to] of Object.values(changes.updated)) {
            const seq = (to.meta as { seq?: number }).seq
            if (typeof seq === 'number' && !flushed.has(seq)) flushed.set(seq, { store: now })
          }
        },
        { source: 'user', scope: 'document' },
      )
    })

    const sent: number[] = []
    for (let seq = 0; seq < ROUNDS; seq++) {
      sent[seq] = await a.page.evaluate(
        ({ id, seq }) => {
          window.editor!.updateShape({
            id: id as never,
            type: 'geo',
            x: 100 + (seq % 50),
            meta: { seq },
          })
          return performance.timeOrigin + performance.now()
        },
        { id: shapeId, seq },
      )
      await b.page.waitForFunction((s) => window.__arrivals!.get(s)?.frame !== undefined, seq, {
        polling: 5,
      })
    }
    const arrivals = await b.page.evaluate(() => [...window.__arrivals!.entries()])
    const flushes = await a.page.evaluate(() => [...window.__arrivals!.entries()])
    const toFlush = flushes.map(([seq, t]) => t.store - sent[seq]!)
    const toStore = arrivals.map(([seq, t]) => t.store - sent[seq]!)
    const toFrame = arrivals.map(([seq, t]) => t.frame! - sent[seq]!)

    const row = (name: string, xs: number[]) =>
      `| ${name.padEnd(26)} | ${[50, 90, 99].map((p) => percentile(xs, p).toFixed(1).padStart(6)).join(' | ')} | ${Math.max(
        ...xs,
      )
        .toFixed(1)
        .padStart(6)} |`
    console.log(`\nEdit-to-remote latency, 2 Chromium instances, ${ROUNDS} moves, ms`)
    console.log('| measured until             |    p50 |    p90 |    p99 |    max |')
    console.log('|----------------------------|-------:|-------:|-------:|-------:|')
    console.log(row("A's tldraw flushes the edit", toFlush))
    console.log(row("B's store has the move", toStore))
    console.log(row("B's next animation frame", toFrame))
  } finally {
    await Promise.all([a.close(), b.close()])
    await app.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
