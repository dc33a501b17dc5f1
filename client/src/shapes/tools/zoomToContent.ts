import { clamp, type Editor, type TLCameraMoveOptions } from 'tldraw'

/** Screen pixels the board's bars cover: the top panel, and the palette over tldraw's toolbar. */
const TOP = 64
const BOTTOM = 150
const SIDE = 24

/**
 * Like tldraw's `zoomToFit`, but fits the page's content into the part of the screen that is
 * not under the top panel or the palette, and never zooms in past 100%.
 */
export function zoomToContent(editor: Editor, opts?: TLCameraMoveOptions) {
  const bounds = editor.getCurrentPageBounds()
  if (!bounds) return
  const view = editor.getViewportScreenBounds()
  const w = view.w - 2 * SIDE
  const h = view.h - TOP - BOTTOM
  if (w < 200 || h < 200) {
    editor.zoomToFit(opts) // a small screen: tldraw's own margins
    return
  }
  const base = editor.getBaseZoom()
  const { zoomSteps } = editor.getCameraOptions()
  const z = clamp(Math.min(w / bounds.w, h / bounds.h), zoomSteps[0]! * base, base)
  editor.setCamera(
    { x: (SIDE + w / 2) / z - bounds.center.x, y: (TOP + h / 2) / z - bounds.center.y, z },
    opts,
  )
}
