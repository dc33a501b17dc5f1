import type { Box, Editor, TLShapeId } from 'tldraw'
import type { Section } from './sections'

/**
 * The shapes presentation mode shows for a section's part: the zone or participant area it
 * is built on and the cards wholly within the part. Everything else is hidden, so the neighbours of
 * a section never show through at the edges or under the bars [1]. Null: show everything
 * (a page without sections).
 */
export function shownShapes(editor: Editor, section: Section, part: Box): TLShapeId[] | null {
  if (section.kind === 'page') return null
  const ids: TLShapeId[] = []
  const container = section.ref.shapeId as TLShapeId
  // Box.contains is strict: a card on the edge of a section that fits whole is inside.
  const room = part.clone().expandBy(1)
  if (section.kind !== 'centre') ids.push(container)
  for (const id of section.cards) {
    const bounds = editor.getShapePageBounds(id)
    if (bounds && room.contains(bounds)) ids.push(id)
  }
  return ids
}

/** CSS that hides every shape but `ids` while presenting. */
export function focusCss(ids: readonly TLShapeId[] | null): string {
  if (!ids) return ''
  const keep = ids.map((id) => `[data-shape-id=${JSON.stringify(id)}]`).join(',')
  return `.wt-present-on .tl-shape${keep ? `:not(${keep})` : ''} { visibility: hidden; }`
}

// [1] Hidden, not dimmed: on a projector a faint neighbour still draws the eye, and half a
//     card cut by the screen's edge reads as a mistake. The canvas is still the live board:
//     a card someone adds to the section appears at once.
