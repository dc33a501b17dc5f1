// @vitest-environment jsdom
import {
  DE_HORST_EXAMPLE,
  exampleBoard,
  PARTNERSHIP_SECTIONS,
  translate,
  type SectionRef,
} from '@wijktafel/shared'
import { Box, PageRecordType, type Editor, type TLPageId } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestEditor } from '../../shapes/testing/createTestEditor'
import { zoomForText, PROJECTOR_TEXT } from './camera'
import { boardSections, findSection, sectionParts, sectionTitle, showSection } from './sections'

let editor: Editor
let interestPage: TLPageId
let partnershipPage: TLPageId
beforeEach(() => {
  editor = createTestEditor()
  interestPage = PageRecordType.createId('interest')
  partnershipPage = PageRecordType.createId('partnership')
  const maps = exampleBoard(DE_HORST_EXAMPLE, {
    belangenkaartPageId: interestPage,
    partnerschapskaartPageId: partnershipPage,
    locale: 'nl',
  })
  editor.run(
    () => {
      editor.createPage({ id: interestPage, name: 'Belangenkaart' })
      editor.createPage({ id: partnershipPage, name: 'Partnerschapskaart' })
      for (const map of [maps.belangenkaart, maps.partnerschapskaart]) {
        // Without the exchange arrows: they are in no section, and the test editor has no
        // text measurement for their labels.
        editor.store.put(map.shapes.filter((s) => s.type !== 'arrow'))
      }
    },
    { ignoreShapeLock: true },
  )
})
afterEach(() => {
  editor.dispose()
})

const names = (refs: { title: string }[]) => refs.map((s) => s.title)

describe('the sections of the De Horst belangenkaart', () => {
  it('are the centre, each participant in reading order, then the shared interest', () => {
    const sections = boardSections(editor, interestPage)
    expect(sections.map((s) => s.kind)).toEqual([
      'centre',
      ...DE_HORST_EXAMPLE.participants.map(() => 'participant'),
      'shared-interest',
    ])
    expect(sections[0]!.title).toBe(translate('nl', 'zoneKind.banner'))
    expect(sections[0]!.cards).toHaveLength(2) // dream and assignment
    const participants = sections.filter((s) => s.kind === 'participant')
    expect(new Set(names(participants))).toEqual(
      new Set(DE_HORST_EXAMPLE.participants.map((p) => p.name)),
    )
    // Reading order: each participant starts no higher than the row before it.
    const tops = participants.map((s) => s.bounds.minY)
    expect(tops[0]).toBe(Math.min(...tops))
    // Every participant holds its interest notes.
    for (const [i, p] of participants.entries()) {
      const example = DE_HORST_EXAMPLE.participants.find((e) => e.name === p.title)!
      expect(p.cards, `interests of ${names(participants)[i]}`).toHaveLength(
        example.interests.length,
      )
    }
    expect(sections.at(-1)!.cards).toHaveLength(DE_HORST_EXAMPLE.sharedInterests.length)
  })

  it('hide a resident’s name behind the kind, not an organisation’s name', () => {
    const sections = boardSections(editor, interestPage)
    const fatma = sections.find((s) => s.title === 'Fatma')!
    expect(sectionTitle(fatma, true)).toBe('Bewoner')
    expect(sectionTitle(fatma, false)).toBe('Fatma')
    const official = sections.find((s) => s.title === 'Marieke de Vries')!
    expect(sectionTitle(official, true)).toBe('Marieke de Vries')
  })

  it('find a section again by the ref the facilitator shares, and not a deleted one', () => {
    const sections = boardSections(editor, interestPage)
    const ref: SectionRef = { ...sections[2]!.ref }
    expect(findSection(sections, ref)).toBe(sections[2])
    editor.deleteShapes([ref.shapeId as never])
    expect(findSection(boardSections(editor, interestPage), ref)).toBeUndefined()
  })
})

