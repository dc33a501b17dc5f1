// @vitest-environment jsdom
import {
  EXPECTATION_SHAPE,
  INTEREST_SHAPE,
  PARTICIPANT_SHAPE,
  ROLE_SHAPE,
  RULE_SHAPE,
  ZONE_SHAPE,
} from '@wijktafel/shared'
import { createShapeId, type Editor, type TLShapeId, type TLShapePartial } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXCHANGE_TOOL, rememberExchangeType } from '../exchange/ExchangeTool'
import {
  createTestEditor,
  dragFromTo,
  placeWithTool,
  pressEscape,
  shapeOf,
} from '../testing/createTestEditor'

let editor: Editor
beforeEach(() => {
  editor = createTestEditor()
})
afterEach(() => {
  editor.dispose()
})

/** Participant A spans x 80–720, y 108–692 (its header band is the top 140); B is to its right. */
const A = { x: 400, y: 400 }
const A_HEADER = { x: 400, y: 150 }
const B = { x: 1200, y: 400 }

function pageCentre(id: TLShapeId) {
  const { x, y } = editor.getShapePageBounds(id)!.center
  return { x, y }
}

describe('participant', () => {
  it('a click with the interest tool inside a participant makes an interest of theirs', () => {
    const participant = placeWithTool(editor, PARTICIPANT_SHAPE, A)
    const placed = placeWithTool(editor, INTEREST_SHAPE, { x: 300, y: 400 })

    const interest = shapeOf(editor, placed.id, INTEREST_SHAPE)
    expect(interest.parentId).toBe(participant.id)
    expect(interest.props.participantId).toBe(participant.id)
    expect(interest.props.shared).toBe(false)
    expect(pageCentre(interest.id)).toEqual({ x: 300, y: 400 })
  })

  it('dragged by its header, a participant takes its interests along', () => {
    const participant = placeWithTool(editor, PARTICIPANT_SHAPE, A)
    const one = placeWithTool(editor, INTEREST_SHAPE, { x: 250, y: 350 })
    const two = placeWithTool(editor, INTEREST_SHAPE, { x: 550, y: 550 })

    pressEscape(editor)
    dragFromTo(editor, A_HEADER, { x: A_HEADER.x + 300, y: A_HEADER.y + 200 })

    expect(pageCentre(participant.id)).toEqual({ x: A.x + 300, y: A.y + 200 })
    expect(pageCentre(one.id)).toEqual({ x: 550, y: 550 })
    expect(pageCentre(two.id)).toEqual({ x: 850, y: 750 })
    for (const interest of [one, two]) {
      expect(editor.getShape(interest.id)).toEqual(interest) // still theirs, same place in it
    }
  })

  it('nudged with the arrow keys, a participant takes its interests along', () => {
    const participant = placeWithTool(editor, PARTICIPANT_SHAPE, A)
    const interest = placeWithTool(editor, INTEREST_SHAPE, { x: 300, y: 400 })

    editor.nudgeShapes([participant.id], { x: 10, y: -20 })

    expect(pageCentre(interest.id)).toEqual({ x: 310, y: 380 })
  })

  it('an interest dragged onto another participant becomes that participant’s', () => {
    const a = placeWithTool(editor, PARTICIPANT_SHAPE, A)
    const b = placeWithTool(editor, PARTICIPANT_SHAPE, B)
    const placed = placeWithTool(editor, INTEREST_SHAPE, { x: 300, y: 400 })
    expect(placed.parentId).toBe(a.id)

    pressEscape(editor)
    dragFromTo(editor, { x: 300, y: 400 }, { x: 1200, y: 450 })

    const interest = shapeOf(editor, placed.id, INTEREST_SHAPE)
    expect(interest.parentId).toBe(b.id)
    expect(interest.props.participantId).toBe(b.id)
    expect(pageCentre(interest.id)).toEqual({ x: 1200, y: 450 })
  })

  it('an interest dragged out onto the empty canvas leaves the area but keeps its owner', () => {
    const participant = placeWithTool(editor, PARTICIPANT_SHAPE, A)
    const placed = placeWithTool(editor, INTEREST_SHAPE, { x: 300, y: 400 })

    pressEscape(editor)
    dragFromTo(editor, { x: 300, y: 400 }, { x: 400, y: 1200 })

    const interest = shapeOf(editor, placed.id, INTEREST_SHAPE)
    expect(interest.parentId).toBe(editor.getCurrentPageId())
    expect(interest.props.participantId).toBe(participant.id)

    // So it no longer moves with the participant.
    editor.nudgeShapes([participant.id], { x: 50, y: 0 })
    expect(pageCentre(interest.id)).toEqual({ x: 400, y: 1200 })
  })

  it('deleted, it is forgotten by every card, lane and exchange, and one undo brings all back', () => {
    const a = placeWithTool(editor, PARTICIPANT_SHAPE, A)
    editor.updateShape({ id: a.id, type: PARTICIPANT_SHAPE, props: { name: 'Fatima' } })
    const b = placeWithTool(editor, PARTICIPANT_SHAPE, B)
    const inside = placeWithTool(editor, INTEREST_SHAPE, { x: 300, y: 400 })
    pressEscape(editor)
    editor.selectNone()
    rememberExchangeType(editor, 'kennis')
    editor.setCurrentTool(EXCHANGE_TOOL)
    dragFromTo(editor, A_HEADER, B)
    pressEscape(editor)
    const card = (type: string, props: Record<string, unknown>) => {
      const id = createShapeId()
      editor.createShape({ id, type, x: 3000, y: 3000, props } as TLShapePartial)
      return id
    }
    const outside = card(INTEREST_SHAPE, { participantId: a.id })
    const role = card(ROLE_SHAPE, { participantId: a.id })
    const rule = card(RULE_SHAPE, { agreedBy: [a.id, b.id] })
    const expectation = card(EXPECTATION_SHAPE, { fromId: a.id, toId: b.id })
    const lane = card(ZONE_SHAPE, { kind: 'lane', participantId: a.id })
    const before = editor.store.getStoreSnapshot('document').store
    const arrows = () => editor.getCurrentPageShapes().filter((s) => s.type === 'arrow')
    expect(arrows()).toHaveLength(1)

    editor.markHistoryStoppingPoint('delete participant')
    editor.deleteShapes([a.id])

    const props = (id: TLShapeId) => editor.getShape(id)!.props as Record<string, unknown>
    expect(editor.getShape(inside.id)).toBeUndefined() // its own interests go with it
    expect(props(outside).participantId).toBeNull()
    expect(props(role)).toMatchObject({ participantId: null, partner: 'Fatima' })
    expect(props(rule).agreedBy).toEqual([b.id])
    expect(props(expectation)).toMatchObject({ fromId: null, toId: b.id })
    expect(props(lane).participantId).toBeNull()
    expect(arrows()).toHaveLength(0)

    editor.undo()
    expect(editor.store.getStoreSnapshot('document').store).toEqual(before)
  })
})
