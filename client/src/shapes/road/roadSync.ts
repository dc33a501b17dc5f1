import {
  ACTION_SHAPE,
  freeRow,
  horizonDate,
  horizonOf,
  MILESTONE_SHAPE,
  ROAD_ACTION_SHAPE,
  ROAD_LAYOUT,
  ROAD_SHAPE,
  roadActionX,
  roadDateOf,
  roadHeight,
  rowY,
  xToDate,
  type RoadHorizon,
  type WtRoadShape,
} from '@wijktafel/shared'
import {
  createShapeId,
  type Editor,
  type TLShape,
  type TLShapeId,
  type TLShapePartial,
} from 'tldraw'

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
 * - an action's `due` (or a milestone's `due`) changed on the card or in its panel moves it on
 *   every road; an action with neither goes to the tray.
 * - a horizon chosen in the panel (the date unchanged) is the person's choice: the date moves
 *   to the middle of that horizon and the card with it, the horizon stays as chosen [3].
 * - an action card made after the road gets a reference on every road, by its date or horizon
 *   or in the tray, in the same undo step as the card [4].
 * Changes from others arrive with source 'remote' and are left alone: their own browser
 * already did this, so two browsers never fight over a card.
 */
export function registerRoadSync(editor: Editor): () => void {
  // What this sync wrote itself, so its own write does not echo back [2]: cards whose date it
  // set, and items it placed (with the x it gave them).
  const written = new Set<TLShapeId>()
  const placed = new Map<TLShapeId, number>()
  const sync: Sync = {
    writeCard(card, props) {
      written.add(card.id)
      editor.updateShape({ id: card.id, type: card.type, props } as TLShapePartial)
    },
    place(item, x) {
      placed.set(item.id, x)
      editor.updateShape({ id: item.id, type: item.type, x } as TLShapePartial)
    },
  }
  // editor.sideEffects is the same object, but not assigned yet while shape utils are built.
  const effects = editor.store.sideEffects
  const offCreate = effects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source === 'user' && shape.type === ACTION_SHAPE) addToRoads(editor, shape)
  })
  const offChange = effects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user') return
    if (
      next.type !== ROAD_ACTION_SHAPE &&
      next.type !== MILESTONE_SHAPE &&
      next.type !== ACTION_SHAPE
    ) {
      return
    }
    const moved = prev.x !== next.x || prev.parentId !== next.parentId
    if (moved && placed.has(next.id)) {
      const echo = placed.get(next.id) === next.x
      placed.delete(next.id)
      if (echo) return
    }
    if (written.delete(next.id)) return
    if (moved && next.type !== ACTION_SHAPE) writeDateFromPlace(editor, sync, next)
    else if (next.type !== ROAD_ACTION_SHAPE && horizonChosen(prev, next)) {
      dateFromHorizon(editor, sync, next)
    } else if (next.type !== ROAD_ACTION_SHAPE && dateChanged(prev, next)) {
      placeByDate(editor, sync, next)
    }
  })
  return () => {
    offCreate()
    offChange()
  }
}

interface Sync {
  writeCard(card: TLShape, props: Partial<Dated>): void
  place(item: TLShape, x: number): void
}

function dateChanged(prev: TLShape, next: TLShape): boolean {
  const a = prev.props as Dated
  const b = next.props as Dated
  return a.due !== b.due || a.horizon !== b.horizon
}

/** Only the horizon changed, to one of the three, on a card that has a date. */
function horizonChosen(prev: TLShape, next: TLShape): boolean {
  const a = prev.props as Dated
  const b = next.props as Dated
  return a.due === b.due && a.horizon !== b.horizon && !!b.due && isHorizon(b.horizon)
}

/**
 * A horizon chosen in the panel: the card's date becomes the middle of that horizon on the
 * road it stands on, and it moves there on every road. The horizon is not touched.
 */