describe('the sections of the De Horst partnerschapskaart', () => {
  it('are the banner, the lanes top to bottom, then the agreements in the template’s order', () => {
    const sections = boardSections(editor, partnershipPage)
    const lanes = sections.filter((s) => s.kind === 'lane')
    expect(sections[0]!.kind).toBe('banner')
    expect(sections.slice(1, 1 + lanes.length).every((s) => s.kind === 'lane')).toBe(true)
    expect(lanes.length).toBeGreaterThan(2)
    const laneTops = lanes.map((s) => s.bounds.minY)
    expect(laneTops).toEqual([...laneTops].sort((a, b) => a - b))
    expect(names(sections.slice(1 + lanes.length))).toEqual(
      PARTNERSHIP_SECTIONS.map((k) => translate('nl', `sectionKind.${k}`)),
    )
    // The banner holds the dream, the assignment and the shared interests.
    expect(sections[0]!.cards).toHaveLength(2 + DE_HORST_EXAMPLE.sharedInterests.length)
    const actions = sections.find((s) => s.title === translate('nl', 'sectionKind.actions'))!
    expect(actions.cards).toHaveLength(DE_HORST_EXAMPLE.partnership.actions.length)
  })

  it('every section has a pictogram and a size', () => {
    for (const s of boardSections(editor, partnershipPage)) {
      expect(s.icon, s.title).toBeTruthy()
      expect(s.bounds.w * s.bounds.h, s.title).toBeGreaterThan(0)
    }
  })
})

describe('showing a section', () => {
  const insets = { top: 80, right: 100, bottom: 80, left: 100 }
  const minZoom = zoomForText(PROJECTOR_TEXT)

  it('shows every card of every section readable on a 1920×1080 projector, in parts where needed', () => {
    editor.updateViewportScreenBounds(new Box(0, 0, 1920, 1080))
    const stage = new Box(insets.left, insets.top, 1920 - 200, 1080 - 160)
    for (const pageId of [interestPage, partnershipPage]) {
      editor.setCurrentPage(pageId)
      for (const section of boardSections(editor, pageId)) {
        const parts = sectionParts(editor, section, { insets, minZoom })
        const seen = new Set<string>()
        parts.forEach((_, part) => {
          showSection(editor, section, { insets, minZoom, maxZoom: 2, part })
          expect(editor.getZoomLevel(), `${section.title} part ${part}`).toBeGreaterThanOrEqual(
            minZoom - 1e-9,
          )
          for (const id of section.cards) {
            const screen = editor.getShapePageBounds(id)!
            const a = editor.pageToScreen(screen.point)
            const b = editor.pageToScreen({ x: screen.maxX, y: screen.maxY })
            const onStage = new Box(a.x, a.y, b.x - a.x, b.y - a.y)
            if (stage.contains(onStage.clone().expandBy(-1))) seen.add(id)
          }
        })
        expect(seen.size, `cards of ${section.title} shown whole`).toBe(section.cards.length)
      }
    }
  })

  it('shows a section that fits in one step whole, and a taller one in parts', () => {
    editor.updateViewportScreenBounds(new Box(0, 0, 1920, 1080))
    editor.setCurrentPage(interestPage)
    // The energy co-operative has two interests: one row of notes under its header.
    const participant = boardSections(editor, interestPage).find((s) => s.cards.length === 2)!
    expect(sectionParts(editor, participant, { insets, minZoom })).toHaveLength(1)
    showSection(editor, participant, { insets, minZoom })
    const view = editor.getViewportPageBounds()
    expect(view.contains(participant.bounds), participant.title).toBe(true)
    // Fatma has five interests, three rows: too tall for 24 px text with her header, so
    // the step shows her notes (the header's name is the title of presentation mode).
    const fatma = boardSections(editor, interestPage).find((s) => s.title === 'Fatma')!
    const parts = sectionParts(editor, fatma, { insets, minZoom })
    expect(parts).toHaveLength(1)
    expect(parts[0]!.h).toBeLessThan(fatma.bounds.h)
    // The partnership map's actions: two rows of tall cards with the title band do not fit.
    editor.setCurrentPage(partnershipPage)
    const actions = boardSections(editor, partnershipPage).find((s) => s.title === 'Acties')!
    expect(sectionParts(editor, actions, { insets, minZoom }).length).toBeGreaterThan(1)
  })
})
