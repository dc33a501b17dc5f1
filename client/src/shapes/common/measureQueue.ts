/**
 * Layout reads of many cards in one go. A card that reads its own size in its layout effect
 * forces the browser to lay out the page again whenever something was written since the
 * last read, and tldraw writes each shape container's size and position in the parent's
 * layout effect, right after the card's own: on a board of 2,000 cards that was 2,000
 * layouts of the whole board on opening it (15 of 39 s in a CPU profile) [1].
 *
 * Here every read of a frame runs first, then every write they asked for: one layout.
 */

/** Reads layout; may return what to write once every read of this frame is done. */
export type Measure = () => (() => void) | void

const queue = new Map<object, Measure>()
let frame = 0

/** Runs `measure` on the next animation frame, once per `key` however often it is asked. */
export function scheduleMeasure(key: object, measure: Measure): () => void {
  queue.set(key, measure)
  if (!frame) frame = requestAnimationFrame(flush)
  return () => {
    if (queue.get(key) === measure) queue.delete(key)
  }
}

function flush(): void {
  frame = 0
  const measures = [...queue.values()]
  queue.clear()
  const writes: (() => void)[] = []
  for (const measure of measures) {
    const write = measure()
    if (write) writes.push(write)
  }
  for (const write of writes) write()
}

// [1] The same pattern as tldraw's own text measurement: read everything, then write. A
//     measure that finds its card not laid out yet schedules itself again for the next frame.
