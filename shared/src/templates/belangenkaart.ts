import {
  ASSIGNMENT_SHAPE,
  DREAM_SHAPE,
  INTEREST_SHAPE,
  PARTICIPANT_SHAPE,
  SHARED_INTEREST_SHAPE,
} from '../cards/index.js'
import type { TLPageId, TLShapeId } from '@tldraw/tlschema'
import { translate, type Locale } from '../i18n/messages.js'
import type { ParticipantKind } from '../model/enums.js'
import { LEGEND_SHAPE, legendDefaultProps } from '../shapes/legendShape.js'
import { ZONE_SHAPE } from '../shapes/zoneShape.js'
import type { InterestMapContent, ParticipantContent } from './content.js'
import {
  ASSIGNMENT,
  DREAM,
  INTEREST,
  INTEREST_COLUMNS,
  PAD,
  PARTICIPANT_HEADER,
  SHARED_INTEREST,
  ZONE_GAP,
  ZONE_HEADER,
  gridCell,
  participantAreaSize,
  rowsHeight,
} from './layout.js'
import {
  normalise,
  RecordBuilder,
  type MapTemplate,
  type Rect,
  type TemplateOptions,
} from './recordBuilder.js'

/** The participants of an empty belangenkaart: the four partners nearly every table has. */
export const DEFAULT_PARTICIPANT_KINDS: readonly ParticipantKind[] = [
  'bewoner',
  'gemeente',
  'woningcorporatie',
  'ondernemer',
]

const SHARED_COLUMNS = 3
const SIDES = ['top', 'bottom', 'left', 'right'] as const
type Side = (typeof SIDES)[number]

export interface BelangenkaartOptions extends TemplateOptions {
  pageId: TLPageId
  locale: Locale
  content?: InterestMapContent
}

/**
 * The belangenkaart (interest map): the Droom in the centre with the Maatschappelijke opdracht
 * beside it and the Gedeeld belang zone below them; a ring of participant areas around that
 * centre, each holding its interest notes; the legend on the right [1].
 */
