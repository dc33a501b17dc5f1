import {
  findCard,
  INTEREST_CATEGORIES,
  INTEREST_SHAPE,
  PARTICIPANT_SHAPE,
  ROLE_SHAPE,
  SECTION_CARD_KIND,
  SHARED_INTEREST_SHAPE,
  getCardKind,
  ZONE_SHAPE,
  type CardShapeType,
  type Choice,
  type InterestCategory,
  type Locale,
  type SectionKind as AgreementKind,
  type WtZoneShape,
} from '@wijktafel/shared'
import type { Editor, TLPageId, TLShape, TLShapeId } from 'tldraw'
import { boardSections, readingOrder, type Section } from '../present/sections'

/** Where a new card of the outline goes: in this participant or zone, or on the page. */
export interface AddTarget {
  type: CardShapeType
  /** The participant or zone that takes the card; null: the page (a new participant). */
  containerId: TLShapeId | null
  /** Props besides the card's defaults (an interest's category, a role's partner). */
  props?: Record<string, unknown>
}

/** The interests of one participant in one category. */
export interface OutlineCategory {
  category: Choice<InterestCategory>
  cards: TLShapeId[]
  add: AddTarget
}

/** A section of a map as the outline lists it. */
export interface OutlineSection {
  id: string
  kind: Section['kind']
  title: string
  icon?: Section['icon']
  /** A participant's own card (its name, kind and level), shown at the head of its section. */
  participant?: TLShapeId
  /** A participant's interests, by category, in the order of INTEREST_CATEGORIES. */
  categories?: OutlineCategory[]
  /** Every other card of the section, in the map's reading order. */
  cards: TLShapeId[]
  /** The card the outline offers to add here, if any. */
  add?: AddTarget
}

/** One map (one page of the board). */
export interface OutlineMap {
  pageId: TLPageId
  name: string
  sections: OutlineSection[]
  /** Cards on the page that are in no section (dropped beside the areas). */
  loose: TLShapeId[]
  /** "Deelnemer toevoegen": offered on a page that is an interest map. */
  addParticipant?: AddTarget
}

/**
 * The board as the outline lists it: one entry per page, its sections in the order people
 * read the map (boardSections, the same as presentation mode), a participant's interests by
 * category, and what can be added where. Only ids and titles: each card's fields are read by
 * its own row, so typing in one card re-renders that card, not the outline [1]. Reactive
 * inside a tldraw computed or `useValue`.
 */
export function outlineOf(editor: Editor, locale: Locale): OutlineMap[] {
  return editor.getPages().map((page) => {
    const sections = boardSections(editor, page.id, locale)
    const covered = new Set<TLShapeId>()
    const out = sections.map((s) => {
      const section = outlineSection(editor, s)
      if (section.participant) covered.add(section.participant)
      for (const c of section.categories ?? []) for (const id of c.cards) covered.add(id)
      for (const id of section.cards) covered.add(id)
      return section
    })
    // Any card in no section, also one inside another shape (a milestone on the road).
    const loose = readingOrder(
      editor,
      [...editor.getPageShapeIds(page.id)]
        .filter((id) => !covered.has(id))
        .map((id) => editor.getShape(id))
        .filter((s): s is TLShape => isCard(s)),
    ).map((s) => s.id)
    const interestMap = sections.some((s) =>
      ['participant', 'centre', 'shared-interest'].includes(s.kind),
    )
    const map: OutlineMap = { pageId: page.id, name: page.name, sections: out, loose }
    if (interestMap) map.addParticipant = { type: PARTICIPANT_SHAPE, containerId: null }
    return map
  })
}

function isCard(shape: TLShape | undefined): boolean {
  return !!shape && !!findCard(shape.type)
}

function outlineSection(editor: Editor, s: Section): OutlineSection {
  const base = { id: s.ref.shapeId, kind: s.kind, title: s.title, icon: s.icon }
  const container = s.ref.shapeId as TLShapeId
  if (s.kind === 'participant') {
    const interests = s.cards.filter((id) => editor.getShape(id)?.type === INTEREST_SHAPE)
    const categoryOf = (id: TLShapeId) =>
      (editor.getShape(id)?.props as { category?: string } | undefined)?.category
    return {
      ...base,
      participant: container,
      categories: INTEREST_CATEGORIES.map((category) => ({
        category,
        cards: interests.filter((id) => categoryOf(id) === category.id),
        add: {
          type: INTEREST_SHAPE,
          containerId: container,
          props: { category: category.id },
        },
      })),
      // Anything else a person dropped in the area; an interest of a category that no longer
      // exists shows here rather than nowhere.
      cards: s.cards.filter(
        (id) =>
          !interests.includes(id) || !INTEREST_CATEGORIES.some((c) => c.id === categoryOf(id)),
      ),
    }
  }
  return { ...base, cards: s.cards, add: addTargetOf(editor, s) }
}

/** The card a section takes: its kind's card for an agreement section, a role in a lane. */
function addTargetOf(editor: Editor, s: Section): AddTarget | undefined {
  const zone = editor.getShape(s.ref.shapeId as TLShapeId)
  if (!zone || zone.type !== ZONE_SHAPE) return undefined
  const props = (zone as WtZoneShape).props
  const containerId = zone.id
  switch (props.kind) {
    case 'shared-interest':
      return { type: SHARED_INTEREST_SHAPE, containerId }
    case 'lane':
      // A role in a partner's lane is that partner's, as the template makes them.
      return {
        type: ROLE_SHAPE,
        containerId,
        props: { participantId: props.participantId ?? null, partner: props.title },
      }
    case 'section': {
      const kind = SECTION_CARD_KIND[props.section as AgreementKind]
      return kind ? { type: getCardKind(kind).type, containerId } : undefined
    }
    default:
      return undefined
  }
}

// [1] The outline is recomputed on every change of the pages' shapes (a card moved on the
//     canvas re-orders it); its rows read their own card with useValue, so a keystroke in one
//     card's text does not rebuild the other rows' fields.
