import {
  ASSIGNMENT_SHAPE,
  DREAM_SHAPE,
  findCard,
  findChoice,
  PARTICIPANT_KINDS,
  PARTICIPANT_SHAPE,
  PARTNERSHIP_SECTIONS,
  SECTION_KIND_IDS,
  translate,
  ZONE_SHAPE,
  type IconName,
  type Locale,
  type SectionRef,
  type WtZoneShape,
} from '@wijktafel/shared'
import { Box, type Editor, type TLPageId, type TLShape, type TLShapeId } from 'tldraw'
import { zoneChoice } from '../../shapes/zone/zoneLook'

// The camera of presentation mode, for the meeting panel and exports to show a section alike.
export { sectionParts, showBox, showSection, type Insets, type ViewportOptions } from './camera'

/** What a section is built on; `page` is a page without sections, shown whole. */
export type SectionKind =
  'centre' | 'participant' | 'shared-interest' | 'banner' | 'lane' | 'section' | 'page'

/** A part of a map shown on its own in presentation mode, in the facilitator's steps, in exports. */
export interface Section {
  ref: SectionRef
  kind: SectionKind
  /** As the map says it: the zone's title, the participant's name (or organisation). */
  title: string
  /**
   * The title when residents' names are hidden ("namen verbergen"): set only when `title`
   * is a resident's name; the participant kind's label instead.
   */
  anonymousTitle?: string
  icon?: IconName
  /** Page coordinates of the whole section. */
  bounds: Box
  /** The cards in it (direct children, or the dream and assignment of the centre). */
  cards: TLShapeId[]
}

/** The centre of a belangenkaart has no zone: it is the dream card (or the assignment). */
const CENTRE_TYPES: readonly string[] = [DREAM_SHAPE, ASSIGNMENT_SHAPE]

/**
 * The sections of a page, ordered as a person reads the map [1]:
 * - belangenkaart: the centre (dream and assignment), each participant (rows top to bottom,
 *   left to right), then the shared-interest zone;
 * - partnerschapskaart: the banner, the partners' lanes (top to bottom), then the agreement
 *   sections in the template's order (PARTNERSHIP_SECTIONS), other zones after them;
 * - a page without any of these: one section, the page's content (or none for an empty page).
 * Reactive when called inside a tldraw computed / `useValue`.
 */
export function boardSections(editor: Editor, pageId: TLPageId, locale: Locale = 'nl'): Section[] {
  const top = editor
    .getSortedChildIdsForParent(pageId)
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => !!s)

  const centre = top.filter((s) => CENTRE_TYPES.includes(s.type))
  const participants = top.filter((s) => s.type === PARTICIPANT_SHAPE)
  const zones = top.filter((s): s is WtZoneShape => s.type === ZONE_SHAPE)
  const byKind = (kind: WtZoneShape['props']['kind']) => zones.filter((z) => z.props.kind === kind)

  const sections: Section[] = []
  if (centre.length > 0) {
    const first = centre.find((s) => s.type === DREAM_SHAPE) ?? centre[0]!
    sections.push({
      ref: { pageId, shapeId: first.id },
      kind: 'centre',
      title: translate(locale, 'zoneKind.banner'),
      icon: findCard(first.type)?.icon,
      bounds: union(
        editor,
        centre.map((s) => s.id),
      ),
      cards: centre.map((s) => s.id),
    })
  }
  for (const p of readingOrder(editor, byKind('banner'))) sections.push(zoneSection(p))
  for (const p of readingOrder(editor, participants)) sections.push(participantSection(p))
  for (const z of readingOrder(editor, byKind('lane'))) sections.push(zoneSection(z))
  const agreements = readingOrder(editor, byKind('section'))
  const rank = (z: WtZoneShape) => {
    const known = (PARTNERSHIP_SECTIONS as readonly string[]).indexOf(z.props.section ?? '')
    // 'roles' is a section kind too, though the template keeps roles in the lanes [2].
    if (known >= 0) return known
    const other = SECTION_KIND_IDS.indexOf(z.props.section as never)
    return other >= 0 ? PARTNERSHIP_SECTIONS.length + other : Number.MAX_SAFE_INTEGER
  }
  // A stable sort: zones of the same kind (or none) keep their reading order.
  for (const z of [...agreements].sort((a, b) => rank(a) - rank(b))) sections.push(zoneSection(z))
  for (const z of readingOrder(editor, byKind('shared-interest'))) sections.push(zoneSection(z))

  if (sections.length === 0 && top.length > 0) {
    sections.push({
      // Not a shape on the page: a stable id that no tldraw shape can have [3].
      ref: { pageId, shapeId: `shape:${pageId}` },
      kind: 'page',
      title: editor.getPage(pageId)?.name ?? '',
      bounds: union(
        editor,
        top.map((s) => s.id),
      ),
      cards: top.filter((s) => findCard(s.type)).map((s) => s.id),
    })
  }
  return sections

  function zoneSection(zone: WtZoneShape): Section {
    const kind = zone.props.kind === 'shared-interest' ? 'shared-interest' : zone.props.kind
    const section: Section = {
      ref: { pageId, shapeId: zone.id },
      kind,
      title: zone.props.title,
      icon: zoneChoice(zone.props.kind, zone.props.section).icon,
      bounds:
        editor.getShapePageBounds(zone.id) ?? new Box(zone.x, zone.y, zone.props.w, zone.props.h),
      cards: cardChildren(editor, zone.id),
    }
    if (zone.props.kind === 'lane' && zone.props.participantId) {
      // A lane is titled after its partner; a resident without organisation by their name.
      const partner = editor.getShape(zone.props.participantId as TLShapeId)
      if (partner?.type === PARTICIPANT_SHAPE) {
        const kindChoice = findChoice(PARTICIPANT_KINDS, partner.props.kind)
        if (kindChoice) section.icon = kindChoice.icon
        if (
          partner.props.kind === 'bewoner' &&
          zone.props.title.trim() === partner.props.name.trim()
        ) {
          section.anonymousTitle = translate(locale, 'participantKind.bewoner')
        }
      }
    }
    return section
  }

  function participantSection(p: TLShape<typeof PARTICIPANT_SHAPE>): Section {
    const kindChoice = findChoice(PARTICIPANT_KINDS, p.props.kind)
    const kindLabel = kindChoice ? translate(locale, kindChoice.label) : ''
    const name = p.props.name.trim()
    const section: Section = {
      ref: { pageId, shapeId: p.id },
      kind: 'participant',
      title: name || p.props.organisation.trim() || kindLabel,
      icon: kindChoice?.icon ?? findCard(p.type)?.icon,
      bounds: editor.getShapePageBounds(p.id) ?? new Box(p.x, p.y, p.props.w, p.props.h),
      cards: cardChildren(editor, p.id),
    }
    if (p.props.kind === 'bewoner' && name) section.anonymousTitle = kindLabel
    return section
  }
}

