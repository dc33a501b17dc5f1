import {
  ACTION_SHAPE,
  buildRoad,
  DREAM_SHAPE,
  ROAD_SHAPE,
  todayDate,
  translate,
  type Locale,
} from '@wijktafel/shared'
import { PageRecordType, type Editor, type TLPageId, type TLShape } from 'tldraw'
import { setViewState } from '../../board/view'
import { zoomToRoad } from './zoomToRoad'
import { freePageName } from '../tools/freePageName'

/** Every shape of the board, on every page. */
function boardShapes(editor: Editor): TLShape[] {
  return editor.store.allRecords().filter((r): r is TLShape => r.typeName === 'shape')
}

/**
 * The board has something to make a road from: a dream or an action card. Reactive on the
 * sets of those cards only, so editing a card does not recompute it.
 */
export function canMakeRoad(editor: Editor): boolean {
  return [DREAM_SHAPE, ACTION_SHAPE].some(
    (type) => editor.store.query.ids('shape', () => ({ type: { eq: type } })).get().size > 0,
  )
}

/** The first road of the board, if it has one. */
export function findRoad(editor: Editor): TLShape | undefined {
  return editor.store.query.records('shape', () => ({ type: { eq: ROAD_SHAPE } })).get()[0]
}

/**
 * "Naar de weg": the board's road in the road view (`?view=road`), its page, the whole road in
 * sight. What the palette offers once a board has a road, instead of making a second one.
 * Returns the road's page, or undefined on a board without a road.
 */
export function openRoad(editor: Editor): TLPageId | undefined {
  const road = findRoad(editor)
  if (!road) return
  setViewState({ view: 'road' })
  zoomToRoad(editor, road.id)
  return editor.getAncestorPageId(road)
}

/**
 * "Maak de weg": a new page "De weg" (with a number when that name is taken) holding the road
 * from today to the dream, made from the board's dream, assignment and action cards
 * (shared/src/road/buildRoad.ts). One undo step; then shows the road. Returns the new page's
 * id (the existing road's page when the board has one already), or undefined for a viewer or
 * a board with nothing to make a road from.
 */
export function makeRoad(
  editor: Editor,
  locale: Locale,
  today: string = todayDate(),
): TLPageId | undefined {
  if (editor.getIsReadonly() || !canMakeRoad(editor)) return
  // A board has one road: every action's reference sits on it, and its dates are the ones.
  if (findRoad(editor)) return openRoad(editor)
  const pageId = PageRecordType.createId()
  const { shapes, roadId } = buildRoad(boardShapes(editor), { pageId, locale, today })
  const name = freePageName(editor, translate(locale, 'road.page'))
  editor.markHistoryStoppingPoint('make road')
  editor.run(() => {
    editor.createPage({ id: pageId, name })
    editor.createShapes(shapes)
    editor.setCurrentPage(pageId)
  })
  zoomToRoad(editor, roadId)
  return pageId
}
