import {
  ACTION_SHAPE,
  BOTTLENECK_SHAPE,
  DREAM_SHAPE,
  LESSON_SHAPE,
  PARTICIPANT_SHAPE,
  type ActionStatus,
  type Indicator,
  type ParticipantKind,
  type ValueKind,
} from '@wijktafel/shared'
import type { ImpactCards } from './summary'

/** The fields of a tldraw record the overview reads; any store's records fit. */
interface RecordLike {
  id: string
  typeName: string
  type?: string
  parentId?: string
  index?: string
  x?: number
  y?: number
  props?: object
}

/**
 * The cards the impact overview needs, from a board's records: actions in reading order
 * (map by map, then top to bottom, left to right on the page [1]), participants by id for
 * the owners, the dream, and lessons and bottlenecks with their round. Pure: the overview
 * passes the editor's records, the tests the example board's.
 */
export function cardsFromRecords(records: Iterable<RecordLike>, title: string): ImpactCards {
  const byId = new Map<string, RecordLike>()
  const pages: RecordLike[] = []
  for (const r of records) {
    byId.set(r.id, r)
    if (r.typeName === 'page') pages.push(r)
  }
  pages.sort((a, b) => ((a.index ?? '') < (b.index ?? '') ? -1 : 1))
  const pageOrder = new Map(pages.map((p, i) => [p.id, i]))
  // Page and position on it, walking up through zones and frames (they are not rotated).
  const place = (shape: RecordLike) => {
    let x = 0
    let y = 0
    let at: RecordLike | undefined = shape
    while (at && at.typeName === 'shape') {
      x += at.x ?? 0
      y += at.y ?? 0
      at = at.parentId ? byId.get(at.parentId) : undefined
    }
    return { page: at ? (pageOrder.get(at.id) ?? 0) : 0, x, y }
  }
  const shapes = [...byId.values()].filter((r) => r.typeName === 'shape')
  const ofType = (type: string) =>
    shapes
      .filter((s) => s.type === type)
      .map((s) => ({ s, at: place(s), p: s.props as Record<string, unknown> }))
      .sort((a, b) => a.at.page - b.at.page || a.at.y - b.at.y || a.at.x - b.at.x)

  const participants: ImpactCards['participants'] = {}
  for (const { s, p } of ofType(PARTICIPANT_SHAPE)) {
    participants[s.id] = { name: str(p.name), kind: str(p.kind) as ParticipantKind }
  }
  const dream = ofType(DREAM_SHAPE)
    .map(({ p }) => str(p.text))
    .find((text) => text.trim() !== '')
  return {
    title,
    dream: dream ?? '',
    actions: ofType(ACTION_SHAPE).map(({ s, p }) => ({
      id: s.id,
      what: str(p.what),
      status: (str(p.status) || 'idee') as ActionStatus,
      ownerId: typeof p.ownerId === 'string' ? p.ownerId : null,
      due: str(p.due),
      values: (Array.isArray(p.values) ? p.values : []) as ValueKind[],
      indicators: (Array.isArray(p.indicators) ? p.indicators : []) as Indicator[],
    })),
    participants,
    lessons: ofType(LESSON_SHAPE).map(({ p }) => ({
      text: str(p.text),
      date: str(p.date),
      roundId: str(p.roundId),
    })),
    bottlenecks: ofType(BOTTLENECK_SHAPE).map(({ p }) => ({
      text: str(p.text),
      whoCanRemove: str(p.whoCanRemove),
      roundId: str(p.roundId),
    })),
  }
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

// [1] The order the table made them in is the order they read them in on the map; a page's
//     own index keeps the interest map before the partnership map, whatever their names.