/** The section a ref points at, or undefined when it is gone (deleted, another page). */
export function findSection(sections: readonly Section[], ref: SectionRef | null | undefined) {
  if (!ref) return undefined
  return sections.find((s) => s.ref.pageId === ref.pageId && s.ref.shapeId === ref.shapeId)
}

/** The section's title as it may be shown: a resident's name only when names are shown. */
export function sectionTitle(section: Section, namesHidden: boolean): string {
  return namesHidden && section.anonymousTitle ? section.anonymousTitle : section.title
}

function cardChildren(editor: Editor, parentId: TLShapeId): TLShapeId[] {
  return editor.getSortedChildIdsForParent(parentId).filter((id) => {
    const shape = editor.getShape(id)
    return !!shape && !!findCard(shape.type)
  })
}

function union(editor: Editor, ids: readonly TLShapeId[]): Box {
  const boxes = ids.map((id) => editor.getShapePageBounds(id)).filter((b): b is Box => !!b)
  return boxes.length ? Box.Common(boxes) : new Box()
}

/**
 * Shapes in reading order: rows from top to bottom, left to right within a row. Shapes whose
 * vertical extents overlap by half of the smaller one share a row, so a ring of participant
 * areas of different heights still reads as rows.
 */
export function readingOrder<S extends TLShape>(editor: Editor, shapes: readonly S[]): S[] {
  const boxed = shapes
    .map((shape) => ({ shape, box: editor.getShapePageBounds(shape.id) }))
    .filter((b): b is { shape: S; box: Box } => !!b.box)
    .sort((a, b) => a.box.midY - b.box.midY)
  const rows: { top: number; bottom: number; items: typeof boxed }[] = []
  for (const item of boxed) {
    const row = rows.at(-1)
    const overlap = row ? Math.min(row.bottom, item.box.maxY) - Math.max(row.top, item.box.minY) : 0
    if (row && overlap >= Math.min(item.box.h, row.bottom - row.top) / 2) {
      row.items.push(item)
      row.top = Math.min(row.top, item.box.minY)
      row.bottom = Math.max(row.bottom, item.box.maxY)
    } else rows.push({ top: item.box.minY, bottom: item.box.maxY, items: [item] })
  }
  return rows.flatMap((r) => r.items.sort((a, b) => a.box.minX - b.box.minX).map((i) => i.shape))
}

// [1] Sections come from the shapes, not from a list stored with the board: a zone someone
//     adds, moves or deletes changes the steps at once, and an older board needs no
//     migration. The facilitator's follow (meeting.follow.section) and a vote refer to a
//     section by its SectionRef, so both sides must derive the same list from the same page.
// [2] PARTNERSHIP_SECTIONS leaves out 'roles'; a roles zone placed by hand comes after the
//     template's sections, then any section without a kind, each group in reading order.
// [3] tldraw's shape ids are `shape:` and a random or chosen key without a colon in practice;
//     `shape:page:…` is valid for meeting.follow (meeting.ts isSectionRef) and unique per page.
