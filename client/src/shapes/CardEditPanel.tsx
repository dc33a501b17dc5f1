import { findCard, LEGEND_SHAPE, LOCALE_INFO, ZONE_SHAPE } from '@wijktafel/shared'
import type { ComponentType } from 'react'
import { Box, useEditor, useValue, type Editor, type TLShape } from 'tldraw'
import { CardPanel } from './common/CardPanel'
import { stopEvent } from './common/useCard'
import { ExchangeArrowGeometry } from './exchange/ExchangeArrowShapeUtil'
import { exchangeChoiceOf } from './exchange/exchangeBadge'
import { ExchangePanel } from './exchange/ExchangePanel'
import { LegendPanel } from './legend/LegendShapeUtil'
import { useSession } from '../state/session'
import { ZonePanel } from './zone/ZoneShapeUtil'

/** The panels of the shapes that are not cards (cards get theirs from their fields). */
const PANELS: Record<string, ComponentType<{ shape: any }>> = {
  [ZONE_SHAPE]: ZonePanel,
  [LEGEND_SHAPE]: LegendPanel,
  arrow: ExchangePanel, // exchanges only (see panelShape)
}

function hasPanel(shape: TLShape): boolean {
  return !!(findCard(shape.type) || PANELS[shape.type])
}

/**
 * The shape whose panel is open: the card being edited, or an exchange arrow that is selected
 * on its own (its type is its main choice, so it should not take a double-click to reach).
 */
function panelShape(editor: Editor): TLShape | null {
  const editing = editor.getEditingShape()
  if (editing)
    return hasPanel(editing) && (editing.type !== 'arrow' || exchangeChoiceOf(editing))
      ? editing
      : null
  const selected = editor.getOnlySelectedShape()
  if (!selected || !exchangeChoiceOf(selected) || editor.getIsReadonly()) return null
  // Not while the arrow is being drawn or dragged: only once it rests.
  return editor.isIn('select.idle') ? selected : null
}

/**
 * Page bounds the panel sits next to: the card, or an exchange's badge and text (an arrow's
 * own bounds can span the whole map).
 */
function anchorBounds(editor: Editor, shape: TLShape): Box | undefined {
  const geometry = shape.type === 'arrow' ? editor.getShapeGeometry(shape) : undefined
  if (!(geometry instanceof ExchangeArrowGeometry)) return editor.getShapePageBounds(shape.id)
  return Box.FromPoints(editor.getShapePageTransform(shape).applyToPoints(geometry.sign.corners))
}

const GAP = 12
const MIN_ROOM = 220
const PANEL_WIDTH = 460
const TOP_RESERVED = 64
const BOTTOM_RESERVED = 190
/** tldraw's style panel, docked top right on a wide screen. */
const STYLE_PANEL = 164

/**
 * The choices (kind, category, status, participants, dates...) of the card being edited, as
 * pictogram buttons in one floating panel beside it [1]. One instance for the whole canvas,
 * in screen space: legible and touchable at any zoom, and no extra work for idle cards.
 */
export function CardEditPanel() {
  const editor = useEditor()
  const shape = useValue('wt panel shape', () => panelShape(editor), [editor])
  // Right to left (Arabic): the panel lines up with the card's right edge and goes beside it
  // on the left; tldraw's style panel is on the left then. Worked out as a mirror image [2].
  const rtl = useSession((s) => LOCALE_INFO[s.locale].dir === 'rtl')
  const place = useValue(
    'wt edit panel place',
    () => {
      if (!shape) return null
      const bounds = anchorBounds(editor, shape)
      if (!bounds) return null
      const view = editor.getViewportScreenBounds()
      const a = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
      const b = editor.pageToViewport({ x: bounds.maxX, y: bounds.maxY })
      const topLeft = rtl ? { x: view.w - b.x, y: a.y } : a
      const bottomRight = rtl ? { x: view.w - a.x, y: b.y } : b
      // Keep clear of the top panel and of the palette and toolbar at the bottom.
      const top = TOP_RESERVED
      const bottom = view.h - BOTTOM_RESERVED
      const rightEdge = view.w - (view.w >= PANEL_WIDTH + 2 * STYLE_PANEL ? STYLE_PANEL : 8)
      const left = Math.max(8, Math.min(topLeft.x, rightEdge - PANEL_WIDTH))
      const below = bottom - (bottomRight.y + GAP)
      const above = topLeft.y - GAP - top
      if (below >= MIN_ROOM) return { left, top: bottomRight.y + GAP, maxHeight: below }
      if (above >= MIN_ROOM) return { left, bottom: view.h - topLeft.y + GAP, maxHeight: above }
      // No room above or below: beside the card, or over the bottom of the screen.
      const right = bottomRight.x + GAP
      const besideTop = Math.max(top, Math.min(topLeft.y, bottom - MIN_ROOM))
      if (rightEdge - right >= PANEL_WIDTH) {
        return { left: right, top: besideTop, maxHeight: bottom - besideTop }
      }
      return { left, bottom: view.h - bottom, maxHeight: bottom - top }
    },
    [editor, shape?.id, rtl],
  )
  if (!shape || !place) return null
  const card = findCard(shape.type)
  const Panel = PANELS[shape.type]
  return (
    <div
      className="wtc-edit-panel"
      style={rtl ? mirrored(place) : place}
      onPointerDown={stopEvent}
      onPointerUp={stopEvent}
      onWheel={stopEvent}
      onDoubleClick={stopEvent}
    >
      {card ? <CardPanel shape={shape} card={card} /> : Panel ? <Panel shape={shape} /> : null}
    </div>
  )
}

/** The place worked out in mirrored space, as CSS for the real one: its `left` is a `right`. */
function mirrored<P extends { left: number }>({
  left,
  ...rest
}: P): Omit<P, 'left'> & { right: number } {
  return { ...rest, right: left }
}

// [1] Rendered through tldraw's `InFrontOfTheCanvas` slot, inside the canvas element; so
// pointer events are stopped here, or the canvas would take a click on a button as a click
// on the empty page and end the editing.
// [2] The canvas is left to right in every language (tldraw), so screen x is flipped
//     (x → width − x) before the placement and `left` becomes `right` after it.
