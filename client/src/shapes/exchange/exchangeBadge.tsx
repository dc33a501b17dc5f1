import {
  DEFAULT_LOCALE,
  EXCHANGE_TYPES,
  findChoice,
  isLocale,
  translate,
  type Choice,
  type ExchangeType,
} from '@wijktafel/shared'
import { Box, clamp, type Editor, type Geometry2d, type TLArrowShape, type TLShape } from 'tldraw'
import { ICONS } from '../iconRegistry'

/** Sizes of the badge in page units at arrow scale 1: the height of a card's header band. */
const H = 60
const PAD_LEFT = 8
const PAD_RIGHT = 16
const ICON = 36
const ICON_GAP = 8
const FONT_SIZE = 26
const FONT_FAMILY = "'tldraw_sans', sans-serif"
/** The badge sits right on the text label: no bit of line shows between the two. */
const LABEL_GAP = 0

/** The exchange type of an arrow marked as an exchange, or undefined (plain or invalid). */
export function exchangeChoiceOf(shape: TLShape): Choice<ExchangeType> | undefined {
  if (shape.type !== 'arrow' || shape.meta['wt'] !== 'exchange') return undefined
  return findChoice(EXCHANGE_TYPES, shape.meta['exchangeType'])
}

export interface ExchangeBadgeLayout {
  /** The badge's box in the arrow's shape space. */
  box: Box
  choice: Choice<ExchangeType>
  label: string
  /** Width of the label text, in badge units (before the arrow's scale). */
  textWidth: number
  scale: number
}

/**
 * Where an exchange arrow's badge goes, in the arrow's own space: just above the arrow's text
 * label, so pictogram, type and text read as one sign; on the line at the label's position
 * when there is no text. `body` and `label` are tldraw's arrow geometry [1].
 */
export function layoutExchangeBadge(
  editor: Editor,
  shape: TLArrowShape,
  body: Geometry2d,
  label: Geometry2d | undefined,
): ExchangeBadgeLayout | undefined {
  const choice = exchangeChoiceOf(shape)
  if (!choice) return undefined
  const { scale, labelPosition } = shape.props
  const userLocale = editor.user.getLocale()
  const text = translate(isLocale(userLocale) ? userLocale : DEFAULT_LOCALE, choice.label)
  const textWidth = measureLabel(editor, text)
  const w = (PAD_LEFT + ICON + ICON_GAP + textWidth + PAD_RIGHT) * scale
  const h = H * scale
  const center = label
    ? { x: label.bounds.center.x, y: label.bounds.minY - LABEL_GAP * scale - h / 2 }
    : body.interpolateAlongEdge(clamp(labelPosition, 0.15, 0.85))
  return {
    box: new Box(center.x - w / 2, center.y - h / 2, w, h),
    choice,
    label: text,
    textWidth,
    scale,
  }
}

function measureLabel(editor: Editor, label: string): number {
  const measured = editor.textMeasure.measureText(label, {
    fontFamily: FONT_FAMILY,
    fontSize: FONT_SIZE,
    fontWeight: 'bold',
    fontStyle: 'normal',
    lineHeight: 1,
    maxWidth: null,
    padding: '0px',
  }).w
  // No layout (a headless test) measures 0: estimate, so the badge still has a size.
  return Math.ceil(measured > 0 ? measured : label.length * FONT_SIZE * 0.62)
}

/**
 * The badge itself: the type's pictogram and label on the type's colour, as plain SVG, so the
 * canvas and image exports draw the same thing without HTML or network.
 */
export function ExchangeBadge({ layout }: { layout: ExchangeBadgeLayout }) {
  const { box, choice, label, textWidth, scale } = layout
  const Icon = ICONS[choice.icon]
  const w = PAD_LEFT + ICON + ICON_GAP + textWidth + PAD_RIGHT
  return (
    <g transform={`translate(${box.x} ${box.y}) scale(${scale})`} aria-hidden="true">
      <rect
        width={w}
        height={H}
        rx={H / 2}
        fill={choice.color}
        stroke="#ffffff"
        strokeWidth={3}
        paintOrder="stroke"
      />
      <Icon
        x={PAD_LEFT}
        y={(H - ICON) / 2}
        size={ICON}
        color={choice.ink}
        strokeWidth={2.25}
        focusable="false"
      />
      <text
        x={PAD_LEFT + ICON + ICON_GAP}
        y={H / 2}
        dominantBaseline="central"
        fill={choice.ink}
        fontFamily={FONT_FAMILY}
        fontSize={FONT_SIZE}
        fontWeight="bold"
        stroke="none"
      >
        {label}
      </text>
    </g>
  )
}

// [1] tldraw's ArrowShapeUtil.getGeometry returns Group2d([body, label?]); the label child
// exists while the text is not empty or is being edited.
