import type { TLPageId, TLShape, TLShapeId } from '@tldraw/tlschema'
import { sortByIndex } from '@tldraw/utils'
import { ACTION_SHAPE, ASSIGNMENT_SHAPE, DREAM_SHAPE } from '../cards/index.js'
import { translate, type Locale } from '../i18n/messages.js'
import type { RoadHorizon } from '../impact/impact.js'
import { ROAD_ACTION_SHAPE, ROAD_SHAPE } from '../shapes/roadShapes.js'
import { RecordBuilder, type Rect, type TemplateOptions } from '../templates/recordBuilder.js'
import { addYears, dayNumber } from './dates.js'
import { horizonOf, ROAD_HORIZON_YEARS } from './horizons.js'
import {
  dateToX,
  horizonDate,
  packRows,
  ROAD_LAYOUT,
  roadHeight,
  roadWidth,
  rowY,
} from './layout.js'

export interface BuildRoadOptions extends TemplateOptions {
  pageId: TLPageId
  locale: Locale
  /** The road's start, `YYYY-MM-DD`: today for a road made at the table. */
  today: string
}

export interface RoadTemplate {
  /** The road first, then its milestones and action references (its children). */
  shapes: TLShape[]
  roadId: TLShapeId
  bounds: Rect
}

/** Years to the dream when the board has no dream card. */
export const DEFAULT_ROAD_YEARS = 5

/**
 * "Make the road": backcasting from the dream [1]. A timeline from `today` to the dream's
 * horizon (its `horizonYears`, default 5) with a milestone per horizon (the dream at the end,
 * the social assignment at its own horizon, a plain first step where the board says nothing)
 * and a reference to every action card of the board: by its due date, else by its horizon,
 * else in the tray "nog niet op de weg" at the start. Cards never overlap: actions close in
 * time take the next row.
 */
export function buildRoad(
  boardShapes: readonly TLShape[],
  options: BuildRoadOptions,
): RoadTemplate {
  const { pageId, locale, today } = options
  const shapes = [...boardShapes].sort(sortByIndex)
  const dream = shapes.find((s) => s.type === DREAM_SHAPE)
  const assignment = shapes.find((s) => s.type === ASSIGNMENT_SHAPE)
  const actions = shapes.filter((s) => s.type === ACTION_SHAPE)
  const years = dream?.props.horizonYears ?? DEFAULT_ROAD_YEARS
  const start = today
  const end = addYears(today, years)
  const road = { w: roadWidth(years), start, end }
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)

  // Milestones, backwards from the dream: the dream, the assignment, then first steps.
  const milestones: { text: string; due: string; horizon: RoadHorizon }[] = []
  milestones.push({
    text: dream?.props.text || t('road.milestone.lang'),
    due: end,
    horizon: 'lang',
  })
  if (assignment && assignment.props.horizonYears < years) {
    const due = addYears(start, assignment.props.horizonYears)
    milestones.push({ text: assignment.props.text, due, horizon: horizonOf(start, due) })
  }
  const fallback: Record<Exclude<RoadHorizon, 'lang'>, number> = {
    middellang: 2,
    kort: ROAD_HORIZON_YEARS.kort,
  }
  for (const horizon of ['middellang', 'kort'] as const) {
    if (milestones.some((m) => m.horizon === horizon)) continue
    const due = addYears(start, Math.min(fallback[horizon], years))
    milestones.push({ text: t(`road.milestone.${horizon}`), due, horizon })
  }
  milestones.sort((a, b) => dayNumber(a.due) - dayNumber(b.due))

  // Actions on the road by date (or horizon), the others in the tray.
  const placed: { id: TLShapeId; x: number }[] = []
  const tray: TLShapeId[] = []
  for (const action of actions) {
    const date = roadDateOf(road, action)
    if (date) placed.push({ id: action.id, x: dateToX(road, date) })
    else tray.push(action.id)
  }
  placed.sort((a, b) => a.x - b.x)
  const { w: cardW, h: cardH } = ROAD_LAYOUT.action
  const rows = packRows(
    placed.map((p) => p.x - cardW / 2),
    cardW,
  )
  const rowCount = Math.max(0, ...rows.map((r) => r + 1), tray.length)

  const builder = new RecordBuilder(pageId, options.makeId)
  const h = roadHeight(rowCount)
  const roadShape = builder.add(ROAD_SHAPE, pageId, 0, 0, {
    w: road.w,
    h,
    title: t('road.title'),
    start,
    end,
  })
  const { w: mw, h: mh } = ROAD_LAYOUT.milestone
  for (const m of milestones) {
    const x = dateToX(road, m.due) - mw / 2
    builder.add('wt-milestone', roadShape.id, x, ROAD_LAYOUT.milestoneY, {
      w: mw,
      h: mh,
      text: m.text,
      horizon: m.horizon,
      due: m.due,
    })
  }
  placed.forEach((p, i) => {
    builder.add(ROAD_ACTION_SHAPE, roadShape.id, p.x - cardW / 2, rowY(rows[i]!), {
      w: cardW,
      h: cardH,
      actionId: p.id,
    })
  })
  tray.forEach((id, i) => {
    builder.add(ROAD_ACTION_SHAPE, roadShape.id, roadActionX(road, '', cardW), rowY(i), {
      w: cardW,
      h: cardH,
      actionId: id,
    })
  })
  return { shapes: builder.shapes, roadId: roadShape.id, bounds: { x: 0, y: 0, w: road.w, h } }
}

/**
 * Where an action card stands on this road: its due date, else the middle of its horizon, else
 * '' (the tray). The one rule for placing an action, for a new road and for a card made later
 * (client/src/shapes/road/roadSync.ts).
 */
export function roadDateOf(
  road: { w: number; start: string; end: string },
  action: TLShape,
): string {
  const { due, horizon } = action.props as { due?: string; horizon?: string }
  if (due) return due
  return horizon === 'kort' || horizon === 'middellang' || horizon === 'lang'
    ? horizonDate(road, horizon)
    : ''
}

/**
 * The x (left edge, inside the road) of an action reference `w` wide for this date: its middle
 * on the date, or in the middle of the tray when the date is ''.
 */
export function roadActionX(
  road: { w: number; start: string; end: string },
  date: string,
  w: number,
): number {
  return date ? dateToX(road, date) - w / 2 : (ROAD_LAYOUT.trayW - w) / 2
}

// [1] Backcasting, as the publication describes the road (Dazo step 6): start from the dream
//     as the point on the horizon and work back to what has to be true before it, down to
//     what we do this year. The road is made once from the board as it is; afterwards it is
//     edited on the canvas like everything else.
