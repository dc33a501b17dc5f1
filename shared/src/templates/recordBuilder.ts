import {
  createBindingId,
  createShapeId,
  toRichText,
  type TLArrowBinding,
  type TLArrowShape,
  type TLParentId,
  type TLShape,
  type TLShapeId,
} from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { getChoice } from '../model/choice.js'
import { EXCHANGE_TYPES } from '../model/choices.js'
import type { ExchangeType } from '../model/enums.js'
import { EXCHANGE_ARROW_COLORS, type ExchangeArrowMeta } from '../shapes/exchangeArrow.js'
import { getWijktafelDefaultProps, type WijktafelShapeType } from '../shapes/wijktafelSchema.js'
import {
  chooseLabelPosition,
  exchangeSignRect,
  PREFERRED_LABEL_POSITION,
  type ExchangeLine,
} from './exchangeSigns.js'
import { PARTICIPANT_HEADER, ZONE_HEADER } from './layout.js'

/** A rectangle in page units. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** What a template returns: records ready for `store.put`, and the bounds to zoom to. */
export interface MapTemplate {
  /** Parents before children; fractional indices strictly increasing in this order. */
  shapes: TLShape[]
  /** Arrow bindings of exchange arrows (empty when there are none). */
  bindings: TLArrowBinding[]
  /** Page-space bounds of all shapes; the template starts at (0, 0). */
  bounds: Rect
  /** The participant shape made for each participant content key ('p1', ...). */
  participantIds: Record<string, TLShapeId>
}

export interface TemplateOptions {
  /** Makes the id of every new shape; pass a counter for deterministic output in tests. */
  makeId?: () => TLShapeId
}

type PropsOf<K extends WijktafelShapeType> = TLShape<K>['props']

/** Areas that hold cards: only their title band counts as covered by an exchange's sign. */
const AREA_BANDS: Partial<Record<string, number>> = {
  ['wt-participant' satisfies WijktafelShapeType]: PARTICIPANT_HEADER,
  ['wt-zone' satisfies WijktafelShapeType]: ZONE_HEADER,
}

/**
 * Collects shape records with ids, page-relative parents and increasing fractional indices.
 * Coordinates are relative to the parent, as tldraw stores them.
 */
export class RecordBuilder {
  readonly shapes: TLShape[] = []
  readonly bindings: TLArrowBinding[] = []
  /** The exchanges added, with what placing their signs needs. */
  private readonly exchanges: { arrow: TLArrowShape; line: ExchangeLine }[] = []
  private lastIndex: IndexKey | null = null
  private readonly makeId: () => TLShapeId

  constructor(
    readonly pageId: TLParentId,
    makeId?: () => TLShapeId,
  ) {
    this.makeId = makeId ?? (() => createShapeId())
  }

  add<K extends WijktafelShapeType>(
    type: K,
    parentId: TLParentId,
    x: number,
    y: number,
    props: Partial<PropsOf<K>> = {},
  ): TLShape<K> {
    const shape = {
      ...this.base(parentId, x, y),
      type,
      props: { ...getWijktafelDefaultProps(type), ...props },
    } as unknown as TLShape<K>
    this.shapes.push(shape)
    return shape
  }

  /**
   * An exchange: tldraw's arrow from one participant shape to another, bound at both ends, so
   * it follows the participants when they move. The points are the participants' centres [1].
   * Where its sign sits along it is settled by `placeExchangeSigns`, once all cards are in.
   */
  addExchange(
    from: { id: TLShapeId; x: number; y: number; w: number; h: number },
    to: { id: TLShapeId; x: number; y: number; w: number; h: number },
    exchangeType: ExchangeType,
    text: string,
  ): TLArrowShape {
    getChoice(EXCHANGE_TYPES, exchangeType)
    const x = from.x + from.w / 2
    const y = from.y + from.h / 2
    const meta: ExchangeArrowMeta = { wt: 'exchange', exchangeType }
    const arrow: TLArrowShape = {
      ...this.base(this.pageId, x, y),
      type: 'arrow',
      meta: { ...meta },
      props: {
        kind: 'arc',
        elbowMidPoint: 0.5,
        dash: 'solid',
        size: 'l',
        fill: 'none',
        color: EXCHANGE_ARROW_COLORS[exchangeType],
        labelColor: 'black',
        bend: 0,
        start: { x: 0, y: 0 },
        end: { x: to.x + to.w / 2 - x, y: to.y + to.h / 2 - y },
        arrowheadStart: 'none',
        arrowheadEnd: 'arrow',
        richText: toRichText(text),
        labelPosition: PREFERRED_LABEL_POSITION,
        font: 'sans',
        scale: 1,
      },
    }
    this.shapes.push(arrow)
    this.exchanges.push({ arrow, line: { from, to, type: exchangeType, text } })
    for (const [terminal, target] of [
      ['start', from.id],
      ['end', to.id],
    ] as const) {
      this.bindings.push({
        id: createBindingId(`${arrow.id.slice('shape:'.length)}-${terminal}`),
        typeName: 'binding',
        type: 'arrow',
        fromId: arrow.id,
        toId: target,
        props: {
          terminal,
          normalizedAnchor: { x: 0.5, y: 0.5 },
          isExact: false,
          isPrecise: false,
          snap: 'none',
        },
        meta: {},
      })
    }
    return arrow
  }

