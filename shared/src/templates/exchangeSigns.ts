import { LOCALES, translate } from '../i18n/messages.js'
import { getChoice } from '../model/choice.js'
import { EXCHANGE_TYPES } from '../model/choices.js'
import type { ExchangeType } from '../model/enums.js'
import type { Rect } from './recordBuilder.js'

// Where tldraw and the exchange arrow draw an exchange's sign (the type badge above the text
// label), estimated without a browser from the two participants' boxes [1]. Page units.

/** tldraw's arrow label at size 'l': 16 px × 1.5, line height 1.35, padding 4.25. */
const LABEL_FONT = 24
const LABEL_LINE = Math.round(LABEL_FONT * 1.35)
const LABEL_PAD = 4.25
/** A generous average width of a character of tldraw's sans font at that size. */
const CHAR_W = 0.52 * LABEL_FONT
/** tldraw keeps a label this far from a bound end (LABEL_TO_ARROW_PADDING plus stroke 'l'). */
const END_PAD = 26
/** The exchange badge (client/src/shapes/exchange/exchangeBadge.tsx): 60 high, 26 px bold. */
const BADGE_H = 60

/** Where along the line a sign goes when nothing is in the way: nearer the giver, as the tool. */
export const PREFERRED_LABEL_POSITION = 0.35
const CANDIDATES = Array.from({ length: 13 }, (_, i) => 0.2 + i * 0.05)
/** Signs closer than this to each other read as one. */
const SIGN_MARGIN = 24

export interface ExchangeLine {
  /** Page boxes of the giver and the receiver. */
  from: Rect
  to: Rect
  type: ExchangeType
  /** The arrow's text (its label). */
  text: string
}

/** The visible line of an exchange: between the boxes' edges, on the line through the centres. */
export function exchangeSegment({ from, to }: ExchangeLine) {
  const a = centre(from)
  const b = centre(to)
  const d = { x: b.x - a.x, y: b.y - a.y }
  const leave = exitFraction(from, d)
  const enter = 1 - exitFraction(to, d)
  if (leave >= enter) return undefined // the boxes overlap: no line to speak of
  const start = { x: a.x + d.x * leave, y: a.y + d.y * leave }
  const end = { x: a.x + d.x * enter, y: a.y + d.y * enter }
  return { start, end }
}

/** The page rectangle of an exchange's sign with its label at `labelPosition`, if drawn. */
export function exchangeSignRect(line: ExchangeLine, labelPosition: number): Rect | undefined {
  const segment = exchangeSegment(line)
  if (!segment) return undefined
  const { start, end } = segment
  const dx = end.x - start.x
  const dy = end.y - start.y
  const length = Math.hypot(dx, dy)
  const label = labelSize(line.text, Math.abs(dx), Math.abs(dy))
  let t = labelPosition
  if (label) {
    // tldraw clamps the label so that it leaves both ends of the line free.
    const reach = Math.min(
      dx ? label.w / 2 / (Math.abs(dx) / length) : Infinity,
      dy ? label.h / 2 / (Math.abs(dy) / length) : Infinity,
    )
    const min = (reach + END_PAD) / length
    t = min > 0.5 ? 0.5 : Math.min(Math.max(t, min), 1 - min)
  } else {
    t = Math.min(Math.max(t, 0.15), 0.85)
  }
  const at = { x: start.x + dx * t, y: start.y + dy * t }
  const badgeW = badgeWidth(line.type)
  if (!label) return { x: at.x - badgeW / 2, y: at.y - BADGE_H / 2, w: badgeW, h: BADGE_H }
  const w = Math.max(label.w, badgeW)
  return { x: at.x - w / 2, y: at.y - label.h / 2 - BADGE_H, w, h: BADGE_H + label.h }
}

/**
 * The label position for a new exchange's sign: clear of the signs already placed (`signs`),
 * covering as little as it can of the cards (`cards`) and of the other exchanges' lines, and
 * otherwise as near the giver as the exchange tool puts it.
 */
