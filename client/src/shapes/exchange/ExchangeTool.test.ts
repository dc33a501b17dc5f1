// @vitest-environment jsdom
import { PARTICIPANT_SHAPE, type ExchangeType } from '@wijktafel/shared'
import type { Editor, TLArrowBinding, TLArrowShape, TLShapeId, VecLike } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestEditor,
  dragFromTo,
  placeWithTool,
  pressAndMove,
  pressEscape,
} from '../testing/createTestEditor'
import { EXCHANGE_TOOL, rememberExchangeType } from './ExchangeTool'

let editor: Editor
beforeEach(() => {
  editor = createTestEditor()
})
afterEach(() => {
  editor.dispose()
})

/** Three participants, each 640 wide and 584 high: A and B side by side, C under them. */
const A = { x: 400, y: 400 }
const B = { x: 1500, y: 400 }
const C = { x: 950, y: 1250 }

function participants() {
  const ids = [A, B, C].map((at) => placeWithTool(editor, PARTICIPANT_SHAPE, at).id)
  pressEscape(editor)
  editor.selectNone()
  return ids
}

/** Every arrow on the page with its exchange type (undefined for a plain arrow) and ends. */
function arrows() {
  return editor
    .getCurrentPageShapes()
    .filter((s): s is TLArrowShape => s.type === 'arrow')
    .map((arrow) => {
      const ends = editor.getBindingsFromShape<TLArrowBinding>(arrow, 'arrow')
      const end = (terminal: 'start' | 'end') =>
        ends.find((b) => b.props.terminal === terminal)?.toId
      return {
        exchangeType: arrow.meta.wt === 'exchange' ? arrow.meta.exchangeType : undefined,
        from: end('start'),
        to: end('end'),
      }
    })
}

function drawExchange(type: ExchangeType, from: VecLike, to: VecLike) {
  rememberExchangeType(editor, type)
  dragFromTo(editor, from, to)
}

describe('the exchange tool', () => {
  it('with the tool lock on, every arrow drawn is an exchange of the type picked for it', () => {
    const [a, b, c] = participants() as [TLShapeId, TLShapeId, TLShapeId]
    editor.updateInstanceState({ isToolLocked: true })
    editor.setCurrentTool(EXCHANGE_TOOL)

    drawExchange('tijd', A, B)
    drawExchange('geld', B, C)
    drawExchange('kennis', C, A)

    expect(arrows()).toEqual([
      { exchangeType: 'tijd', from: a, to: b },
      { exchangeType: 'geld', from: b, to: c },
      { exchangeType: 'kennis', from: c, to: a },
    ])
    expect(editor.getCurrentToolId()).toBe(EXCHANGE_TOOL)
  })

  it('without the tool lock, hands over to select after one exchange', () => {
    participants()
    editor.setCurrentTool(EXCHANGE_TOOL)

    drawExchange('ruimte', A, B)

    expect(arrows().map((a) => a.exchangeType)).toEqual(['ruimte'])
    expect(editor.getCurrentToolId()).toBe('select')
  })

  it('Escape while drawing drops that arrow and keeps the exchange tool for the next one', () => {
    const [a, b] = participants() as [TLShapeId, TLShapeId, TLShapeId]
    editor.setCurrentTool(EXCHANGE_TOOL)

    pressAndMove(editor, A, C)
    expect(editor.getCurrentToolId()).toBe(EXCHANGE_TOOL)
    pressEscape(editor)
    drawExchange('data', A, B)

    expect(editor.getCurrentToolId()).toBe('select')
    expect(arrows()).toEqual([{ exchangeType: 'data', from: a, to: b }])
  })
})
