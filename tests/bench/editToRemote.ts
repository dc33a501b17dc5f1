/**
 * Edit-to-remote latency between two real browsers on one board: person A moves a
 * rectangle `rounds` times, one move at a time (the next after the previous arrived, so
 * the figures are latency, not queueing); person B's side effect stamps the moment each
 * move lands in B's store, and the next animation frame after it. Both browsers run on
 * this machine, so their clocks are the same clock.
 */
import type { Person } from '../e2e/support/browser.js'

declare global {
  interface Window {
    __arrivals?: Map<number, { store: number; frame?: number }>
  }
}

export interface EditToRemote {
  /** Until A's tldraw flushed the edit (A's own store listener). */
  toFlush: number[]
  /** Until the move is in B's store. */
  toStore: number[]
  /** Until B's next animation frame after that. */
  toFrame: number[]
}

export async function measureEditToRemote(
  a: Person,
  b: Person,
  rounds: number,
): Promise<EditToRemote> {
  const shapeId = await a.page.evaluate(() => {
    const editor = window.editor!
    const before = new Set(editor.getCurrentPageShapeIds())
    editor.createShape({ type: 'geo', x: 100, y: 100, props: { w: 200, h: 120 } })
    return [...editor.getCurrentPageShapeIds()].find((id) => !before.has(id))! as string
  })
  await b.page.waitForFunction(
    (id: string) => window.editor!.getCurrentPageShapeIds().has(id as never),
    shapeId,
    { timeout: 30_000 },
  )
  // A side effect runs synchronously inside the remote put (store listeners would only
  // fire on B's next frame), so this stamps the moment the move lands in B's store.
  await b.page.evaluate(() => {
    const arrivals = new Map<number, { store: number; frame?: number }>()
    window.__arrivals = arrivals
    window.editor!.sideEffects.registerAfterChangeHandler('shape', (_prev, next, source) => {
      const seq = (next.meta as { probeSeq?: number }).probeSeq
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
          const seq = (to.meta as { probeSeq?: number }).probeSeq
          if (typeof seq === 'number' && !flushed.has(seq)) flushed.set(seq, { store: now })
        }
      },
      { source: 'user', scope: 'document' },
    )
  })

  const sent: number[] = []
  for (let seq = 0; seq < rounds; seq++) {
    sent[seq] = await a.page.evaluate(
      ({ id, seq }) => {
        window.editor!.updateShape({
          id: id as never,
          type: 'geo',
          x: 100 + (seq % 50),
          meta: { probeSeq: seq },
        })
        return performance.timeOrigin + performance.now()
      },
      { id: shapeId, seq },
    )
    await b.page.waitForFunction((s) => window.__arrivals!.get(s)?.frame !== undefined, seq, {
      polling: 5,
      timeout: 30_000,
    })
  }
  const arrivals = await b.page.evaluate(() => [...window.__arrivals!.entries()])
  const flushes = await a.page.evaluate(() => [...window.__arrivals!.entries()])
  return {
    toFlush: flushes.map(([seq, t]) => t.store - sent[seq]!),
    toStore: arrivals.map(([seq, t]) => t.store - sent[seq]!),
    toFrame: arrivals.map(([seq, t]) => t.frame! - sent[seq]!),
  }
}
