import { Box, type Editor, type TLCameraMoveOptions } from 'tldraw'
import type { Section } from './sections'

/** Screen pixels around the section kept free for our controls (and the licence button). */
export interface Insets {
  top: number
  right: number
  bottom: number
  left: number
}

export interface ViewportOptions {
  /** Screen pixels covered by controls; nothing of the section is shown under them. */
  insets?: Insets
  /** The zoom below which card text is too small to read; a larger section is shown in parts. */
  minZoom?: number
  /** Never zoom in further: a lone card blown up to the whole wall reads worse, not better. */
  maxZoom?: number
  animation?: TLCameraMoveOptions['animation']
}

/** Card text is 19 px at least (a short text field) and 22 px for body text (cards.css). */
const SMALLEST_CARD_TEXT = 19
/**
 * On a projector a person at the back reads 24 px. A phone is held at 30 cm and shows a
 * participant whole across its width at 11 px (body text 13 px) [3].
 */
export const PROJECTOR_TEXT = 24
export const PHONE_TEXT = 11

/** The zoom that makes card text `px` pixels high on screen. */
export function zoomForText(px: number): number {
  return px / SMALLEST_CARD_TEXT
}

const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 }
/** Page units around a part, so the cards' shadows and borders are not cut off. */
const MARGIN = 16

/** The screen area a section is shown in. */
function stage(editor: Editor, insets: Insets): Box {
  const view = editor.getViewportScreenBounds()
  return new Box(
    insets.left,
    insets.top,
    Math.max(1, view.w - insets.left - insets.right),
    Math.max(1, view.h - insets.top - insets.bottom),
  )
}

/**
 * The parts a section is shown in: the whole section when it fits on the stage at `minZoom`,
 * otherwise its cards in bands of rows, each band cut into columns that fit [1].
 */
export function sectionParts(editor: Editor, section: Section, opts: ViewportOptions = {}): Box[] {
  const { w, h } = stage(editor, opts.insets ?? NO_INSETS)
  const minZoom = opts.minZoom ?? 0
  const maxW = w / minZoom
  const maxH = h / minZoom
  const whole = section.bounds
  if (minZoom <= 0 || (whole.w <= maxW && whole.h <= maxH)) return [whole.clone()]
  const cards = section.cards
    .map((id) => editor.getShapePageBounds(id))
    .filter((b): b is Box => !!b)
    .map((b) => b.clone().expandBy(MARGIN))
  // An empty section: its title band and the empty room below it, at a readable size.
  if (cards.length === 0) {
    return [new Box(whole.x, whole.y, Math.min(whole.w, maxW), Math.min(whole.h, maxH))]
  }

  // Rows: cards whose tops are within half a card of each other.
  const sorted = [...cards].sort((a, b) => a.minY - b.minY || a.minX - b.minX)
  const rows: Box[][] = []
  for (const card of sorted) {
    const row = rows.at(-1)
    if (row && card.minY < row[0]!.minY + row[0]!.h / 2) row.push(card)
    else rows.push([card])
  }
  // Bands: consecutive rows while they fit in height.
  const bands: Box[][] = []
  for (const row of rows) {
    const band = bands.at(-1)
    if (band && Box.Common([...band, ...row]).h <= maxH) band.push(...row)
    else bands.push([...row])
  }
  // Parts: each band cut left to right into columns that fit in width.
  const parts: Box[] = []
  for (const band of bands) {
    const byX = [...band].sort((a, b) => a.minX - b.minX)
    let chunk: Box[] = []
    for (const card of byX) {
      if (chunk.length && Box.Common([...chunk, card]).w > maxW) {
        parts.push(Box.Common(chunk))
        chunk = []
      }
      chunk.push(card)
    }
    if (chunk.length) parts.push(Box.Common(chunk))
  }
  // Each part as large as the stage allows at the readable zoom, within the section: the
  // title band and the zone's edges come with it where they fit, and a lone card is not
  // blown up to the whole wall [2].
  return parts.map((part) => clip(grow(part, whole, maxW, maxH), part, cards))
}

