// @vitest-environment jsdom
import {
  DREAM_SHAPE,
  INTEREST_SHAPE,
  PARTICIPANT_SHAPE,
  ZONE_SHAPE,
  type WtZoneShape,
} from '@wijktafel/shared'
import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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

/**
 * Participant P spans x 80–720, y 108–692, with one interest centred on INTEREST. The zone of
 * kind `zoneKind` spans x 960–1840, y 240–760; its title band is the top 60.
 */
function board(zoneKind: 'shared-interest' | 'section' = 'shared-interest') {
  const participant = placeWithTool(editor, PARTICIPANT_SHAPE, { x: 400, y: 400 })
  const interest = placeWithTool(editor, INTEREST_SHAPE, INTEREST)
  const zone = placeWithTool(editor, `${ZONE_SHAPE}-${zoneKind}`, { x: 1400, y: 500 })
  pressEscape(editor)
  return { participant, interest, zone }
}
const INTEREST = { x: 300, y: 400 }
const IN_ZONE = { x: 1400, y: 550 }
const EMPTY_CANVAS = { x: 1400, y: 1200 }

function interestOf(shape: TLShape) {
  return shapeOf(editor, shape.id, INTEREST_SHAPE)
}

function pageCentre(id: TLShapeId) {
  const { x, y } = editor.getShapePageBounds(id)!.center
  return { x, y }
}

describe('the shared-interest zone (Gedeeld belang)', () => {
  it('marks an interest dragged into it as shared, and it stays its participant’s', () => {
    const { participant, interest, zone } = board()

    dragFromTo(editor, INTEREST, IN_ZONE)

    const shared = interestOf(interest)
    expect(shared.parentId).toBe(zone.id)
    expect(shared.props.shared).toBe(true)
    expect(shared.props.participantId).toBe(participant.id)
    expect(pageCentre(interest.id)).toEqual(IN_ZONE)
  })

  it('unmarks an interest dragged out onto the canvas; it keeps its participant', () => {
    const { participant, interest } = board()
    dragFromTo(editor, INTEREST, IN_ZONE)

    dragFromTo(editor, IN_ZONE, EMPTY_CANVAS)

    const unshared = interestOf(interest)
    expect(unshared.parentId).toBe(editor.getCurrentPageId())
    expect(unshared.props.shared).toBe(false)
    expect(unshared.props.participantId).toBe(participant.id)
  })

  it('unmarks an interest dragged back onto its participant', () => {
    const { participant, interest } = board()
    dragFromTo(editor, INTEREST, IN_ZONE)

    dragFromTo(editor, IN_ZONE, INTEREST)

    expect(interestOf(interest)).toEqual(interest)
    expect(editor.getShape(participant.id)).toEqual(participant)
  })

  it('sharing is undone in one step', () => {
    const { participant, interest } = board()
    editor.markHistoryStoppingPoint('before the drag')
    dragFromTo(editor, INTEREST, IN_ZONE)

    editor.undo()

    expect(interestOf(interest)).toEqual(interest)
    expect(interestOf(interest).parentId).toBe(participant.id)
  })

  it('takes its shared interests along when dragged by its title band', () => {
    const { interest } = board()
    dragFromTo(editor, INTEREST, IN_ZONE)

    dragFromTo(editor, { x: 1400, y: 270 }, { x: 1300, y: 370 })

    expect(pageCentre(interest.id)).toEqual({ x: IN_ZONE.x - 100, y: IN_ZONE.y + 100 })
    expect(interestOf(interest).props.shared).toBe(true)
  })

  it('holds other cards without changing them', () => {
    const { zone } = board()
    const dream = placeWithTool(editor, DREAM_SHAPE, { x: 400, y: 1200 })
    pressEscape(editor)

    dragFromTo(editor, { x: 400, y: 1200 }, IN_ZONE)

    const moved = shapeOf(editor, dream.id, DREAM_SHAPE)
    expect(moved.parentId).toBe(zone.id)
    expect(moved.props).toEqual(dream.props)
  })
})

describe('another kind of zone', () => {
  it('takes an interest in without sharing it', () => {
    const { participant, interest, zone } = board('section')

    dragFromTo(editor, INTEREST, IN_ZONE)

    const moved = interestOf(interest)
    expect(moved.parentId).toBe(zone.id)
    expect(moved.props.shared).toBe(false)
    expect(moved.props.participantId).toBe(participant.id)
  })
})

describe('changing a zone’s kind', () => {
  /** A lane zone (x 960–1840, y 240–760) with two interests of a participant in it. */
  function laneWithInterests() {
    const participant = placeWithTool(editor, PARTICIPANT_SHAPE, { x: 400, y: 400 })
    const interests = [
      placeWithTool(editor, INTEREST_SHAPE, { x: 250, y: 400 }),
      placeWithTool(editor, INTEREST_SHAPE, { x: 550, y: 400 }),
    ]
    const zone = placeWithTool(editor, `${ZONE_SHAPE}-lane`, { x: 1400, y: 500 })
    pressEscape(editor)
    dragFromTo(editor, { x: 250, y: 400 }, { x: 1150, y: 550 })
    dragFromTo(editor, { x: 550, y: 400 }, { x: 1650, y: 550 })
    return { participant, interests, zone }
  }

  function setKind(zone: TLShape, kind: WtZoneShape['props']['kind']) {
    // What the zone's panel does when a kind is picked, after the click that marks history.
    editor.markHistoryStoppingPoint(`pick ${kind}`)
    editor.updateShape({ id: zone.id, type: ZONE_SHAPE, props: { kind } })
  }

  function sharedFlags(interests: TLShape[]) {
    return interests.map((i) => interestOf(i).props.shared)
  }

  it('to Gedeeld belang marks the interests in it shared; back to lane unmarks them', () => {
    const { participant, interests, zone } = laneWithInterests()
    expect(interests.map((i) => interestOf(i).parentId)).toEqual([zone.id, zone.id])
    expect(sharedFlags(interests)).toEqual([false, false])

    setKind(zone, 'shared-interest')
    expect(sharedFlags(interests)).toEqual([true, true])

    setKind(zone, 'lane')
    expect(sharedFlags(interests)).toEqual([false, false])
    for (const interest of interests) {
      expect(interestOf(interest).props.participantId).toBe(participant.id)
    }
  })

  it('and its interests’ marks are undone together, one step per change', () => {
    const { interests, zone } = laneWithInterests()
    setKind(zone, 'shared-interest')
    setKind(zone, 'lane')

    editor.undo()
    expect(shapeOf(editor, zone.id, ZONE_SHAPE).props.kind).toBe('shared-interest')
    expect(sharedFlags(interests)).toEqual([true, true])

    editor.undo()
    expect(shapeOf(editor, zone.id, ZONE_SHAPE).props.kind).toBe('lane')
    expect(sharedFlags(interests)).toEqual([false, false])

    editor.redo()
    expect(shapeOf(editor, zone.id, ZONE_SHAPE).props.kind).toBe('shared-interest')
    expect(sharedFlags(interests)).toEqual([true, true])
  })

  it('from Gedeeld belang to section unmarks its interests, and they stay in it', () => {
    const { interest, zone } = board('shared-interest')
    dragFromTo(editor, INTEREST, IN_ZONE)
    expect(interestOf(interest).props.shared).toBe(true)

    setKind(zone, 'section')

    expect(interestOf(interest).props.shared).toBe(false)
    expect(interestOf(interest).parentId).toBe(zone.id)
  })
})
