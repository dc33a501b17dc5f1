/**
 * Small SVG string builders for the infographic (layout.ts). Strings, not DOM: the layout
 * runs in unit tests under Node, where there is no document.
 */

/** Width of `text` in pixels at `size`; the browser passes a canvas measure (render.ts). */
export type Measure = (text: string, size: number, bold: boolean) => number

/** A fair guess for IBM Plex Sans without a browser: average glyph widths per em. */
export const estimateWidth: Measure = (text, size, bold) => text.length * size * (bold ? 0.6 : 0.55)

export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

export function attrs(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${typeof v === 'string' ? esc(v) : v}"`)
    .join(' ')
}

export interface TextStyle {
  size: number
  bold?: boolean
  fill?: string
  anchor?: 'start' | 'middle' | 'end'
  italic?: boolean
}

export function text(x: number, y: number, content: string, style: TextStyle): string {
  return `<text ${attrs({
    x,
    y,
    'font-size': style.size,
    'font-weight': style.bold ? 700 : 500,
    'font-style': style.italic ? 'italic' : undefined,
    fill: style.fill ?? '#1b1b1b',
    'text-anchor': style.anchor ?? 'start',
  })}>${esc(content)}</text>`
}

/**
 * Words broken into lines no wider than `width`; the last allowed line ends in "…" when the
 * text is longer. A word longer than a line is cut with "…" as well.
 */
export function wrap(
  content: string,
  width: number,
  maxLines: number,
  size: number,
  bold: boolean,
  measure: Measure,
): string[] {
  const words = content.trim().split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let line = ''
  let i = 0
  for (; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!
    if (measure(next, size, bold) <= width || !line) {
      line = next
      continue
    }
    lines.push(line)
    line = words[i]!
    if (lines.length === maxLines) break
  }
  if (lines.length < maxLines && line) {
    lines.push(line)
    i = words.length
  }
  if (lines.length === 0) return []
  const cut = i < words.length
  const lastIndex = lines.length - 1
  let last = lines[lastIndex]!
  if (cut || measure(last, size, bold) > width) {
    while (last.length > 1 && measure(`${last}…`, size, bold) > width) last = last.slice(0, -1)
    lines[lastIndex] = `${last.trimEnd()}…`
  }
  return lines
}

/** Lines of text, one <text> each, the first baseline at `y`. */
export function lines(
  x: number,
  y: number,
  content: string[],
  style: TextStyle,
  lineHeight = 1.25,
): string {
  return content.map((l, i) => text(x, y + i * style.size * lineHeight, l, style)).join('')
}

/** A lucide pictogram (its 24×24 inner markup) at x, y with the given size and stroke colour. */
export function pictogram(
  inner: string,
  x: number,
  y: number,
  size: number,
  color: string,
  strokeWidth = 2.25,
): string {
  const s = size / 24
  return `<g transform="translate(${x} ${y}) scale(${s})" fill="none" stroke="${color}" stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round">${inner}</g>`
}

export function rect(
  x: number,
  y: number,
  w: number,
  h: number,
  fill: string,
  extra: Record<string, string | number> = {},
): string {
  return `<rect ${attrs({ x, y, width: w, height: h, fill, ...extra })}/>`
}

export function circle(cx: number, cy: number, r: number, fill: string, stroke?: string): string {
  return `<circle ${attrs({ cx, cy, r, fill, stroke, 'stroke-width': stroke ? 2 : undefined })}/>`
}
