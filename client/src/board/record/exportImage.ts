import { getSvgAsImage, type Box, type Editor, type TLShapeId } from 'tldraw'

export type ImageFormat = 'png1' | 'png2' | 'svg'

export interface ImageExport {
  blob: Blob
  width: number
  height: number
}

const SVG_NS = 'http://www.w3.org/2000/svg'

/**
 * A picture of some shapes with a footer ("De Horst · Belangenkaart · 12 maart 2026") on
 * white, as SVG or PNG. tldraw's SVG export embeds fonts, pictograms and photos as data
 * URLs [1]; we wrap it in an SVG of our own that adds the white page and the footer, and
 * rasterise that one SVG for PNG, so both formats show exactly the same picture [2].
 */
export async function exportImage(
  editor: Editor,
  ids: TLShapeId[],
  options: { format: ImageFormat; footer: string; bounds?: Box },
): Promise<ImageExport | null> {
  const result = await editor.getSvgString(ids, {
    background: false,
    darkMode: false,
    padding: 32,
    bounds: options.bounds,
  })
  if (!result) return null
  const framed = withFooter(result.svg, result.width, result.height, options.footer)
  if (options.format === 'svg') {
    return {
      blob: new Blob([framed.svg], { type: 'image/svg+xml' }),
      width: framed.width,
      height: framed.height,
    }
  }
  const pixelRatio = pngPixelRatio(options.format, framed.width, framed.height)
  const blob = await getSvgAsImage(framed.svg, {
    type: 'png',
    width: framed.width,
    height: framed.height,
    pixelRatio,
  })
  if (!blob) return null
  // getSvgAsImage rounds the canvas down to whole pixels.
  return {
    blob,
    width: Math.floor(framed.width * pixelRatio),
    height: Math.floor(framed.height * pixelRatio),
  }
}

/** The longest side of a PNG in pixels: an A1 poster at 150 dpi; twice that for 2× [3]. */
export const MAX_PNG_SIDE = 5000

/**
 * One pixel per page unit, but no more than MAX_PNG_SIDE on the longest side; "2×" is always
 * twice that, as its name promises.
 */
export function pngPixelRatio(format: ImageFormat, width: number, height: number): number {
  const times = format === 'png2' ? 2 : 1
  return times * Math.min(1, MAX_PNG_SIDE / Math.max(width, height, 1))
}

/**
 * The exported SVG nested in a white page with a footer line under it. The footer's size
 * follows the picture's width, so it stays readable on a wide map and small on a card.
 */
export function withFooter(
  svg: string,
  width: number,
  height: number,
  footer: string,
): { svg: string; width: number; height: number } {
  const inner = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement
  const fontSize = Math.round(Math.min(32, Math.max(13, width / 90)))
  const footerHeight = Math.round(fontSize * 2.4)
  const totalHeight = Math.ceil(height + footerHeight)
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null)
  const outer = doc.documentElement
  outer.setAttribute('width', String(Math.ceil(width)))
  outer.setAttribute('height', String(totalHeight))
  outer.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${totalHeight}`)

  const page = doc.createElementNS(SVG_NS, 'rect')
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: '#ffffff' })) {
    page.setAttribute(k, v)
  }
  outer.append(page)

  inner.setAttribute('x', '0')
  inner.setAttribute('y', '0')
  inner.setAttribute('width', String(width))
  inner.setAttribute('height', String(height))
  outer.append(doc.importNode(inner, true))

  const line = doc.createElementNS(SVG_NS, 'line')
  const margin = fontSize
  const lineY = height + fontSize * 0.4
  for (const [k, v] of Object.entries({
    x1: String(margin),
    x2: String(width - margin),
    y1: String(lineY),
    y2: String(lineY),
    stroke: '#c8c8c8',
    'stroke-width': '1',
  })) {
    line.setAttribute(k, v)
  }
  outer.append(line)

  const text = doc.createElementNS(SVG_NS, 'text')
  text.setAttribute('class', 'wt-export-footer')
  text.setAttribute('x', String(margin))
  text.setAttribute('y', String(height + footerHeight - fontSize * 0.75))
  text.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif')
  text.setAttribute('font-size', String(fontSize))
  text.setAttribute('fill', '#333333')
  text.textContent = footer
  outer.append(text)

  return {
    svg: new XMLSerializer().serializeToString(outer),
    width: Math.ceil(width),
    height: totalHeight,
  }
}

/** The shapes to export: the whole current page, or the selection. */
export function pageShapeIds(editor: Editor): TLShapeId[] {
  return [...editor.getCurrentPageShapeIds()]
}

// [1] tldraw inlines the fonts of its text as @font-face data URLs and fetches every <img>
//     (our photos, /api/boards/<id>/assets/<id>) into a data URL while exporting. Photos
//     come from the service worker's cache when offline; the lucide pictograms on cards
//     are inline SVG paths, so they need nothing at all.
// [2] Drawing the footer onto the PNG's canvas would need a second raster pass and its own
//     text layout per pixel ratio; the footer as SVG text is laid out once, by the browser
//     that also rasterises the map. The footer uses the system font: there is no network
//     to fetch one, and every system has a sans-serif that shows "ë" and "é".
// [3] A print shop asks 150 dpi for a poster seen from a metre or more: A1 (841 mm) is
//     4,967 px, and A0 from the same file is 107 dpi, still sharp from 1.5 m. A map of 500
//     cards at 1× was 7,501 × 4,401 px (8.5 MB, 19 s to make); its card text cannot be read
//     at either size, while a map of a few dozen cards is smaller than the cap at 1× and
//     keeps every pixel. "2×" is twice the 1× picture (so 10,000 px at most), for whoever
//     asks for more; for a larger print SVG is exact at any size.
