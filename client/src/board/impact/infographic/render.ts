import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import type { IconName } from '@wijktafel/shared'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { getSvgAsImage } from 'tldraw'
import { ICONS } from '../../../shapes/iconRegistry'
import type { ImpactSummary } from '../summary'
import {
  buildInfographic,
  FONT_FAMILY,
  type Infographic,
  type InfographicFormat,
  type InfographicLocale,
} from './layout'
import { withDpi } from './pngDpi'
import type { Measure } from './svg'

/**
 * The browser half of the infographic: the app's own IBM Plex Sans (tldraw's self-hosted
 * font files, from our build) embedded as data URLs, text measured with that font, lucide
 * pictograms as markup, and the SVG rasterised to PNG on a canvas. Nothing is requested
 * from another host, and the PNG looks the same on every computer [1].
 */
export async function renderInfographic(
  summary: ImpactSummary,
  options: { format: InfographicFormat; locale: InfographicLocale; date: string },
): Promise<{ blob: Blob; infographic: Infographic }> {
  const fonts = await loadFonts()
  const infographic = buildInfographic(summary, {
    ...options,
    icon: iconMarkup,
    measure: fonts.measure,
    fontCss: fonts.css,
  })
  const scale = infographic.pixels.width / infographic.width
  const blob = await getSvgAsImage(infographic.svg, {
    type: 'png',
    width: infographic.width,
    height: infographic.height,
    pixelRatio: scale,
  })
  if (!blob) throw new Error('The picture could not be drawn.')
  if (options.format !== 'a4') return { blob, infographic }
  // A4 for print: 2480×3508 pixels that say they are 300 dpi, so they land on A4 exactly.
  const bytes = withDpi(new Uint8Array(await blob.arrayBuffer()), 300)
  return { blob: new Blob([bytes as BlobPart], { type: 'image/png' }), infographic }
}

/** The infographic as SVG text, for the preview in the dialog (same fonts and pictograms). */
export async function infographicSvg(
  summary: ImpactSummary,
  options: { format: InfographicFormat; locale: InfographicLocale; date: string },
): Promise<Infographic> {
  const fonts = await loadFonts()
  return buildInfographic(summary, {
    ...options,
    icon: iconMarkup,
    measure: fonts.measure,
    fontCss: fonts.css,
  })
}

const iconCache = new Map<IconName, string>()

/** The inner elements of a lucide pictogram's 24×24 SVG. */
export function iconMarkup(name: IconName): string {
  let inner = iconCache.get(name)
  if (inner === undefined) {
    const markup = renderToStaticMarkup(createElement(ICONS[name], { size: 24 }))
    inner = markup.replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '')
    iconCache.set(name, inner)
  }
  return inner
}

interface Fonts {
  css: string
  measure: Measure
}

let fontsPromise: Promise<Fonts> | null = null

function loadFonts(): Promise<Fonts> {
  fontsPromise ??= (async () => {
    const urls = getAssetUrlsByImport().fonts
    const [regular, bold] = await Promise.all(
      [urls?.tldraw_sans, urls?.tldraw_sans_bold].map(async (url) => {
        if (!url) throw new Error('The app has no font file.')
        const response = await fetch(url)
        if (!response.ok) throw new Error(`Font ${url}: ${response.status}`)
        return new Uint8Array(await response.arrayBuffer())
      }),
    )
    const faces = [
      new FontFace(FONT_FAMILY, regular!, { weight: '500' }),
      new FontFace(FONT_FAMILY, bold!, { weight: '700' }),
    ]
    await Promise.all(faces.map((f) => f.load()))
    for (const face of faces) document.fonts.add(face)
    const css =
      `@font-face{font-family:'${FONT_FAMILY}';font-weight:500;src:url(data:font/woff2;base64,${base64(regular!)}) format('woff2')}` +
      `@font-face{font-family:'${FONT_FAMILY}';font-weight:700;src:url(data:font/woff2;base64,${base64(bold!)}) format('woff2')}`
    const context = document.createElement('canvas').getContext('2d')!
    const measure: Measure = (text, size, isBold) => {
      context.font = `${isBold ? 700 : 500} ${size}px '${FONT_FAMILY}'`
      return context.measureText(text).width
    }
    return { css, measure }
  })()
  // A failed load (offline before the fonts were cached) may be tried again.
  fontsPromise.catch(() => {
    fontsPromise = null
  })
  return fontsPromise
}

function base64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

// [1] The same font the cards use (tldraw_sans, IBM Plex Sans), served from our own build
//     (BoardCanvas's assetUrls). Inside an SVG drawn into a canvas the browser may not use
//     the page's fonts, only those the SVG carries, hence the data URLs; the FontFace copies
//     are for measuring words, so lines break where the picture will break them.
