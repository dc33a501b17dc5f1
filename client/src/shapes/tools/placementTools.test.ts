// @vitest-environment jsdom
import {
  createWijktafelSchema,
  DREAM_SHAPE,
  getWijktafelDefaultProps,
  INTEREST_SHAPE,
  isWijktafelShapeType,
  PARTICIPANT_SHAPE,
  validateWijktafelRecord,
  ZONE_SHAPE,
} from '@wijktafel/shared'
import type { Editor } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { clickAt, createTestEditor, placeWithTool, shapeOf } from '../testing/createTestEditor'
import { ALL_PLACEMENTS, toolIdOf } from './placementTools'

const schema = createWijktafelSchema()

let editor: Editor
beforeEach(() => {
  editor = createTestEditor()
})
afterEach(() => {
  editor.dispose()
})

describe('placement tools', () => {
  it.each(ALL_PLACEMENTS.map((spec) => [toolIdOf(spec), spec] as const))(
    'a click with the %s tool places that card with its defaults, centred on the click',
    (toolId, spec) => {
      const shape = placeWithTool(editor, toolId, { x: 600, y: 500 })

      expect(shape.type).toBe(spec.type)
      if (!isWijktafelShapeType(shape.type)) throw new Error(`${shape.type} is not ours`)
      const defaults = getWijktafelDefaultProps(shape.type)
      expect(shape.props).toEqual({ ...defaults, ...spec.props })
      expect(editor.getShapePageBounds(shape)?.center).toMatchObject({ x: 600, y: 500 })
      // What the server checks every record against: the new card would be accepted.
      expect(validateWijktafelRecord(schema, shape)).toEqual({ ok: true })
    },
  )

  it('hands over to the select tool with the new card selected and in edit mode', () => {
    const dream = placeWithTool(editor, DREAM_SHAPE, { x: 600, y: 500 })

    expect(editor.getCurrentToolId()).toBe('select')
    expect(editor.getSelectedShapeIds()).toEqual([dream.id])
    expect(editor.getEditingShapeId()).toBe(dream.id)
  })

  it('puts a card placed inside a zone into that zone', () => {
    const section = placeWithTool(editor, `${ZONE_SHAPE}-section`, { x: 600, y: 500 })
    const dream = placeWithTool(editor, DREAM_SHAPE, { x: 600, y: 500 })

    expect(dream.parentId).toBe(section.id)
    expect(editor.getShapePageBounds(dream)?.center).toMatchObject({ x: 600, y: 500 })
  })

  it('makes an interest placed in the shared-interest zone shared, without an owner', () => {
    placeWithTool(editor, `${ZONE_SHAPE}-shared-interest`, { x: 600, y: 500 })
    const placed = placeWithTool(editor, INTEREST_SHAPE, { x: 600, y: 500 })

    const interest = shapeOf(editor, placed.id, INTEREST_SHAPE)
    expect(interest.props.shared).toBe(true)
    expect(interest.props.participantId).toBeNull()
  })

  it('is undone in one step: undo removes the placed card and nothing else', () => {
    const participant = placeWithTool(editor, PARTICIPANT_SHAPE, { x: 600, y: 500 })
    const interest = placeWithTool(editor, INTEREST_SHAPE, { x: 500, y: 500 })

    editor.undo()
    expect(editor.getShape(interest.id)).toBeUndefined()
    expect(editor.getShape(participant.id)).toEqual(participant)

    editor.undo()
    expect(editor.getCurrentPageShapes()).toEqual([])

    editor.redo().redo()
    expect(shapeOf(editor, interest.id, INTEREST_SHAPE).parentId).toBe(participant.id)
  })

  it('places nothing on a read-only board', () => {
    editor.updateInstanceState({ isReadonly: true })

    for (const toolId of [DREAM_SHAPE, PARTICIPANT_SHAPE, `${ZONE_SHAPE}-shared-interest`]) {
      editor.setCurrentTool(toolId)
      clickAt(editor, { x: 600, y: 500 })
    }

    expect(editor.getCurrentPageShapes()).toEqual([])
    expect(editor.getCurrentToolId()).toBe('select')
  })
})
