import { ACTION_SHAPE, ROAD_ACTION_SHAPE, type ValueKind } from '@wijktafel/shared'
import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { create } from 'zustand'

/**
 * The value this person filters the maps and the road by, or null for all. Per browser tab
 * and never in the document [1]: one person looking for "ecologisch" does not dim anyone
 * else's board.
 */
export const useValueFilter = create<{
  value: ValueKind | null
  setValue: (value: ValueKind | null) => void
}>((set) => ({ value: null, setValue: (value) => set({ value }) }))

/** The values an action card creates, or null when the shape is not (or no longer) one. */
function valuesOf(shape: TLShape | undefined): readonly string[] | null {
  if (!shape || shape.type !== ACTION_SHAPE) return null
  return (shape.props as { values: string[] }).values
}

/**
 * The action cards and road references on the current page that do not create `value`: they
 * are dimmed. A reference to a deleted action is dimmed too (it creates nothing).
 */
export function dimmedShapeIds(editor: Editor, value: ValueKind): TLShapeId[] {
  const dimmed: TLShapeId[] = []
  for (const id of editor.getCurrentPageShapeIds()) {
    const shape = editor.getShape(id)
    if (!shape) continue
    if (shape.type === ACTION_SHAPE) {
      if (!valuesOf(shape)!.includes(value)) dimmed.push(id)
    } else if (shape.type === ROAD_ACTION_SHAPE) {
      const action = editor.getShape((shape.props as { actionId: string }).actionId as TLShapeId)
      if (!valuesOf(action)?.includes(value)) dimmed.push(id)
    }
  }
  return dimmed
}

/** A style sheet that dims these shapes on this screen only (tldraw draws each shape in a
 *  `.tl-shape` with its id) [2]. */
export function dimmingCss(ids: readonly string[]): string {
  if (ids.length === 0) return ''
  const selectors = ids.map((id) => `.tl-shape[data-shape-id="${CSS.escape(id)}"]`)
  return `${selectors.join(',\n')} { opacity: 0.18 !important; }`
}

/** The current page holds action cards or road references: the filter has something to do. */
export function pageHasActions(editor: Editor): boolean {
  for (const id of editor.getCurrentPageShapeIds()) {
    const type = editor.store.unsafeGetWithoutCapture(id)?.type
    if (type === ACTION_SHAPE || type === ROAD_ACTION_SHAPE) return true
  }
  return false
}

// [1] The issue asks for a filter per person, not shared: writing `opacity` into the shapes
//     would dim everyone's board and enter the undo history.
// [2] tldraw sets each shape's opacity inline; `!important` in a sheet wins over that, and
//     removing the sheet gives every shape back exactly its own opacity. Image exports render
//     shapes without these ids, so a picture is never dimmed by one person's filter.
