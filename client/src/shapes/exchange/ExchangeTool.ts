import type { ExchangeType } from '@wijktafel/shared'
import { ArrowShapeTool, type Editor } from 'tldraw'

export const EXCHANGE_TOOL = 'wt-exchange'

/**
 * The exchange button's colours. Not one of the eight types, which each have their own [2];
 * white ink on it has a contrast of 6.4:1.
 */
export const EXCHANGE_LOOK = { color: '#006978', ink: '#FFFFFF' } as const

/**
 * "Uitwisseling": tldraw's arrow tool under its own id. It draws the same arrow, bound to the
 * cards it starts and ends on; ExchangeArrowShapeUtil.onBeforeCreate marks an arrow created
 * while this tool is active as an exchange of `exchangeType` [1].
 */
export class ExchangeTool extends ArrowShapeTool {
  static override id = EXCHANGE_TOOL

  /** The type a new exchange gets: the last one picked, so a series of arrows is quick. */
  exchangeType: ExchangeType = 'tijd'
}

/** Remembers `type` for the next exchange drawn in this editor. */
export function rememberExchangeType(editor: Editor, type: ExchangeType) {
  const tool = editor.getStateDescendant<ExchangeTool>(EXCHANGE_TOOL)
  if (tool) tool.exchangeType = type
}

/** The type the exchange tool gives a new arrow. */
export function nextExchangeType(editor: Editor): ExchangeType {
  return editor.getStateDescendant<ExchangeTool>(EXCHANGE_TOOL)?.exchangeType ?? 'tijd'
}

// [1] The arrow tool's states create a shape of type 'arrow' and, once the drag ends, hand over
// to `select` (or, with the tool lock on, back to tldraw's 'arrow' tool: its Pointing state
// names it). Marking in onBeforeCreate keeps all of tldraw's drawing and binding behaviour.

// [2] Better in shared/src/model beside CARD_KINDS, with its own pictogram in ICON_NAMES
// ('arrow-big-right'): the legend and the outline view would then show the same button.