  /**
   * Gives each exchange the label position that keeps its sign (badge and text) apart from the
   * signs of the exchanges before it, off the cards and off the other exchanges' lines where it
   * can [2]. Signs of exchanges that cross no longer meet where their lines cross.
   */
  placeExchangeSigns() {
    const cards = this.cardRects()
    const signs: Rect[] = []
    for (const { arrow, line } of this.exchanges) {
      const others = this.exchanges.filter((e) => e.arrow !== arrow).map((e) => e.line)
      const t = chooseLabelPosition(line, signs, cards, others)
      arrow.props.labelPosition = t
      const sign = exchangeSignRect(line, t)
      if (sign) signs.push(sign)
    }
  }

  /** Page rectangles a sign should not cover: every card, and the title band of each area. */
  private cardRects(): Rect[] {
    const origins = new Map<string, { x: number; y: number }>()
    const rects: Rect[] = []
    for (const s of this.shapes) {
      if (s.type === 'arrow') continue
      const parent = origins.get(s.parentId) ?? { x: 0, y: 0 }
      const x = parent.x + s.x
      const y = parent.y + s.y
      origins.set(s.id, { x, y })
      const { w, h } = s.props as { w: number; h: number }
      const band = AREA_BANDS[s.type]
      rects.push({ x, y, w, h: band === undefined ? h : Math.min(band, h) })
    }
    return rects
  }

  private base(parentId: TLParentId, x: number, y: number) {
    this.lastIndex = getIndexAbove(this.lastIndex)
    return {
      id: this.makeId(),
      typeName: 'shape' as const,
      parentId,
      index: this.lastIndex,
      x,
      y,
      rotation: 0,
      isLocked: false,
      opacity: 1,
      meta: {},
    }
  }
}

/**
 * Finishes a template: places the exchanges' signs, then moves the top-level shapes so that
 * the template's bounds start at (0, 0).
 */
export function normalise(
  builder: RecordBuilder,
  participantIds: Record<string, TLShapeId>,
): MapTemplate {
  builder.placeExchangeSigns()
  const top = builder.shapes.filter((s) => s.parentId === builder.pageId && s.type !== 'arrow')
  const minX = Math.min(...top.map((s) => s.x))
  const minY = Math.min(...top.map((s) => s.y))
  let maxX = -Infinity
  let maxY = -Infinity
  for (const s of builder.shapes) {
    if (s.parentId !== builder.pageId) continue
    s.x -= minX
    s.y -= minY
    if (s.type === 'arrow') continue
    const { w, h } = s.props as { w: number; h: number }
    maxX = Math.max(maxX, s.x + w)
    maxY = Math.max(maxY, s.y + h)
  }
  return {
    shapes: builder.shapes,
    bindings: builder.bindings,
    bounds: { x: 0, y: 0, w: maxX, h: maxY },
    participantIds,
  }
}

// [1] With isPrecise false tldraw draws a bound arrow between the shapes' edges whatever the
// stored start and end are; they matter only until the arrow is first laid out.
//
// [2] Two exchanges across the ring (on the De Horst example, Kennis and Ruimte) cross in the
// middle of the map; with their labels at 0.5 tldraw put both signs on the crossing, one over
// the other. The positions come from an estimate of tldraw's layout (exchangeSigns.ts [1]).
