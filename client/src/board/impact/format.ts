import { translate, type Locale, type UnitKind } from '@wijktafel/shared'

/**
 * Numbers, money, days and units as a reader of `locale` writes them ("1.200" in Dutch,
 * "1,200" in English). Shared by the overview and the infographic, whose language is chosen
 * apart from the app's.
 */
const TAG: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB', tr: 'tr-TR', ar: 'ar' }

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(TAG[locale], {
    maximumFractionDigits: Math.abs(n) < 10 ? 1 : 0,
    // Western digits in every language: numbers copied from a phone into a report stay numbers.
    numberingSystem: 'latn',
  }).format(n)
}

/** Whole euros: a money estimate is never precise to the cent. */
export function formatEuro(locale: Locale, n: number): string {
  return new Intl.NumberFormat(TAG[locale], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
    numberingSystem: 'latn',
  }).format(Math.round(n))
}

/** "14 okt. 2026" / "14 Oct 2026"; the day of a `YYYY-MM-DD` string, whatever the time zone. */
export function formatDay(locale: Locale, day: string, month: 'short' | 'long' = 'short'): string {
  const date = new Date(`${day}T12:00:00Z`)
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(TAG[locale], {
    day: 'numeric',
    month,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

/** The word or sign after a number: '' for a plain count, "%", "kg", "kWh", "uur", or the table's word. */
export function unitSuffix(locale: Locale, unit: UnitKind, unitLabel: string): string {
  switch (unit) {
    case 'aantal':
    case 'euro':
      return ''
    case 'procent':
      return '%'
    case 'kg':
      return 'kg'
    case 'kwh':
      return 'kWh'
    case 'uur':
      return translate(locale, 'impact.unit.hours')
    case 'anders':
      return unitLabel
  }
}

/** A value with its unit: "37", "€ 1.200", "45%", "120 kg". */
export function formatValue(locale: Locale, n: number, unit: UnitKind, unitLabel: string): string {
  if (unit === 'euro') return formatEuro(locale, n)
  const suffix = unitSuffix(locale, unit, unitLabel)
  const number = formatNumber(locale, n)
  if (!suffix) return number
  return unit === 'procent' ? `${number}%` : `${number} ${suffix}`
}

/** Progress as a whole percentage, "62%"; over 100 and below 0 as measured. */
export function formatPercent(progress: number): string {
  return `${Math.round(progress * 100)}%`
}

/** A message with `{name}` placeholders filled in. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  )
}
