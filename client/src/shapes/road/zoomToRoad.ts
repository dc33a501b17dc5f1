import { clamp, type Editor, type TLShapeId } from 'tldraw'

/**
 * Screen pixels the board's bars cover (as client/src/shapes/tools/zoomToContent.ts): the top
 * panel (two rows on a laptop), the palette, the value filter on the start side and tldraw's
 * style panel on the end side of a wide screen.
 */
const TOP = 130
const BOTTOM = 150
const SIDE = 72
const STYLE_PANEL = 200

/**
 * Shows the whole road: its page, fitted into the part of the screen between the top panel
 * and the palette, never zoomed in past 100%. Without a road, nothing happens.
 */
export function zoomToRoad(editor: Editor, roadId: TLShapeId) {
  const road = editor.getShape(roadId)
  if (!road) return
  const pageId = editor.getAncestorPageId(road)
  if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
  const bounds = editor.getShapePageBounds(road)
  if (!bounds) return
  const view = editor.getViewportScreenBounds()
  const right = view.w > 1200 ? STYLE_PANEL : SIDE
  const w = Math.max(view.w - SIDE - right, 100)
  const h = Math.max(view.h - TOP - BOTTOM, 100)
  const base = editor.getBaseZoom()
  const { zoomSteps } = editor.getCameraOptions()
  const z = clamp(Math.min(w / bounds.w, h / bounds.h), zoomSteps[0]! * base, base)
  editor.setCamera(
    { x: (SIDE + w / 2) / z - bounds.center.x, y: (TOP + h / 2) / z - bounds.center.y, z },
    { animation: { duration: 0 } },
  )
}
