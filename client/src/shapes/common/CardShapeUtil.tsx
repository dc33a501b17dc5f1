import type { CardKind, CardOf, CardShape } from '@wijktafel/shared'
import { BaseBoxShapeUtil, DefaultFontFaces, type TLBaseBoxShape, type TLFontFace } from 'tldraw'
import { CardView, type CardParts } from './CardView'

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
 * What every card and zone shares: a resizable box, editable in place (double-click or
 * Enter), set in the sans font.
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

/**
 * The ShapeUtil of a card kind, derived from its definition in the card kit [1]: type, props
 * validators and migrations, default props and text come from shared/src/cards; the card is
 * drawn from its fields (CardView), with the kind's own `parts` where it has any. A kind that
 * needs more (the participant's drag hooks) extends the class this returns.
 */
export function cardShapeUtil<K extends CardKind>(card: CardOf<K>, parts: CardParts = {}) {
  type S = CardShape<K> & TLBaseBoxShape
  return class extends CardShapeUtil<S> {
    static override type = card.type
    static override props = card.props
    static override migrations = card.migrations

    override getDefaultProps(): S['props'] {
      return card.defaults() as S['props']
    }

    override getText(shape: S) {
      return card.textOf(shape.props as never)
    }

    override component(shape: S) {
      return <CardView shape={shape} card={card} parts={parts} />
    }
  }
}

// [1] tldraw's own shapes share code the same way: NoteShapeUtil and GeoShapeUtil are each
//     one class over shared helpers. No `toSvg`: tldraw 5's export mounts `component` in a
//     <foreignObject> and inlines computed styles (editor/lib/exports/getSvgJsx.mjs), so an
//     exported card looks like the canvas one; pictograms are inline SVG and the only font is
//     embedded through `getFontFaces`. Inputs are only rendered while editing.
