// @vitest-environment jsdom
import { INTEREST_SHAPE, ZONE_SHAPE, type Role } from '@wijktafel/shared'
import type { Editor, TLShapeId } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestEditor,
  dragFromTo,
  placeWithTool,
  pressEscape,
} from '../../shapes/testing/createTestEditor'
import { useMeetingStore } from './meetingStore'
import { registerStructureLock } from './structureLock'

let editor: Editor
let refused = 0
let zone: TLShapeId
let card: TLShapeId
/** The zone spans x 960–1840, y 240–760; its title band is the top 60. */
const HEAD = { x: 1400, y: 270 }
const IN_ZONE = { x: 1400, y: 550 }

function as(role: Role, structureUnlocked = false) {
  useMeetingStore.setState({ me: { id: 'p-1', role }, structureUnlocked })
}

beforeEach(() => {
  editor = createTestEditor()
  // Made outside the meeting, as a template is: anyone may add structure.
  useMeetingStore.setState({ me: null, structureUnlocked: false })
  zone = placeWithTool(editor, `${ZONE_SHAPE}-section`, { x: 1400, y: 500 }).id
  pressEscape(editor)
  card = placeWithTool(editor, INTEREST_SHAPE, IN_ZONE).id
  pressEscape(editor)
  refused = 0
  editor.disposables.add(registerStructureLock(editor, () => refused++))
})
afterEach(() => {
  editor.dispose()
  useMeetingStore.setState({ me: null, structureUnlocked: false })
})

const at = (id: TLShapeId) => {
  const shape = editor.getShape(id)!
  return { x: shape.x, y: shape.y }
}

describe('the structure lock on the client', () => {
  it('an editor cannot drag, retitle or delete a zone, and is told', () => {
    as('editor')
    const before = at(zone)
    dragFromTo(editor, HEAD, { x: 1500, y: 400 })
    expect(at(zone)).toEqual(before)
    editor.updateShape({ id: zone, type: ZONE_SHAPE, props: { title: 'Weg' } })
    expect(editor.getShape(zone)!.props).not.toMatchObject({ title: 'Weg' })
    editor.deleteShapes([zone])
    expect(editor.getShape(zone)).toBeDefined()
    expect(editor.getShape(card)).toBeDefined() // its cards stay with it
    expect(refused).toBeGreaterThanOrEqual(3)
    expect(editor.getShapeUtil(ZONE_SHAPE).canResize(editor.getShape(zone)!)).toBe(false)
  })

  it('cards inside a zone stay free: moved, and new ones drop in', () => {
    as('editor')
    const before = at(card)
    dragFromTo(editor, IN_ZONE, { x: 1450, y: 600 })
    expect(at(card)).not.toEqual(before)
    expect(editor.getShape(card)!.parentId).toBe(zone)
    const added = placeWithTool(editor, INTEREST_SHAPE, { x: 1200, y: 650 })
    expect(editor.getShape(added.id)!.parentId).toBe(zone)
    expect(refused).toBe(0)
  })

  it('the facilitator moves structure only with "Indeling aanpassen" on', () => {
    as('facilitator')
    const before = at(zone)
    dragFromTo(editor, HEAD, { x: 1500, y: 400 })
    expect(at(zone)).toEqual(before)
    expect(refused).toBeGreaterThan(0)
    pressEscape(editor)
    as('facilitator', true)
    dragFromTo(editor, HEAD, { x: 1500, y: 400 })
    expect(at(zone)).not.toEqual(before)
  })

  it('a page holding structure: an editor cannot delete it, the facilitator can', () => {
    const page = editor.getCurrentPageId()
    editor.createPage({ name: 'Tweede' })
    as('editor')
    editor.deletePage(page)
    expect(editor.getPage(page)).toBeDefined()
    expect(editor.getShape(zone)).toBeDefined()
    expect(editor.getShape(card)).toBeDefined()
    as('facilitator')
    editor.deletePage(page)
    expect(editor.getPage(page)).toBeUndefined()
    expect(editor.getShape(zone)).toBeUndefined()
  })
})
