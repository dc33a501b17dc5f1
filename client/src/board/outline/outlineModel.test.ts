// @vitest-environment jsdom
import {
  ACTION_SHAPE,
  findCard,
  INTEREST_CATEGORIES,
  INTEREST_SHAPE,
  initialBoardRecords,
  PARTICIPANT_SHAPE,
  PAD,
  PARTICIPANT_HEADER,
  ROLE_SHAPE,
  SECTION_CARD_KIND,
} from '@wijktafel/shared'
import type { Editor, TLPageId, TLRecord, TLShape, TLShapeId } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestEditor } from '../../shapes/testing/createTestEditor'
import { addCardFromOutline, deleteCardFromOutline } from './addCard'
import { outlineOf, type OutlineMap } from './outlineModel'

let editor: Editor
beforeEach(() => {
  editor = createTestEditor()
  const records = initialBoardRecords({ template: 'example', locale: 'nl', title: 'De Horst' })
  const blank = editor.getCurrentPageId()
  editor.run(
    () => {
      // Without the exchange arrows and their bindings: the test editor cannot measure their
      // labels, and they are no cards.
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
})
afterEach(() => editor.dispose())

const cardsOf = (map: OutlineMap): string[] => [
  ...map.loose,
  ...map.sections.flatMap((s) => [
    ...(s.participant ? [s.participant] : []),
    ...(s.categories ?? []).flatMap((c) => c.cards),
    ...s.cards,
  ]),
]
const pageCards = (pageId: TLPageId) =>
  [...editor.getPageShapeIds(pageId)]
    .map((id) => editor.getShape(id)!)
    .filter((s) => findCard(s.type))
const shape = (id: string) => editor.getShape(id as TLShapeId) as TLShape & { props: any }

describe('the outline of the example board', () => {
  it('has every map of the board with each of its cards listed exactly once', () => {
    const maps = outlineOf(editor, 'nl')
    expect(maps.map((m) => m.name).slice(0, 2)).toEqual(['Belangenkaart', 'Partnerschapskaart'])
    for (const map of maps) {
      const listed = cardsOf(map)
      expect(new Set(listed).size, `${map.name}: listed once`).toBe(listed.length)
      expect(new Set(listed)).toEqual(new Set(pageCards(map.pageId).map((s) => s.id)))
    }
  })

  it('lists the belangenkaart as the centre, each participant with interests by category, then the shared interests', () => {
    const [interestMap] = outlineOf(editor, 'nl')
    const kinds = interestMap!.sections.map((s) => s.kind)
    expect(kinds[0]).toBe('centre')
    expect(kinds.at(-1)).toBe('shared-interest')
    const participants = interestMap!.sections.filter((s) => s.kind === 'participant')
    expect(participants.length).toBeGreaterThan(3)
    expect(participants.map((p) => p.title)).toContain('Fatma')
    for (const p of participants) {
      expect(shape(p.participant!).type).toBe(PARTICIPANT_SHAPE)
      // The four categories, in the kit's order, each holding only its own interests.
      expect(p.categories!.map((c) => c.category.id)).toEqual(INTEREST_CATEGORIES.map((c) => c.id))
      for (const c of p.categories!) {
        for (const id of c.cards) {
          expect(shape(id).type).toBe(INTEREST_SHAPE)
          expect(shape(id).props.category).toBe(c.category.id)
          expect(shape(id).parentId).toBe(p.participant)
        }
        expect(c.add).toEqual({
          type: INTEREST_SHAPE,
          containerId: p.participant,
          props: { category: c.category.id },
        })
      }
    }
    expect(participants.some((p) => p.categories!.some((c) => c.cards.length > 0))).toBe(true)
    expect(interestMap!.addParticipant).toEqual({ type: PARTICIPANT_SHAPE, containerId: null })
  })

  it('lists the partnership map by lanes and agreement sections, each offering its own card', () => {
    const [, partnership] = outlineOf(editor, 'nl')
    expect(partnership!.addParticipant).toBeUndefined()
    const lanes = partnership!.sections.filter((s) => s.kind === 'lane')
    expect(lanes.length).toBeGreaterThan(0)
    for (const lane of lanes) {
      expect(lane.add?.type).toBe(ROLE_SHAPE)
      expect(lane.add?.props?.partner).toBe(lane.title)
    }
    const agreements = partnership!.sections.filter((s) => s.kind === 'section')
    expect(agreements.map((s) => s.title).slice(0, 5)).toEqual([
      'Besluiten',
      'Verwachtingen',
      'Communicatie',
      'Spelregels',
      'Acties',
    ])
    // Each section offers the card kind it holds.
    for (const s of agreements) {
      const zone = shape(s.id)
      expect(s.add?.type).toBe(`wt-${SECTION_CARD_KIND[zone.props.section as 'rules']}`)
    }
    const actions = agreements[4]!
    expect(actions.add?.type).toBe(ACTION_SHAPE)
    expect(actions.cards.length).toBeGreaterThan(0)
    expect(actions.cards.every((id) => shape(id).type === ACTION_SHAPE)).toBe(true)
  })

  it('follows the board: a participant renamed on the canvas is renamed in the outline', () => {
    const fatma = outlineOf(editor, 'nl')[0]!.sections.find((s) => s.title === 'Fatma')!
    editor.updateShape({
      id: fatma.participant as TLShapeId,
      type: PARTICIPANT_SHAPE,
      props: { name: 'Fatma Yılmaz' },
    })
    const titles = outlineOf(editor, 'nl')[0]!.sections.map((s) => s.title)
    expect(titles).toContain('Fatma Yılmaz')
    expect(titles).not.toContain('Fatma')
  })
})

describe('adding and removing from the outline', () => {
  it('puts a new interest in a free cell of its participant, growing it, in one undo step', () => {
    const [map] = outlineOf(editor, 'nl')
    const fatma = map!.sections.find((s) => s.title === 'Fatma')!
    const owner = shape(fatma.participant!)
    const before = { h: owner.props.h, children: editor.getSortedChildIdsForParent(owner.id) }
    const zorg = fatma.categories!.find((c) => c.category.id === 'zorg')!
    // Fill it past its grid, so it has to grow.
    const added: TLShapeId[] = []
    for (let i = 0; i < 5; i++) added.push(addCardFromOutline(editor, map!.pageId, zorg.add)!)
    const grown = shape(owner.id)
    const boxes = editor
      .getSortedChildIdsForParent(owner.id)
      .map((id) => editor.getShapePageBounds(id)!)
    const area = editor.getShapePageBounds(owner.id)!
    for (const id of added) {
      const card = shape(id)
      expect(card.parentId).toBe(owner.id)
      expect(card.props.category).toBe('zorg')
      expect(card.props.participantId).toBe(owner.id)
      expect(area.contains(editor.getShapePageBounds(id)!), 'inside its participant').toBe(true)
    }
    // No two notes on top of each other.
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!
        const b = boxes[j]!
        const overlap =
          Math.min(a.maxX, b.maxX) > Math.max(a.minX, b.minX) + 1 &&
          Math.min(a.maxY, b.maxY) > Math.max(a.minY, b.minY) + 1
        expect(overlap, `notes ${i} and ${j} overlap`).toBe(false)
      }
    expect(grown.props.h).toBeGreaterThan(before.h)
    const zorgNow = outlineOf(editor, 'nl')[0]!.sections.find((s) => s.title === 'Fatma')!
    expect(zorgNow.categories!.find((c) => c.category.id === 'zorg')!.cards).toEqual(
      expect.arrayContaining(added),
    )
    // Not left in the canvas's editing state: the outline is where people type.
    expect(editor.getEditingShapeId()).toBeNull()
    // One undo per card added.
    for (let i = 0; i < 5; i++) editor.undo()
    expect(editor.getSortedChildIdsForParent(owner.id)).toEqual(before.children)
    expect(shape(owner.id).props.h).toBe(before.h)
  })

  it('fills an empty participant from its first cell, without growing it', () => {
    const [map] = outlineOf(editor, 'nl')
    const id = addCardFromOutline(editor, map!.pageId, map!.addParticipant!)!
    const size = { ...shape(id).props }
    const sections = outlineOf(editor, 'nl')[0]!.sections
    const fresh = sections.find((s) => s.participant === id)!
    const note = addCardFromOutline(editor, map!.pageId, fresh.categories![0]!.add)!
    expect({ x: shape(note).x, y: shape(note).y }).toEqual({ x: PAD, y: PARTICIPANT_HEADER })
    expect(shape(id).props.h).toBe(size.h)
  })

  it('puts a new participant beside the others, overlapping nothing', () => {
    const [map] = outlineOf(editor, 'nl')
    const others = [...editor.getPageShapeIds(map!.pageId)]
      .map((id) => editor.getShape(id)!)
      .filter((s) => s.parentId === map!.pageId)
      .map((s) => editor.getShapePageBounds(s.id)!)
    const id = addCardFromOutline(editor, map!.pageId, map!.addParticipant!)!
    const box = editor.getShapePageBounds(id)!
    expect(shape(id).type).toBe(PARTICIPANT_SHAPE)
    expect(shape(id).parentId).toBe(map!.pageId)
    for (const o of others) {
      const overlap =
        Math.min(o.maxX, box.maxX) > Math.max(o.minX, box.minX) &&
        Math.min(o.maxY, box.maxY) > Math.max(o.minY, box.minY)
      expect(overlap).toBe(false)
    }
    const sections = outlineOf(editor, 'nl')[0]!.sections
    expect(sections.filter((s) => s.participant === id)).toHaveLength(1)
  })

  it('adds a card of the section it is asked in, on the other map too', () => {
    const [, partnership] = outlineOf(editor, 'nl')
    const rules = partnership!.sections.find((s) => s.title === 'Spelregels')!
    const id = addCardFromOutline(editor, partnership!.pageId, rules.add!)!
    expect(shape(id).type).toBe('wt-rule')
    expect(shape(id).parentId).toBe(rules.id)
    const after = outlineOf(editor, 'nl')[1]!.sections.find((s) => s.id === rules.id)!
    expect(after.cards.at(-1)).toBe(id)
  })

  it('removes a participant with its interests in one undo step', () => {
    const [map] = outlineOf(editor, 'nl')
    const fatma = map!.sections.find((s) => s.title === 'Fatma')!
    const interests = fatma.categories!.flatMap((c) => c.cards)
    expect(interests.length).toBeGreaterThan(0)
    deleteCardFromOutline(editor, fatma.participant as TLShapeId)
    expect(editor.getShape(fatma.participant as TLShapeId)).toBeUndefined()
    expect(interests.every((id) => !editor.getShape(id as TLShapeId))).toBe(true)
    editor.undo()
    expect(editor.getShape(fatma.participant as TLShapeId)).toBeDefined()
    expect(interests.every((id) => !!editor.getShape(id as TLShapeId))).toBe(true)
  })

  it('adds and removes nothing on a read-only board', () => {
    const [map] = outlineOf(editor, 'nl')
    const count = editor.getPageShapeIds(map!.pageId).size
    editor.updateInstanceState({ isReadonly: true })
    expect(addCardFromOutline(editor, map!.pageId, map!.addParticipant!)).toBeNull()
    deleteCardFromOutline(editor, map!.sections[1]!.participant as TLShapeId)
    expect(editor.getPageShapeIds(map!.pageId).size).toBe(count)
  })
})
