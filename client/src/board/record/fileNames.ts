/**
 * File names of what a person saves from a board: `de-horst-belangenkaart-2026-03-12.png`.
 * Lower case, letters without their accents, anything else a single '-', so the name is
 * the same on every system and reads well in a mail or a council document.
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '') // the accents NFKD split off: "één" -> "een"
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A local calendar date as YYYY-MM-DD (the date on the person's clock, not UTC). */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * `<board>-<map>[-<part>]-<date>.<ext>`; a part already in the board's title is not repeated
 * ("Belangenkaart De Horst" + "Belangenkaart" gives `belangenkaart-de-horst-2026-03-12`).
 */
export function exportFileName(
  parts: { board: string; map?: string; part?: string },
  date: Date,
  extension: string,
): string {
  const words: string[] = []
  for (const part of [parts.board, parts.map, parts.part]) {
    const s = part ? slug(part) : ''
    if (s && !words.some((w) => `-${w}-`.includes(`-${s}-`))) words.push(s)
  }
  const name = [...words, isoDate(date)].join('-').slice(-120).replace(/^-+/, '')
  return `${name || 'wijktafel'}.${extension}`
}
