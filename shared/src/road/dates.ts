/** Calendar dates `YYYY-MM-DD` as whole days, in UTC so no time zone moves a day [1]. */

const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 of a date `YYYY-MM-DD`; NaN for anything else. */
export function dayNumber(date: string): number {
  const m = DATE.exec(date)
  if (!m) return NaN
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS
}

/** The date `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10)
}

/** The same day `years` later (29 February becomes 1 March in a year without one). */
export function addYears(date: string, years: number): string {
  const m = DATE.exec(date)
  if (!m) return date
  const d = new Date(Date.UTC(Number(m[1]) + years, Number(m[2]) - 1, Number(m[3])))
  return d.toISOString().slice(0, 10)
}

/** Today in this machine's time zone, as `YYYY-MM-DD` (what a person calls today). */
export function todayDate(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

// [1] The board stores plain dates (the action card's `due`); counting them as UTC midnights
//     keeps every day exactly 86,400,000 ms apart, so a date maps to one x and back.
