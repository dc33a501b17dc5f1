import {
  findCard,
  isStructureShape,
  PARTICIPANT_SHAPE,
  ZONE_SHAPE,
  type CardShapeType,
} from '@wijktafel/shared'
import { CARD_GAP, PAD, PARTICIPANT_HEADER, ZONE_GAP, ZONE_HEADER } from '@wijktafel/shared'
import {
  Box,
  type Editor,
  type TLPageId,
  type TLShape,
  type TLShapeId,
  type TLShapePartial,
} from 'tldraw'
import { placeCard, type PlacementSpec } from '../../shapes/tools/placementTools'
import { mayChangeStructure } from '../meeting/structureLock'
import type { AddTarget } from './outlineModel'

type Sized = TLShape & { props: { w: number; h: number } }

/**
 * Adds the card of `target` from the outline, as the palette would with a click (placeCard:
 * the kind's defaults, an interest owned by its participant), at a free place on the canvas:
 * the next free cell of the participant's or zone's grid, which grows to hold it, or for a
 * new participant a free spot beside the others [1]. One undo step. Returns the new card's
 * id, or null on a read-only board.
 */
export function addCardFromOutline(
  editor: Editor,
  pageId: TLPageId,
  target: AddTarget,
): TLShapeId | null {
  const card = findCard(target.type)
  if (!card || editor.getIsReadonly()) return null
  // placeCard works on the current page, as the palette does.
  if (editor.getCurrentPageId() !== pageId) editor.setCurrentPage(pageId)
  const container = target.containerId ? (editor.getShape(target.containerId) as Sized) : null
  const { w, h } = card.defaultSize
  const spec: PlacementSpec = {
    id: `outline ${card.type}`,
    type: card.type,
    label: card.label,
    icon: card.icon,
    color: card.color,
    ink: card.ink,
    map: card.map,
    props: target.props,
  }
  // Inside a container: created on its middle, so placeCard makes it the container's child.
  const at = container
    ? editor.getShapePageBounds(container.id)!.center
    : freeSpot(editor, pageId, { w, h }).center
  const id = placeCard(editor, spec, at)
  const shape = editor.getShape(id)
  // The outline is where people type: no card opened for editing on the hidden canvas.
  editor.setEditingShape(null)
  editor.setCurrentTool('select')
  if (!shape) return null
  if (container && shape.parentId === container.id) {
    // Part of the undo step placeCard began: no stopping point in between.
    const cell = freeCell(editor, container, { w, h }, id)
    editor.updateShape({ id, type: shape.type, x: cell.x, y: cell.y } as TLShapePartial)
    const needed = cell.y + h + PAD
    if (needed > container.props.h && mayGrow(container)) {
      editor.updateShape({
        id: container.id,
        type: container.type,
        props: { h: needed },
      } as TLShapePartial)
    }
  }
  return id
}

/**
 * Whether this person may make the container taller: a participant always; a zone (section,
 * lane, shared interests) only when the structure lock lets them change it (the facilitator
 * with "Indeling aanpassen" on) [2].
 */
function mayGrow(container: TLShape): boolean {
  return !isStructureShape(container) || mayChangeStructure(container.id)
}

/** The first cell of the container's grid (row by row) that no card covers, in its own space. */
export function freeCell(
  editor: Editor,
  container: Sized,
  size: { w: number; h: number },
  /** The card being placed, already in the container where placeCard put it. */
  except?: TLShapeId,
): { x: number; y: number } {
  const top = container.type === PARTICIPANT_SHAPE ? PARTICIPANT_HEADER : ZONE_HEADER
  const columns = Math.max(
    1,
    Math.floor((container.props.w - 2 * PAD + CARD_GAP) / (size.w + CARD_GAP)),
  )
  const taken = editor
    .getSortedChildIdsForParent(container.id)
    .filter((id) => id !== except)
    .map((id) => editor.getShape(id) as Sized | undefined)
    .filter((s): s is Sized => !!s && typeof s.props.w === 'number')
    .map((s) => new Box(s.x, s.y, s.props.w, s.props.h))
  for (let i = 0; ; i++) {
    const x = PAD + (i % columns) * (size.w + CARD_GAP)
    const y = top + Math.floor(i / columns) * (size.h + CARD_GAP)
    const cell = new Box(x, y, size.w, size.h)
    if (!taken.some((b) => b.collides(cell) && !touchesOnly(b, cell))) return { x, y }
  }
}

function touchesOnly(a: Box, b: Box): boolean {
  return a.maxX <= b.minX || b.maxX <= a.minX || a.maxY <= b.minY || b.maxY <= a.minY
}

/**
 * A place for a new area (a participant) on the page that overlaps nothing: beside one of the
 * participants already there (right, below, left, above), the one nearest the map's middle;
 * on a page without participants, below everything.
 */
export function freeSpot(editor: Editor, pageId: TLPageId, size: { w: number; h: number }): Box {
  // Arrows are lines: an area may lie across the box around one.
  const top = editor
    .getSortedChildIdsForParent(pageId)
    .filter((id) => editor.getShape(id)?.type !== 'arrow')
    .map((id) => editor.getShapePageBounds(id))
    .filter((b): b is Box => !!b)
  const content = top.length ? Box.Common(top) : new Box(0, 0, 0, 0)
  const areas = editor
    .getSortedChildIdsForParent(pageId)
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => s?.type === PARTICIPANT_SHAPE)
    .map((s) => editor.getShapePageBounds(s.id)!)
  const free = (b: Box) => !top.some((o) => o.collides(b) && !touchesOnly(o, b))
  const middle = content.center
  const candidates = areas.flatMap((a) => [
    new Box(a.maxX + ZONE_GAP, a.minY, size.w, size.h),
    new Box(a.minX, a.maxY + ZONE_GAP, size.w, size.h),
    new Box(a.minX - ZONE_GAP - size.w, a.minY, size.w, size.h),
    new Box(a.minX, a.minY - ZONE_GAP - size.h, size.w, size.h),
  ])
  const best = candidates
    .filter(free)
    .sort((a, b) => dist(a.center, middle) - dist(b.center, middle))[0]
  return best ?? new Box(content.minX, content.maxY + ZONE_GAP, size.w, size.h)
}

function dist(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.hypot(a.x - b.x, a.y - b.y)
}

/** Deletes a card from the outline, after the person confirmed it: one undo step. */
export function deleteCardFromOutline(editor: Editor, id: TLShapeId): void {
  if (editor.getIsReadonly()) return
  editor.markHistoryStoppingPoint('outline delete')
  editor.deleteShapes([id])
}

// [1] The grid is the template's (shared/src/templates/layout.ts): the same padding, gap and
//     header, so a card added in the outline sits where the template would have put it. A
//     container grows downwards when its grid is full; it may then reach into the area below
//     it, as it does when someone drops a fifth interest into an area on the canvas.
// [2] The same test client/src/board/meeting/structureLock.ts applies: a grow it would put
//     back (with a notice about the map's layout the person did not ask to change) is not
//     tried. The card still takes the grid's next row, below the zone's edge, where the
//     facilitator sees it and can make room.
