import type { RoadHorizon } from '../impact/impact.js'
import type { RoadShapeProps } from '../shapes/roadShapes.js'
import { MAX_SIZE } from '../shapes/validators.js'
import { dateOfDay, dayNumber } from './dates.js'
import { horizonSpan } from './horizons.js'

/**
 * The road's layout in page units, relative to the road shape [1]. From the left: the tray
 * ("nog niet op de weg"), then the timeline from the start date to the end date. From the
 * top: the title band, the milestones, the time axis with its dates, then rows of actions.
 */
export const ROAD_LAYOUT = {
  /** The tray of actions without a date or horizon. */
  trayW: 440,
  /** Room before the start date (half an action card) and after the end date (half a milestone). */
  padStart: 190,
  padEnd: 250,
  /** One year of road, at most; a far dream gets fewer units per year so the road stays within MAX_SIZE. */
  yearW: 500,
  head: 84,
  milestoneY: 104,
  milestoneH: 300,
  axisY: 470,
  rowsY: 580,
  rowGap: 30,
  bottom: 40,
  action: { w: 360, h: 210 },
  milestone: { w: 440, h: 300 },
} as const

type Road = Pick<RoadShapeProps, 'w' | 'start' | 'end'>

/** The timeline's x range inside the road and its days. */
export function timeline(road: Road) {
  const x0 = ROAD_LAYOUT.trayW + ROAD_LAYOUT.padStart
  const x1 = Math.max(road.w - ROAD_LAYOUT.padEnd, x0 + 1)
  const d0 = dayNumber(road.start)
  const d1 = Math.max(dayNumber(road.end), d0 + 1)
  return { x0, x1, d0, d1 }
}

/** The x inside the road of a date; dates outside the road sit at its ends. */
export function dateToX(road: Road, date: string): number {
  const { x0, x1, d0, d1 } = timeline(road)
  const day = Math.min(Math.max(dayNumber(date), d0), d1)
  return x0 + ((day - d0) / (d1 - d0)) * (x1 - x0)
}

/** The date at x inside the road (a whole day), or null in the tray before the road. */
export function xToDate(road: Road, x: number): string | null {
  if (x < ROAD_LAYOUT.trayW) return null
  const { x0, x1, d0, d1 } = timeline(road)
  const t = (Math.min(Math.max(x, x0), x1) - x0) / (x1 - x0)
  return dateOfDay(d0 + Math.round(t * (d1 - d0)))
}

/** The middle of a horizon's stretch of road: where an action with only a horizon stands. */
export function horizonDate(road: Road, horizon: RoadHorizon): string {
  const { from, to } = horizonSpan(road.start, road.end, horizon)
  return dateOfDay((from + to) / 2)
}

/** The width of a road of this many years: a year of `yearW`, within MAX_SIZE. */
export function roadWidth(years: number): number {
  const { trayW, padStart, padEnd, yearW } = ROAD_LAYOUT
  const fixed = trayW + padStart + padEnd
  return Math.round(fixed + years * Math.min(yearW, (MAX_SIZE - fixed) / years))
}

/** The y of a row of actions (0 is the first, under the axis). */
export function rowY(row: number): number {
  return ROAD_LAYOUT.rowsY + row * (ROAD_LAYOUT.action.h + ROAD_LAYOUT.rowGap)
}

/** The height of a road with this many rows of actions. */
export function roadHeight(rows: number): number {
  return rowY(Math.max(rows, 2)) + ROAD_LAYOUT.bottom
}

/**
 * Rows for cards at these x positions (their left edges, all `w` wide): each goes in the first
 * row where it overlaps no card, so no two cards cover each other. Returns the row of each.
 */
export function packRows(lefts: readonly number[], w: number, gap = 20): number[] {
  const ends: number[] = []
  return lefts.map((left) => {
    let row = ends.findIndex((end) => end + gap <= left)
    if (row < 0) row = ends.push(-Infinity) - 1
    ends[row] = left + w
    return row
  })
}

/**
 * The first row where a card `w` wide with its left edge at `left` overlaps none of `others`
 * (the cards already on the road, by their left edge and y): where a card made after the road
 * goes, so it covers nothing, as packRows does for a new road.
 */
export function freeRow(
  others: readonly { x: number; y: number; w: number }[],
  left: number,
  w: number,
  gap = 20,
): number {
  const h = ROAD_LAYOUT.action.h
  for (let row = 0; ; row++) {
    const y = rowY(row)
    const taken = others.some(
      (o) => Math.abs(o.y - y) < h && o.x < left + w + gap && left < o.x + o.w + gap,
    )
    if (!taken) return row
  }
}

// [1] Children of a tldraw shape are stored relative to it, so an action reference's x inside
//     the road is its date with no page offset to undo: moving the road moves the whole road.
//     An item's date is the x of its middle.
