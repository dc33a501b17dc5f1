import {
  ACTION_SHAPE,
  dateToX,
  horizonDate,
  horizonOf,
  MILESTONE_SHAPE,
  ROAD_ACTION_SHAPE,
  ROAD_LAYOUT,
  ROAD_SHAPE,
  xToDate,
  type RoadHorizon,
  type WtRoadShape,
} from '@wijktafel/shared'
import type { Editor, TLShape, TLShapeId, TLShapePartial } from 'tldraw'

type Dated = { due: string; horizon?: string; w: number }

const isHorizon = (h: unknown): h is RoadHorizon =>
  h === 'kort' || h === 'middellang' || h === 'lang'

/** The road a shape stands on (its parent), or null. */
function roadOf(editor: Editor, shape: TLShape): WtRoadShape | null {
  const parent = editor.getShape(shape.parentId as TLShapeId)
  return parent && parent.type === ROAD_SHAPE ? (parent as WtRoadShape) : null
}

/** Every reference to this action card, on any road. */
function referencesTo(editor: Editor, actionId: TLShapeId): TLShape[] {
  return editor.store.query
    .records('shape', () => ({ type: { eq: ROAD_ACTION_SHAPE } }))
    .get()
    .filter((s) => (s.props as { actionId: string }).actionId === actionId)
}

/**
 * Keeps the road and the cards in step, for this person's own changes only [1]:
 * - a milestone or action reference moved along the road gets the date under its middle: the
 *   action card's (or milestone's) `due`, and its `horizon` (kort, middellang, lang from the
 *   road's start; shared/src/road/horizons.ts). Dropped in the tray, an action loses its date.
 * - an action's `due` or `horizon` (or a milestone's `due`) changed on the card or in its
 *   panel moves it on every road; an action with neither goes to the tray.
 * Changes from others arrive with source 'remote' and are left alone: their own browser
 * already did this, so two browsers never fight over a card.
 */
export function registerRoadSync(editor: Editor): () => void {
  let busy = false
  // editor.sideEffects is the same object, but not assigned yet while shape utils are built.
  return editor.store.sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || busy) return
    if (
      next.type !== ROAD_ACTION_SHAPE &&
      next.type !== MILESTONE_SHAPE &&
      next.type !== ACTION_SHAPE
    ) {
      return
    }
    busy = true
    try {
      const moved = prev.x !== next.x || prev.parentId !== next.parentId
      if (moved && next.type !== ACTION_SHAPE) writeDateFromPlace(editor, next)
      else if (next.type !== ROAD_ACTION_SHAPE && dateChanged(prev, next)) placeByDate(editor, next)
    } finally {
      busy = false
    }
  })
}

function dateChanged(prev: TLShape, next: TLShape): boolean {
  const a = prev.props as Dated
  const b = next.props as Dated
  return a.due !== b.due || a.horizon !== b.horizon
}

/** The item was moved: its middle's date becomes the card's due date and horizon. */
function writeDateFromPlace(editor: Editor, item: TLShape) {
  const road = roadOf(editor, item)
  if (!road) return
  const props = item.props as Dated
  const date = xToDate(road.props, item.x + props.w / 2)
  const card =
    item.type === MILESTONE_SHAPE
      ? item
      : editor.getShape((item.props as { actionId: string }).actionId as TLShapeId)
  if (!card || (card.type !== ACTION_SHAPE && card.type !== MILESTONE_SHAPE)) return
  const current = card.props as Dated
  const next: Partial<Dated> = { due: date ?? '' }
  // A milestone always has a horizon; an action without a date is not on the road at all.
  if ('horizon' in current) {
    if (date) next.horizon = horizonOf(road.props.start, date)
    else if (card.type === ACTION_SHAPE) next.horizon = ''
  }
  if (next.due === current.due && (next.horizon ?? current.horizon) === current.horizon) return
  editor.updateShape({ id: card.id, type: card.type, props: next } as TLShapePartial)
}

/** The card's date changed: put it (or its references) where that date is on the road. */
function placeByDate(editor: Editor, card: TLShape) {
  const props = card.props as Dated
  const items = card.type === MILESTONE_SHAPE ? [card] : referencesTo(editor, card.id)
  for (const item of items) {
    const road = roadOf(editor, item)
    if (!road) continue
    const w = (item.props as Dated).w
    const date =
      props.due || (isHorizon(props.horizon) ? horizonDate(road.props, props.horizon) : '')
    const x = date ? dateToX(road.props, date) - w / 2 : (ROAD_LAYOUT.trayW - w) / 2
    if (Math.abs(x - item.x) > 0.5)
      editor.updateShape({ id: item.id, type: item.type, x } as TLShapePartial)
  }
  // A date typed on the card sets its horizon on the road it stands on.
  const road = items.map((i) => roadOf(editor, i)).find((r) => r !== null)
  if (road && props.due && 'horizon' in props) {
    const horizon = horizonOf(road.props.start, props.due)
    if (horizon !== props.horizon) {
      editor.updateShape({ id: card.id, type: card.type, props: { horizon } } as TLShapePartial)
    }
  }
}

// [1] tldraw tells a side effect where a change came from: 'user' for this browser (typing,
//     dragging, undo), 'remote' for changes merged from the others (sync/ applies them with
//     mergeRemoteChanges). Writing the date only for one's own changes means each change is
//     synced once, by the person who made it, and the reference and the card arrive together.
