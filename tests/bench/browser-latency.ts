/**
 * Edit-to-remote latency between two real browsers through the real server, on a quiet
 * board (see editToRemote.ts for the method; run.ts scenario 5 repeats it with 38 more
 * clients in the room). Prints a table; a benchmark, not a test: it never fails on a number.
 *
 *   npx tsx tests/bench/browser-latency.ts        ROUNDS=300 npx tsx tests/bench/browser-latency.ts
 */
import { createBoard, ms, percentile, printTable } from './support.js'
import { measureEditToRemote } from './editToRemote.js'
import { startApp } from '../e2e/support/app.js'
import { joinAs } from '../e2e/support/board.js'
import { launchPerson } from '../e2e/support/browser.js'

const ROUNDS = Number(process.env.ROUNDS ?? 200)

async function main() {
  const app = await startApp()
  const [a, b] = await Promise.all([launchPerson('A'), launchPerson('B')])
  try {
    const board = await createBoard(app.url, 'Benchmark')
    const link = `${app.url}/b/${board.id}#${board.tokens.editor}`
    await Promise.all([joinAs(a, link), joinAs(b, link)])
    const r = await measureEditToRemote(a, b, ROUNDS)
    const row = (name: string, xs: number[]) => [
      name,
      ...[50, 90, 99].map((p) => ms(percentile(xs, p))),
      ms(Math.max(...xs)),
    ]
    printTable(
      `Edit-to-remote latency, 2 Chromium instances, ${ROUNDS} moves, ms`,
      ['measured until', 'p50', 'p90', 'p99', 'max'],
      [
        row("A's tldraw flushes the edit", r.toFlush),
        row("B's store has the move", r.toStore),
        row("B's next animation frame", r.toFrame),
      ],
    )
  } finally {
    await Promise.all([a.close(), b.close()])
    await app.close()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
