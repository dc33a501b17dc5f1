import type { ExchangeType } from '@wijktafel/shared'
import {
  ArrowShapeTool,
  type Editor,
  type StateNode,
  type TLPointerEventInfo,
  type TLStateNodeConstructor,
} from 'tldraw'

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
  static override children(): TLStateNodeConstructor[] {
    return ArrowShapeTool.children().map((state) =>
      state.id === 'pointing' ? exchangePointing(state) : state,
    )
  }

  /** The type a new exchange gets: the last one picked, so a series of arrows is quick. */
  exchangeType: ExchangeType = 'tijd'
}

/** The select tool's state that drags the end of a new arrow, and what it was entered with. */
type DraggingHandle = StateNode & { info?: { onInteractionEnd?: unknown } }

/**
 * tldraw's arrow Pointing state (not exported, hence subclassed from what ArrowShapeTool lists),
 * except that the arrow it hands over to select.dragging_handle comes back to this tool [1].
 */
function exchangePointing(Pointing: TLStateNodeConstructor): TLStateNodeConstructor {
  return class ExchangePointing extends Pointing {
    override onPointerMove(info: TLPointerEventInfo) {
      super.onPointerMove?.(info)
      const dragging = this.editor.getStateDescendant<DraggingHandle>('select.dragging_handle')
      if (!dragging?.getIsActive() || dragging.info?.onInteractionEnd !== ArrowShapeTool.id) return
      dragging.info = { ...dragging.info, onInteractionEnd: EXCHANGE_TOOL }
      // What getCurrentToolId() reports while dragging: the palette keeps its button pressed.
      dragging.parent.setCurrentToolIdMask(EXCHANGE_TOOL)
    }
  }
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

// [1] The arrow tool's states create a shape of type 'arrow' while this tool is active (where
// onBeforeCreate marks it), then hand it to select.dragging_handle for the drag, with
// `onInteractionEnd: 'arrow'` written into tldraw's Pointing. When the drag ends with the tool
// lock on, or is cancelled with Escape (lock or not), dragging_handle goes to that tool: tldraw's
// plain arrow tool, so every later arrow came out plain. Rewriting the hand-over's info right
// after the transition sends it back here instead; everything else about drawing and binding
// stays tldraw's own.

// [2] Better in shared/src/model beside CARD_KINDS, with its own pictogram in ICON_NAMES
// ('arrow-big-right'): the legend and the outline view would then show the same button.
