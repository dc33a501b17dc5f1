import { BaseBoxShapeUtil, DefaultFontFaces, type TLBaseBoxShape, type TLFontFace } from 'tldraw'

/** Cards are set in tldraw's sans font, so image exports embed it from our own assets. */
export const CARD_FONT_FACES: TLFontFace[] = [
  DefaultFontFaces.tldraw_sans.normal.normal,
  DefaultFontFaces.tldraw_sans.normal.bold,
]

const CARD_RADIUS = 14

/** A rounded rectangle the size of the card, for tldraw's selection indicator. */
export function roundedRectPath(w: number, h: number, radius = CARD_RADIUS): Path2D {
  const path = new Path2D()
  path.roundRect(0, 0, w, h, Math.min(radius, w / 2, h / 2))
  return path
}

/**
 * What all 13 cards share: a resizable box, editable in place (double-click or Enter), set in
 * the sans font. Each kind adds its static type/props/migrations, defaults and component [1].
 */
export abstract class CardShapeUtil<S extends TLBaseBoxShape> extends BaseBoxShapeUtil<S> {
  override canEdit() {
    return true
  }

  override canResize() {
    return true
  }

  override getFontFaces(): TLFontFace[] {
    return CARD_FONT_FACES
  }

  override getIndicatorPath(shape: S): Path2D {
    return roundedRectPath(shape.props.w, shape.props.h)
  }
}

// [1] No `toSvg`: tldraw 5's export renders a shape without `toSvg` by mounting its
// `component` inside a <foreignObject> and inlining the computed styles of every element
// (editor/lib/exports/getSvgJsx.mjs, StyleEmbedder.mjs). Our pictograms are inline SVG and the
// only font is embedded through `getFontFaces`, so the exported card looks like the canvas one
// and needs no network. Inputs are only rendered while editing, never in an export.
