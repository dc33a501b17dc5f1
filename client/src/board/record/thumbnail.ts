import type { Editor } from 'tldraw'

/** The server takes a thumbnail of at most 512 KiB (as a data URL). */
export const MAX_THUMBNAIL_BYTES = 512 * 1024

/**
 * A small PNG of the current map for the versions list, made in the browser (the server has
 * no renderer): at most 480 px on its longest side, smaller again if it would be too big.
 * Null when the page is empty or the picture cannot be made; a version is saved without one.
 */
export async function makeThumbnail(editor: Editor): Promise<string | null> {
  const ids = [...editor.getCurrentPageShapeIds()]
  const bounds = editor.getCurrentPageBounds()
  if (ids.length === 0 || !bounds) return null
  for (const longest of [480, 320, 200]) {
    try {
      const scale = Math.min(1, longest / Math.max(bounds.w, bounds.h, 1))
      const { url } = await editor.toImageDataUrl(ids, {
        format: 'png',
        background: true,
        darkMode: false,
        pixelRatio: 1,
        scale,
        padding: 16,
      })
      if (url.length <= MAX_THUMBNAIL_BYTES) return url
    } catch {
      return null
    }
  }
  return null
}
