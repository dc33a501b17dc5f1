import {
  ASSIGNMENT_SHAPE,
  DREAM_SHAPE,
  ROLE_SHAPE,
  SHARED_INTEREST_SHAPE,
  getCardKind,
  SECTION_CARD_KIND,
} from '../cards/index.js'
import type { TLPageId, TLShapeId } from '@tldraw/tlschema'
import { translate, type Locale } from '../i18n/messages.js'
import type { SectionKind } from '../model/enums.js'
import { LEGEND_SHAPE, legendDefaultProps } from '../shapes/legendShape.js'
import type { WijktafelShapeType } from '../shapes/wijktafelSchema.js'
import { ZONE_SHAPE } from '../shapes/zoneShape.js'
import { DEFAULT_PARTICIPANT_KINDS } from './belangenkaart.js'
import type { PartnershipContent } from './content.js'
import {
  ASSIGNMENT,
  CARD_GAP,
  DREAM,
  PAD,
  ROLE,
  SHARED_INTEREST,
  ZONE_GAP,
  ZONE_HEADER,
  columnsWidth,
  gridCell,
  rowsHeight,
} from './layout.js'
import {
  normalise,
  RecordBuilder,
  type MapTemplate,
  type TemplateOptions,
} from './recordBuilder.js'

/** The agreement sections, in reading order; four per row. Roles live in the partner lanes. */
export const PARTNERSHIP_SECTIONS = [
  'decisions',
  'expectations',
  'communication',
  'rules',
  'actions',
  'bottlenecks',
  'lessons',
] as const satisfies readonly SectionKind[]

const SECTIONS_PER_ROW = 4
const SECTION_CARD_COLUMNS = 2
/** Wide enough for two columns of the widest section card (the action). */
const SECTION_W = 2 * PAD + columnsWidth(SECTION_CARD_COLUMNS, getCardKind('action').defaultSize.w)
/** The width of the banner, the lanes and the rows of sections. */
export const PARTNERSHIP_WIDTH =
  SECTIONS_PER_ROW * SECTION_W + (SECTIONS_PER_ROW - 1) * (ZONE_GAP - CARD_GAP)
const SECTION_STEP = SECTION_W + ZONE_GAP - CARD_GAP
const LANE_GAP = ZONE_GAP / 2

export interface PartnerschapskaartOptions extends TemplateOptions {
  pageId: TLPageId
  locale: Locale
  content?: PartnershipContent
}

/**
 * The partnerschapskaart (partnership map): a banner on top with the Droom, the
 * Maatschappelijke opdracht and the shared interests; one lane per partner below it holding
 * the partner's roles; then the sections for the agreements that hold for everyone
 * (decisions, expectations, communication, rules, actions, bottlenecks, lessons); the legend on
 * the right.
 */