/**
 * `box` without the cards of other parts it reaches into: cut at the first such card on the
 * side it lies, so no card is shown in half and the part is not padded with hidden ones.
 */
function clip(box: Box, part: Box, cards: readonly Box[]): Box {
  let { minX, minY, maxX, maxY } = box
  const own = part.clone().expandBy(1) // Box.contains is strict; a part's cards touch its edges
  for (const card of cards) {
    if (own.contains(card) || !Box.Collides(new Box(minX, minY, maxX - minX, maxY - minY), card))
      continue
    // Margins of neighbouring cards overlap (CARD_GAP < 2 × MARGIN): sides by the centre.
    if (card.midY >= part.maxY) maxY = Math.min(maxY, Math.max(part.maxY, card.minY))
    else if (card.midY <= part.minY) minY = Math.max(minY, Math.min(part.minY, card.maxY))
    else if (card.midX >= part.maxX) maxX = Math.min(maxX, Math.max(part.maxX, card.minX))
    else if (card.midX <= part.minX) minX = Math.max(minX, Math.min(part.minX, card.maxX))
  }
  return new Box(minX, minY, maxX - minX, maxY - minY)
}

/** `part` grown to `maxW`×`maxH` (or the section's size), from its top left, inside `whole`. */
function grow(part: Box, whole: Box, maxW: number, maxH: number): Box {
  const w = Math.max(part.w, Math.min(maxW, whole.w))
  const h = Math.max(part.h, Math.min(maxH, whole.h))
  // Start at the section's edge when the part still fits from there, else at the part.
  const x = part.maxX - whole.minX <= w ? whole.minX : Math.min(part.minX, whole.maxX - w)
  const y = part.maxY - whole.minY <= h ? whole.minY : Math.min(part.minY, whole.maxY - h)
  return new Box(x, y, w, h)
}

/**
 * Moves the camera to show a section (or one of its parts, see `sectionParts`) as
 * presentation mode does: centred in the stage left by `insets`, as large as fits, never
 * further in than `maxZoom`. Works with a locked camera.
 */
export function showSection(
  editor: Editor,
  section: Section,
  opts: ViewportOptions & { part?: number } = {},
): void {
  const parts = sectionParts(editor, section, opts)
  const box = parts[Math.min(Math.max(0, opts.part ?? 0), parts.length - 1)]!
  showBox(editor, box, opts)
}

/** Shows a page box centred in the stage, as large as fits and at most `maxZoom`. */
export function showBox(editor: Editor, box: Box, opts: ViewportOptions = {}): void {
  const area = stage(editor, opts.insets ?? NO_INSETS)
  const fit = Math.min(area.w / Math.max(1, box.w), area.h / Math.max(1, box.h))
  const z = Math.min(fit, opts.maxZoom ?? Infinity)
  editor.setCamera(
    { x: area.midX / z - box.midX, y: area.midY / z - box.midY, z },
    { force: true, immediate: true, ...(opts.animation && { animation: opts.animation }) },
  )
}

// [1] Why parts and not a smaller zoom: a section shrunk until it fits is a picture of cards
//     nobody in the room can read. Bands of whole rows keep what belongs together (a row of
//     the template is a row of related cards) and a step moves down the section like reading
//     a page; a lane wider than the screen is cut into columns. A single card larger than the
//     stage is still shown whole, smaller: there is nothing better to cut it at.
// [2] The zone's own title band (pictogram and title at 32 px) says where the cards belong;
//     presentation mode shows the title large as well, so it is dropped when it costs a part.
//     Cards are cut into parts first and the parts grown after, so a grown part may reach
//     into the next one: presentation mode shows only the cards wholly inside (focus.ts).
// [3] "The section fits the width" on a 390 px phone: a participant area (640 wide) needs a
//     zoom of 0.58. Wider sections (a lane, a row of agreements) go in columns at that zoom.
