// @vitest-environment jsdom
import { initialBoardRecords, type Role } from '@wijktafel/shared'
import type { Editor, TLRecord, TLShape, TLShapeId } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestEditor } from '../../shapes/testing/createTestEditor'
import { useMeetingStore } from '../meeting/meetingStore'
import { registerStructureLock } from '../meeting/structureLock'
import { addCardFromOutline } from './addCard'
import { outlineOf } from './outlineModel'

let editor: Editor
let refused = 0

function as(role: Role, structureUnlocked = false) {
  useMeetingStore.setState({ me: { id: 'p-1', role }, structureUnlocked })
}

beforeEach(() => {
  editor = createTestEditor()
  useMeetingStore.setState({ me: null, structureUnlocked: false })
  const records = initialBoardRecords({ template: 'example', locale: 'nl', title: 'De Horst' })
  const blank = editor.getCurrentPageId()
  editor.run(
    () => {
      // Without the exchange arrows: the test editor cannot measure their labels.
      editor.store.put(
        records.filter(
          (r: TLRecord) => r.typeName === 'page' || (r.typeName === 'shape' && r.type !== 'arrow'),
        ),
      )
      editor.setCurrentPage(editor.getPages().find((p) => p.id !== blank)!.id)
      editor.deletePage(blank)
    },
    { ignoreShapeLock: true },
  )
  refused = 0
  editor.disposables.add(registerStructureLock(editor, () => refused++))
})
afterEach(() => {
  editor.dispose()
  useMeetingStore.setState({ me: null, structureUnlocked: false })
})

type Sized = TLShape & { props: { w: number; h: number } }
const sized = (id: string) => editor.getShape(id as TLShapeId) as Sized

/** Adds cards to the partnership map's "Spelregels" section until its grid is full and more. */
function fillRules(count: number) {
  const [, partnership] = outlineOf(editor, 'nl')
  const rules = partnership!.sections.find((s) => s.title === 'Spelregels')!
  const before = { ...sized(rules.id).props }
  const added: TLShapeId[] = []
  for (let i = 0; i < count; i++) {
    added.push(addCardFromOutline(editor, partnership!.pageId, rules.add!)!)
  }
  return { zone: rules.id as TLShapeId, before, added }
}

function overlapping(ids: readonly TLShapeId[]): [number, number] | null {
  const boxes = ids.map((id) => editor.getShapePageBounds(id)!)
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!
      const b = boxes[j]!
      if (
        Math.min(a.maxX, b.maxX) > Math.max(a.minX, b.minX) + 1 &&
        Math.min(a.maxY, b.maxY) > Math.max(a.minY, b.minY) + 1
      )
        return [i, j]
    }
  return null
}

describe('adding a card from the outline to a full zone', () => {
  it('an editor: the zone keeps its size, no notice, the card takes the next row', () => {
    as('editor')
    const { zone, before, added } = fillRules(8)
    expect(refused, 'no "you may not change the layout" notice').toBe(0)
    expect(sized(zone).props.h).toBe(before.h)
    expect(sized(zone).props.w).toBe(before.w)
    const cards = editor.getSortedChildIdsForParent(zone)
    for (const id of added) expect(editor.getShape(id)!.parentId).toBe(zone)
    // The last one lies in a row below the zone's edge, on nobody's card.
    const last = sized(added.at(-1)!)
    expect(last.y + last.props.h).toBeGreaterThan(before.h)
    expect(overlapping(cards)).toBeNull()
  })

  it('the facilitator with "Indeling aanpassen" on: the zone grows to hold it', () => {
    as('facilitator', true)
    const { zone, before, added } = fillRules(8)
    expect(refused).toBe(0)
    expect(sized(zone).props.h).toBeGreaterThan(before.h)
    const last = sized(added.at(-1)!)
    expect(last.y + last.props.h).toBeLessThanOrEqual(sized(zone).props.h)
  })

  it('an editor still grows a participant, which is no structure', () => {
    as('editor')
    const [map] = outlineOf(editor, 'nl')
    const fatma = map!.sections.find((s) => s.title === 'Fatma')!
    const owner = fatma.participant as TLShapeId
    const h = sized(owner).props.h
    const zorg = fatma.categories!.find((c) => c.category.id === 'zorg')!
    for (let i = 0; i < 5; i++) addCardFromOutline(editor, map!.pageId, zorg.add)
    expect(refused).toBe(0)
    expect(sized(owner).props.h).toBeGreaterThan(h)
  })
})