export function partnerschapskaart({
  pageId,
  locale,
  content,
  makeId,
}: PartnerschapskaartOptions): MapTemplate {
  const b = new RecordBuilder(pageId, makeId)
  const width = PARTNERSHIP_WIDTH

  // Banner: dream, assignment, then the shared interests in columns of two.
  const shared = content?.sharedInterests ?? []
  const sharedX = PAD + DREAM.w + ZONE_GAP / 2 + ASSIGNMENT.w + ZONE_GAP
  const sharedColumns = Math.max(
    1,
    Math.floor((width - sharedX - PAD + CARD_GAP) / (SHARED_INTEREST.w + CARD_GAP)),
  )
  const sharedRows = Math.max(2, Math.ceil(shared.length / sharedColumns))
  const bannerContentH = Math.max(
    DREAM.h,
    shared.length ? rowsHeight(sharedRows, SHARED_INTEREST.h) : 0,
  )
  const banner = b.add(ZONE_SHAPE, pageId, 0, 0, {
    w: width,
    h: ZONE_HEADER + bannerContentH + PAD,
    kind: 'banner',
    title: translate(locale, 'template.banner'),
  })
  b.add(DREAM_SHAPE, banner.id, PAD, ZONE_HEADER, {
    text: content?.dream?.text ?? '',
    horizonYears: content?.dream?.horizonYears ?? 5,
  })
  b.add(ASSIGNMENT_SHAPE, banner.id, PAD + DREAM.w + ZONE_GAP / 2, ZONE_HEADER, {
    text: content?.assignment?.text ?? '',
    horizonYears: content?.assignment?.horizonYears ?? 2,
  })
  shared.forEach((s, n) => {
    // Fill column by column, two high, so the shared interests read as a list beside the dream.
    const column = Math.floor(n / sharedRows)
    const rowInColumn = n % sharedRows
    b.add(
      SHARED_INTEREST_SHAPE,
      banner.id,
      sharedX + column * (SHARED_INTEREST.w + CARD_GAP),
      ZONE_HEADER + rowInColumn * (SHARED_INTEREST.h + CARD_GAP),
      { text: s.text, participantIds: [...new Set(s.participantIds ?? [])] },
    )
  })
  let y = banner.props.h + ZONE_GAP

  // Lanes: one per partner, holding its role cards in a row (wrapping when there are many).
  const partners =
    content?.partners ??
    DEFAULT_PARTICIPANT_KINDS.map((kind) => ({
      title: translate(locale, `participantKind.${kind}`),
      participantId: null,
      roles: [],
    }))
  const rolesPerRow = Math.floor((width - 2 * PAD + CARD_GAP) / (ROLE.w + CARD_GAP))
  for (const partner of partners) {
    const roles = partner.roles ?? []
    const rows = Math.max(1, Math.ceil(roles.length / rolesPerRow))
    const lane = b.add(ZONE_SHAPE, pageId, 0, y, {
      w: width,
      h: ZONE_HEADER + rowsHeight(rows, ROLE.h) + PAD,
      kind: 'lane',
      title: partner.title,
      participantId: partner.participantId ?? null,
    })
    roles.forEach((role, n) => {
      const { x, y: cellY } = gridCell(n, rolesPerRow, ROLE)
      b.add(ROLE_SHAPE, lane.id, x, cellY, {
        role: role.role,
        participantId: role.participantId ?? partner.participantId ?? null,
        partner: role.partner ?? partner.title,
      })
    })
    y += lane.props.h + LANE_GAP
  }
  y += ZONE_GAP - LANE_GAP

  // Sections, four to a row; the sections of one row share the height of the tallest.
  const items: Record<(typeof PARTNERSHIP_SECTIONS)[number], object[]> = {
    decisions: content?.decisions ?? [],
    expectations: content?.expectations ?? [],
    communication: content?.communication ?? [],
    rules: content?.rules ?? [],
    actions: content?.actions ?? [],
    bottlenecks: content?.bottlenecks ?? [],
    lessons: content?.lessons ?? [],
  }
  for (let start = 0; start < PARTNERSHIP_SECTIONS.length; start += SECTIONS_PER_ROW) {
    const row = PARTNERSHIP_SECTIONS.slice(start, start + SECTIONS_PER_ROW)
    const heights = row.map((section) => {
      const card = getCardKind(SECTION_CARD_KIND[section]).defaultSize
      const rows = Math.max(1, Math.ceil(items[section].length / SECTION_CARD_COLUMNS))
      return ZONE_HEADER + rowsHeight(rows, card.h) + PAD
    })
    const rowH = Math.max(...heights)
    row.forEach((section, column) => {
      const kind = getCardKind(SECTION_CARD_KIND[section])
      const zone = b.add(ZONE_SHAPE, pageId, column * SECTION_STEP, y, {
        w: SECTION_W,
        h: rowH,
        kind: 'section',
        title: translate(locale, `sectionKind.${section}`),
        section,
      })
      items[section].forEach((props, n) => {
        const { x, y: cellY } = gridCell(n, SECTION_CARD_COLUMNS, kind.defaultSize)
        b.add(kind.type as WijktafelShapeType, zone.id, x, cellY, props)
      })
    })
    y += rowH + ZONE_GAP
  }

  b.add(LEGEND_SHAPE, pageId, width + ZONE_GAP * 1.5, 0, {
    ...legendDefaultProps,
    map: 'partnerschapskaart',
  })

  return normalise(b, {} as Record<string, TLShapeId>)
}
