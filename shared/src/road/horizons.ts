import type { RoadHorizon } from '../impact/impact.js'
import { addYears, dayNumber } from './dates.js'

/**
 * Where the road's horizons end, in years after the road's start [1]: an action due within a
 * year is short-term (`kort`), within three years mid-term (`middellang`), and anything
 * later long-term (`lang`, up to the dream). The one place these numbers live.
 */
export const ROAD_HORIZON_YEARS = { kort: 1, middellang: 3 } as const

/** The horizon of a date on a road that starts on `start`; a date before the start is `kort`. */
export function horizonOf(start: string, date: string): RoadHorizon {
  const day = dayNumber(date)
  if (day <= dayNumber(addYears(start, ROAD_HORIZON_YEARS.kort))) return 'kort'
  if (day <= dayNumber(addYears(start, ROAD_HORIZON_YEARS.middellang))) return 'middellang'
  return 'lang'
}

/** The first and last day (day numbers) of a horizon on the road from `start` to `end`. */
export function horizonSpan(
  start: string,
  end: string,
  horizon: RoadHorizon,
): { from: number; to: number } {
  const s = dayNumber(start)
  const e = Math.max(dayNumber(end), s + 1)
  const one = Math.min(dayNumber(addYears(start, ROAD_HORIZON_YEARS.kort)), e)
  const three = Math.min(dayNumber(addYears(start, ROAD_HORIZON_YEARS.middellang)), e)
  if (horizon === 'kort') return { from: s, to: one }
  if (horizon === 'middellang') return { from: one, to: three }
  return { from: three, to: e }
}

// [1] The publication's road has three stretches: what we do this year, in the next few years,
//     and towards the dream (5 years by default). The messages `roadHorizon.*` say the same
//     words ("Kort: dit jaar", "Middellang: 1 tot 3 jaar", "Lang: 3 tot 5 jaar").
