/**
 * What the UpdateGuard's shadow costs a room in memory (issue 14): the heap of a 2,000-card
 * board of our cards (wt-interest, see refusals.ts) loaded as a room loads it (from its
 * stored state), without and with its UpdateGuard. Runs in this process, no server.
 *
 *   npx tsx --conditions=source tests/bench/memory.ts
 *   MEMORY_CARDS=10000 npx tsx --conditions=source tests/bench/memory.ts
 */
import { pathToFileURL } from 'node:url'
import * as Y from 'yjs'
import { createBoardSchema } from '../../server/src/records/boardSchema.js'
import { UpdateGuard } from '../../server/src/rooms/UpdateGuard.js'
import { createRuleChain } from '../../server/src/rules/index.js'
import { heap } from './docLayout.js'
import { cardBoard } from './refusals.js'
import { kb, knob, mb, printTable } from './support.js'
import { printTargets, recordTarget } from './targets.js'

/** Heap bytes that `make` keeps alive, median of three. */
function retained(make: () => unknown): number {
  const sizes: number[] = []
  for (let i = 0; i < 3; i++) {
    const before = heap()
    let kept: unknown = make()
    sizes.push(heap() - before)
    if (kept) kept = null
  }
  return sizes.sort((a, b) => a - b)[1]!
}

export function runMemory(cards: number): void {
  const state = Y.encodeStateAsUpdate(cardBoard(cards))
  const rules = createRuleChain(createBoardSchema(), { maxBoardBytes: Number.MAX_SAFE_INTEGER })
  const load = () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, state)
    return doc
  }
  const docOnly = retained(load)
  const withGuard = retained(() => {
    const doc = load()
    return [doc, new UpdateGuard(doc, rules, { boardId: 'memory', storedBytes: () => 0 })]
  })
  printTable(
    `Room memory, a board of ${cards} cards (${kb(state.length)} KB stored), heap retained`,
    ['what', 'heap MB', 'vs the doc'],
    [
      ['the doc alone', mb(docOnly), '1.00x'],
      [
        'the doc and its UpdateGuard (shadow)',
        mb(withGuard),
        `${(withGuard / docOnly).toFixed(2)}x`,
      ],
    ],
  )
  recordTarget({
    target: `room heap with its update guard, ${cards} cards`,
    ours: `${mb(withGuard)} MB`,
    reference: `${mb(docOnly)} MB (the doc alone)`,
    ratio: withGuard / docOnly,
    limit: '≤ 2.1× (the shadow is a second doc: README)',
    met: withGuard / docOnly <= 2.1,
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runMemory(knob('MEMORY_CARDS', 2000))
  printTargets('this machine')
}