export function belangenkaart({
  pageId,
  locale,
  content,
  makeId,
}: BelangenkaartOptions): MapTemplate {
  const b = new RecordBuilder(pageId, makeId)
  const participants: ParticipantContent[] =
    content?.participants ??
    DEFAULT_PARTICIPANT_KINDS.map((kind) => ({
      name: '',
      kind,
      level: kind === 'bewoner' ? 'persoonlijk' : 'organisatie',
    }))

  // The centre: dream and assignment side by side, the shared-interest zone below them.
  const centreW = DREAM.w + ZONE_GAP + ASSIGNMENT.w
  const shared = content?.sharedInterests ?? []
  const sharedRows = Math.max(2, Math.ceil(shared.length / SHARED_COLUMNS))
  const zone: Rect = {
    x: 0,
    y: DREAM.h + ZONE_GAP,
    w: centreW,
    h: ZONE_HEADER + rowsHeight(sharedRows, SHARED_INTEREST.h) + PAD,
  }
  const centre: Rect = { x: 0, y: 0, w: centreW, h: zone.y + zone.h }

  // The ring: participants go round the sides in turn, so the map grows evenly.
  const areas = participants.map((p) => participantAreaSize(p.interests?.length ?? 0))
  const bySide: Record<Side, number[]> = { top: [], bottom: [], left: [], right: [] }
  participants.forEach((_, i) => bySide[SIDES[i % SIDES.length]!].push(i))
  const rects: Rect[] = new Array<Rect>(participants.length)

  const column = (side: 'left' | 'right') => {
    const ids = bySide[side]
    const height =
      ids.reduce((sum, i) => sum + areas[i]!.h, 0) + Math.max(0, ids.length - 1) * ZONE_GAP
    let y = centre.y + centre.h / 2 - height / 2
    for (const i of ids) {
      const { w, h } = areas[i]!
      const x = side === 'left' ? centre.x - ZONE_GAP - w : centre.x + centre.w + ZONE_GAP
      rects[i] = { x, y, w, h }
      y += h + ZONE_GAP
    }
  }
  column('left')
  column('right')
  const middle = [centre, ...[...bySide.left, ...bySide.right].map((i) => rects[i]!)]
  const bandTop = Math.min(...middle.map((r) => r.y))
  const bandBottom = Math.max(...middle.map((r) => r.y + r.h))

  const row = (side: 'top' | 'bottom') => {
    const ids = bySide[side]
    const width =
      ids.reduce((sum, i) => sum + areas[i]!.w, 0) + Math.max(0, ids.length - 1) * ZONE_GAP
    let x = centre.x + centre.w / 2 - width / 2
    for (const i of ids) {
      const { w, h } = areas[i]!
      // Top row hangs from the band, bottom row stands below it: both stay close to the centre.
      const y = side === 'top' ? bandTop - ZONE_GAP - h : bandBottom + ZONE_GAP
      rects[i] = { x, y, w, h }
      x += w + ZONE_GAP
    }
  }
  row('top')
  row('bottom')

  // Records: centre first, then participants with their interests, then shared interests.
  b.add(DREAM_SHAPE, pageId, 0, 0, {
    text: content?.dream?.text ?? '',
    horizonYears: content?.dream?.horizonYears ?? 5,
  })
  b.add(ASSIGNMENT_SHAPE, pageId, DREAM.w + ZONE_GAP, 0, {
    text: content?.assignment?.text ?? '',
    horizonYears: content?.assignment?.horizonYears ?? 2,
  })
  const zoneShape = b.add(ZONE_SHAPE, pageId, zone.x, zone.y, {
    w: zone.w,
    h: zone.h,
    kind: 'shared-interest',
    title: translate(locale, 'zoneKind.shared-interest'),
  })

  const participantIds: Record<string, TLShapeId> = {}
  const placed: { id: TLShapeId; x: number; y: number; w: number; h: number }[] = []
  participants.forEach((p, i) => {
    const rect = rects[i]!
    const shape = b.add(PARTICIPANT_SHAPE, pageId, rect.x, rect.y, {
      w: rect.w,
      h: rect.h,
      name: p.name,
      organisation: p.organisation ?? '',
      kind: p.kind,
      level: p.level ?? 'persoonlijk',
    })
    placed.push({ id: shape.id, ...rect })
    if (p.key !== undefined) participantIds[p.key] = shape.id
    ;(p.interests ?? []).forEach((interest, n) => {
      const { x, y } = gridCell(n, INTEREST_COLUMNS, INTEREST, { x: PAD, y: PARTICIPANT_HEADER })
      b.add(INTEREST_SHAPE, shape.id, x, y, {
        text: interest.text,
        category: interest.category,
        participantId: shape.id,
        shared: false,
      })
    })
  })

  shared.forEach((s, n) => {
    const { x, y } = gridCell(n, SHARED_COLUMNS, SHARED_INTEREST)
    b.add(SHARED_INTEREST_SHAPE, zoneShape.id, x, y, {
      text: s.text,
      participantIds: resolveKeys(s.participants ?? [], participantIds),
    })
  })

  const ringRight = Math.max(centre.x + centre.w, ...rects.map((r) => r.x + r.w))
  const ringTop = Math.min(centre.y, ...rects.map((r) => r.y))
  b.add(LEGEND_SHAPE, pageId, ringRight + ZONE_GAP * 1.5, ringTop, {
    ...legendDefaultProps,
    map: 'belangenkaart',
  })

  for (const exchange of content?.exchanges ?? []) {
    const from = placed.find((p) => p.id === participantIds[exchange.from])
    const to = placed.find((p) => p.id === participantIds[exchange.to])
    if (!from || !to) {
      throw new Error(
        `Exchange between unknown participants '${exchange.from}' and '${exchange.to}'`,
      )
    }
    b.addExchange(from, to, exchange.type, exchange.text ?? '')
  }

  return normalise(b, participantIds)
}

function resolveKeys(keys: string[], ids: Record<string, TLShapeId>): TLShapeId[] {
  return [...new Set(keys)].map((key) => {
    const id = ids[key]
    if (!id) throw new Error(`Unknown participant '${key}'`)
    return id
  })
}

// [1] Sides are filled top, bottom, left, right in turn, so four participants make a ring and
// six make two above, two below and one on each side. The left and right columns are centred
// on the centre block; the top and bottom rows sit above and below everything in that middle
// band, which is what keeps areas of different heights from overlapping.
