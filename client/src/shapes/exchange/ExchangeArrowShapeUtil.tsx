import { EXCHANGE_ARROW_COLORS, type ExchangeArrowMeta } from '@wijktafel/shared'
import {
  ArrowShapeUtil,
  Box,
  Group2d,
  Rectangle2d,
  SVGContainer,
  type Editor,
  type SvgExportContext,
  type TLArrowShape,
  type TLFontFace,
  type TLShape,
} from 'tldraw'
import { CARD_FONT_FACES } from '../common/CardShapeUtil'
import {
  ExchangeBadge,
  exchangeChoiceOf,
  layoutExchangeBadge,
  type ExchangeBadgeLayout,
} from './exchangeBadge'
import { EXCHANGE_TOOL, nextExchangeType } from './ExchangeTool'

/** Where along a new exchange its sign (badge and text) sits, from the start. */
const EXCHANGE_LABEL_POSITION = 0.35

/** The geometry of an exchange arrow: tldraw's, with the badge and text as one label [2]. */
export class ExchangeArrowGeometry extends Group2d {
  constructor(
    children: Group2d['children'],
    readonly badge: ExchangeBadgeLayout,
  ) {
    super({ children })
  }

  /** The badge with the text under it, in the arrow's space: what the edit panel sits by. */
  get sign(): Box {
    return this.children[1]!.bounds
  }
}

/**
 * tldraw's arrow, registered in its place for type 'arrow' [1]. Plain arrows are untouched;
 * an exchange (Uitwisseling: `meta.wt === 'exchange'`) is drawn in its type's colour with a
 * badge of the type's pictogram and label above its text, on the canvas and in exports.
 */
export class ExchangeArrowShapeUtil extends ArrowShapeUtil.configure({
  // The line in the exact colour of the type (legend, badge), not tldraw's nearest colour.
  getCustomDisplayValues(_editor, shape) {
    const choice = exchangeChoiceOf(shape)
    return choice ? { strokeColor: choice.color } : {}
  },
}) {
  override getGeometry(shape: TLArrowShape): Group2d {
    const geometry = super.getGeometry(shape)
    const [body, ...rest] = geometry.children
    if (!body || !exchangeChoiceOf(shape)) return geometry
    const label = rest.find((g) => g.isLabel)
    const badge = layoutExchangeBadge(this.editor, shape, body, label)
    if (!badge) return geometry
    const sign = label ? Box.Common([label.bounds, badge.box]) : badge.box
    return new ExchangeArrowGeometry(
      [
        body,
        new Rectangle2d({
          x: sign.x,
          y: sign.y,
          width: sign.w,
          height: sign.h,
          isFilled: true,
          isLabel: true,
        }),
        ...rest.filter((g) => g !== label),
      ],
      badge,
    )
  }

  override getFontFaces(shape: TLArrowShape): TLFontFace[] {
    const faces = super.getFontFaces(shape)
    return exchangeChoiceOf(shape) ? [...faces, ...CARD_FONT_FACES] : faces
  }

  override component(shape: TLArrowShape) {
    // No hooks here: tldraw calls `component` inside its own tracked React component, so the
    // geometry read below re-renders the badge when the arrow or its participants move.
    const badge = exchangeBadgeOf(this.editor, shape)
    return (
      <>
        {super.component(shape)}
        {badge ? (
          <SVGContainer>
            <ExchangeBadge layout={badge} />
          </SVGContainer>
        ) : null}
      </>
    )
  }

  override toSvg(shape: TLArrowShape, ctx: SvgExportContext) {
    const arrow = super.toSvg(shape, ctx)
    const badge = exchangeBadgeOf(this.editor, shape)
    if (!badge) return arrow
    return (
      <g>
        {arrow}
        <ExchangeBadge layout={badge} />
      </g>
    )
  }

  /** tldraw moves an empty label back to the middle; an exchange keeps its badge where it is. */
  override onEditStart(shape: TLArrowShape) {
    if (!exchangeChoiceOf(shape)) super.onEditStart(shape)
  }

  /** An arrow drawn with the exchange tool is born an exchange of the tool's current type. */
  override onBeforeCreate(next: TLArrowShape): TLArrowShape | void {
    if (exchangeChoiceOf(next) || !this.editor.isIn(EXCHANGE_TOOL)) return
    const meta: ExchangeArrowMeta = { wt: 'exchange', exchangeType: nextExchangeType(this.editor) }
    return withTypeColor({
      ...next,
      meta: { ...next.meta, ...meta },
      // The sign nearer the giver: exchanges across the ring do not all meet in its middle.
      props: { ...next.props, size: 'l', labelPosition: EXCHANGE_LABEL_POSITION },
    })
  }

  /** The colour of an exchange follows its type (a new type, or a colour picked by hand). */
  override onBeforeUpdate(_prev: TLArrowShape, next: TLArrowShape): TLArrowShape | void {
    const updated = withTypeColor(next)
    return updated === next ? undefined : updated
  }
}

/** The badge of an exchange arrow as laid out in its current geometry, or undefined. */
export function exchangeBadgeOf(editor: Editor, shape: TLShape): ExchangeBadgeLayout | undefined {
  if (shape.type !== 'arrow') return undefined
  const geometry = editor.getShapeGeometry(shape)
  return geometry instanceof ExchangeArrowGeometry ? geometry.badge : undefined
}

function withTypeColor(shape: TLArrowShape): TLArrowShape {
  const choice = exchangeChoiceOf(shape)
  if (!choice) return shape
  const color = EXCHANGE_ARROW_COLORS[choice.id]
  return shape.props.color === color ? shape : { ...shape, props: { ...shape.props, color } }
}

// [1] A ShapeUtil passed to <Tldraw shapeUtils> with the type of a default shape replaces the
// default (tldraw merges the lists by type). Props and migrations are tldraw's own, so the
// store schema (and the server's validators) stay exactly those of tldraw's arrow; the store
// is created with the plain default list (BoardConnection), which would refuse a second
// 'arrow'.
//
// [2] tldraw's arrow code takes `children[1]` of the geometry as the label: the indicator clips
// the line under it, and pressing on it (isOverArrowLabel) drags the label along the arrow or,
// on a selected arrow, starts editing the text. So badge and text are one label rectangle
// there: the badge is grabbed and moved like the text, the line does not run through it, and
// it counts in the arrow's bounds (culling, image exports).
