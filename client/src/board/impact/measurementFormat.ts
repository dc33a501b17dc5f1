import {
  findChoice,
  UNIT_KIND_CHOICES,
  type Indicator,
  type Locale,
  type Measurement,
  type MessageKey,
} from '@wijktafel/shared'

/** A number as people of this locale write it ("3,5" in Dutch), with up to 2 decimals. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
}

/** The unit's own word, short, after a number: "kg", "kWh", "%", "uur", "stappen". */
export function unitWord(
  indicator: Pick<Indicator, 'unit' | 'unitLabel'>,
  t: (key: MessageKey) => string,
): string {
  switch (indicator.unit) {
    case 'aantal':
      return ''
    case 'euro':
      return '€'
    case 'kg':
      return 'kg'
    case 'kwh':
      return 'kWh'
    case 'procent':
      return '%'
    case 'anders':
      return indicator.unitLabel
    default: {
      const choice = findChoice(UNIT_KIND_CHOICES, indicator.unit)
      return choice ? t(choice.label).toLowerCase() : ''
    }
  }
}

/** A value with its unit: "€ 12,50", "12 kg", "80%", "1.200 stappen". */
export function formatValue(
  value: number,
  indicator: Pick<Indicator, 'unit' | 'unitLabel'>,
  locale: Locale,
  t: (key: MessageKey) => string,
): string {
  const n = formatNumber(value, locale)
  const word = unitWord(indicator, t)
  if (indicator.unit === 'uur') {
    return new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: 'hour',
      unitDisplay: 'long',
      maximumFractionDigits: 2,
    }).format(value)
  }
  if (indicator.unit === 'euro') return `€ ${n}`
  if (indicator.unit === 'procent') return `${n}%`
  return word ? `${n} ${word}` : n
}

/** One line of an indicator's history: a measurement and the corrections that replaced it. */
export interface HistoryRow {
  /** The first measurement, then each correction of the one before, in order. */
  chain: Array<{ id: string; m: Measurement }>
}

/**
 * An indicator's history as people read it: newest first, each measurement once with its
 * corrections after it (the last in the chain is the one that counts) [1].
 */
export function historyRows(
  measurements: Record<string, Measurement>,
  actionId: string,
  indicatorId: string,
): HistoryRow[] {
  const mine = Object.entries(measurements).filter(
    ([, m]) => m.actionId === actionId && m.indicatorId === indicatorId,
  )
  const correctionOf = new Map<string, [string, Measurement]>()
  for (const entry of mine) {
    const corrects = entry[1].corrects
    if (corrects === null) continue
    const other = correctionOf.get(corrects)
    // Two corrections of one measurement (two phones at once): the later one counts.
    if (!other || other[1].at < entry[1].at) correctionOf.set(corrects, entry)
  }
  const rows: HistoryRow[] = []
  for (const [id, m] of mine) {
    if (m.corrects !== null && mine.some(([other]) => other === m.corrects)) continue
    const chain = [{ id, m }]
    const seen = new Set([id])
    for (let next = correctionOf.get(id); next && !seen.has(next[0]);) {
      chain.push({ id: next[0], m: next[1] })
      seen.add(next[0])
      next = correctionOf.get(next[0])
    }
    rows.push({ chain })
  }
  const shown = (row: HistoryRow) => row.chain[row.chain.length - 1]!.m
  return rows.sort((a, b) => {
    const x = shown(a)
    const y = shown(b)
    return y.date.localeCompare(x.date) || y.at - x.at
  })
}

// [1] The same reading as the shared `measurementsOf` (a correction replaces what it
//     corrects), kept as chains so the form can show what was replaced, struck through.