function dateFromHorizon(editor: Editor, sync: Sync, card: TLShape) {
  const horizon = (card.props as Dated).horizon as RoadHorizon
  const items = card.type === MILESTONE_SHAPE ? [card] : referencesTo(editor, card.id)
  const road = items.map((i) => roadOf(editor, i)).find((r) => r !== null)
  if (!road) return
  const due = horizonDate(road.props, horizon)
  if (due !== (card.props as Dated).due) sync.writeCard(card, { due })
  placeByDate(editor, sync, editor.getShape(card.id)!, { keepHorizon: true })
}

/**
 * An action card made on a board with a road: a reference on every road, in the first row
 * where it covers no other card (the road grows a row when none is free). A card that has
 * references already (brought back by undo, with them) gets no second one.
 */
function addToRoads(editor: Editor, action: TLShape) {
  const roads = editor.store.query
    .records('shape', () => ({ type: { eq: ROAD_SHAPE } }))
    .get() as WtRoadShape[]
  const onRoad = new Set(referencesTo(editor, action.id).map((r) => r.parentId))
  const { w, h } = ROAD_LAYOUT.action
  for (const road of roads) {
    if (onRoad.has(road.id)) continue
    const x = roadActionX(road.props, roadDateOf(road.props, action), w)
    const others = editor
      .getSortedChildIdsForParent(road.id)
      .map((id) => editor.getShape(id)!)
      .filter((s) => s.type === ROAD_ACTION_SHAPE)
      .map((s) => ({ x: s.x, y: s.y, w: (s.props as { w: number }).w }))
    const row = freeRow(others, x, w)
    editor.createShape({
      id: createShapeId(),
      type: ROAD_ACTION_SHAPE,
      parentId: road.id,
      x,
      y: rowY(row),
      props: { w, h, actionId: action.id },
    } as never)
    const height = roadHeight(row + 1)
    if (height > road.props.h) {
      editor.updateShape({ id: road.id, type: ROAD_SHAPE, props: { h: height } } as never)
    }
  }
}

/** The item was moved: its middle's date becomes the card's due date and horizon. */
function writeDateFromPlace(editor: Editor, sync: Sync, item: TLShape) {
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
  sync.writeCard(card, next)
}

/** The card's date changed: put it (or its references) where that date is on the road. */
function placeByDate(editor: Editor, sync: Sync, card: TLShape, { keepHorizon = false } = {}) {
  const props = card.props as Dated
  const items = card.type === MILESTONE_SHAPE ? [card] : referencesTo(editor, card.id)
  for (const item of items) {
    const road = roadOf(editor, item)
    if (!road) continue
    const x = roadActionX(road.props, roadDateOf(road.props, card), (item.props as Dated).w)
    if (Math.abs(x - item.x) > 0.5) sync.place(item, x)
  }
  // A date typed on the card sets its horizon on the road it stands on.
  const road = items.map((i) => roadOf(editor, i)).find((r) => r !== null)
  if (!keepHorizon && road && props.due && 'horizon' in props) {
    const horizon = horizonOf(road.props.start, props.due)
    if (horizon !== props.horizon) {
      sync.writeCard(card, { horizon })
    }
  }
}

// [1] tldraw tells a side effect where a change came from: 'user' for this browser (typing,
//     dragging, undo), 'remote' for changes merged from the others (sync/ applies them with
//     mergeRemoteChanges). Writing the date only for one's own changes means each change is
//     synced once, by the person who made it, and the reference and the card arrive together.
// [2] tldraw runs the handlers of changes made inside a handler after it returns, so a flag
//     set around the write would be down by then: a reference placed by its horizon would
//     write that horizon's middle back as the action's due date. The sync remembers what it
//     wrote instead, and skips exactly that change once.
// [3] Without this the date decided: a card due in 2027 set to 'lang' got 'kort' written back
//     at once, so the panel's choice snapped back. On a short road a horizon's middle can
//     fall in another horizon's years (a 1-year dream has no 'middellang'); the choice stays.
// [4] Made inside the card's own change (an after-create side effect), the reference is part
//     of the same history entry: one undo takes away the card and its references together.