export function chooseLabelPosition(
  line: ExchangeLine,
  signs: readonly Rect[],
  cards: readonly Rect[],
  otherLines: readonly ExchangeLine[],
): number {
  let best = PREFERRED_LABEL_POSITION
  let bestCost = Infinity
  for (const t of CANDIDATES) {
    const sign = exchangeSignRect(line, t)
    if (!sign) return PREFERRED_LABEL_POSITION
    const clash = signs.some((s) => overlapArea(grow(sign, SIGN_MARGIN), s) > 0)
    const crossings = otherLines.filter((l) => {
      const segment = exchangeSegment(l)
      return segment && segmentHitsRect(segment.start, segment.end, sign)
    }).length
    const covered = cards.reduce((sum, card) => sum + overlapArea(sign, card), 0)
    const cost =
      (clash ? 1e9 : 0) +
      covered +
      crossings * 20_000 +
      Math.abs(t - PREFERRED_LABEL_POSITION) * 10_000
    if (cost < bestCost) {
      best = t
      bestCost = cost
    }
  }
  return Math.round(best * 100) / 100
}

/** Area of the overlap of two rectangles (0 when they are apart or only touch). */
export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/** Size of tldraw's text label (with padding), or undefined for an empty text. */
function labelSize(text: string, bodyW: number, bodyH: number) {
  if (!text.trim()) return undefined
  const natural = text.length * CHAR_W
  // tldraw wraps a label to the line's width on a wide arrow, to 16 em on a tall one.
  const max = bodyW > bodyH ? Math.max(Math.min(natural, 64), bodyW - 64) : 16 * LABEL_FONT
  const lines = wrap(text, max)
  const w = Math.max(...lines.map((l) => l.length * CHAR_W))
  return { w: w + 2 * LABEL_PAD, h: lines.length * LABEL_LINE + 2 * LABEL_PAD }
}

/** `text` broken into lines at spaces, as a browser fills lines of at most `max` wide. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = []
  for (const word of text.trim().split(/\s+/)) {
    const last = lines.at(-1)
    if (last !== undefined && (last.length + 1 + word.length) * CHAR_W <= max) {
      lines[lines.length - 1] = `${last} ${word}`
    } else {
      lines.push(word)
    }
  }
  return lines
}

/** Width of the badge: pictogram and the type's name in the longest of its translations. */
function badgeWidth(type: ExchangeType) {
  const { label } = getChoice(EXCHANGE_TYPES, type)
  const longest = Math.max(...LOCALES.map((locale) => translate(locale, label).length))
  return 8 + 36 + 8 + 16 + Math.ceil(0.62 * 26 * longest)
}

function centre(r: Rect) {
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 }
}

/** How far along `d` from the centre of `r` the line leaves it, as a fraction of `d`. */
function exitFraction(r: Rect, d: { x: number; y: number }) {
  return Math.min(
    d.x ? r.w / 2 / Math.abs(d.x) : Infinity,
    d.y ? r.h / 2 / Math.abs(d.y) : Infinity,
  )
}

function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by }
}

/** Whether the segment from `a` to `b` passes through `r` (Liang–Barsky clipping). */
function segmentHitsRect(a: { x: number; y: number }, b: { x: number; y: number }, r: Rect) {
  let t0 = 0
  let t1 = 1
  const dx = b.x - a.x
  const dy = b.y - a.y
  for (const [p, q] of [
    [-dx, a.x - r.x],
    [dx, r.x + r.w - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.h - a.y],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false
    } else {
      const t = q / p
      if (p < 0) t0 = Math.max(t0, t)
      else t1 = Math.min(t1, t)
      if (t0 > t1) return false
    }
  }
  return true
}

// [1] The estimate follows tldraw's arrow (5.4) for a straight arrow (bend 0) bound to two
// shapes without `isPrecise`: tldraw aims it at the shapes' centres and draws it from edge to
// edge, with the text label centred on the line at `labelPosition` (clamped so the ends stay
// free) and wrapped as in arrowLabel.ts; the exchange's badge sits right on top of the label,
// centred (exchangeBadge.tsx), as wide as the type's name in the longer of the two languages
// needs. Text is measured at a generous average character width, so the estimate errs on the
// big side; the arrowhead's small gap at the end is left out. On the De Horst example the
// estimated signs are within a few tens of page units of those in the exported picture: good
// enough to keep signs apart, not to place them to the pixel.
