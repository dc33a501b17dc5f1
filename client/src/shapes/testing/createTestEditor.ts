import {
  Box,
  createTLStore,
  defaultBindingUtils,
  defaultShapeTools,
  defaultShapeUtils,
  defaultTools,
  Editor,
  type TLAnyShapeUtilConstructor,
  type TLPointerEventInfo,
  type TLShape,
  type TLShapeId,
  type VecLike,
} from 'tldraw'
import { WIJKTAFEL_EDITOR_SHAPE_UTILS, WIJKTAFEL_SHAPE_UTILS, WIJKTAFEL_TOOLS } from '../index'

/** Big enough that a participant and a zone side by side are both on screen at zoom 1. */
const SCREEN = new Box(0, 0, 2400, 1600)

/**
 * A real tldraw editor with the Wijktafel cards and tools, as <Tldraw> builds it in
 * BoardCanvas, but without React: tests drive it with pointer events and read the store.
 * Needs a DOM (the file's `// @vitest-environment jsdom`) for its container. Call `dispose()`
 * after the test.
 */
export function createTestEditor(): Editor {
  const container = document.createElement('div')
  document.body.appendChild(container)
  const editor = new Editor({
    // Like BoardConnection: tldraw's shapes and ours; the arrow's record is tldraw's own.
    store: createTLStore({
      shapeUtils: [...defaultShapeUtils, ...WIJKTAFEL_SHAPE_UTILS],
      bindingUtils: defaultBindingUtils,
    }),
    // Like <Tldraw shapeUtils>: ours replace tldraw's of the same type (the exchange arrow).
    shapeUtils: withDefaults(WIJKTAFEL_EDITOR_SHAPE_UTILS),
    bindingUtils: defaultBindingUtils,
    // Like <Tldraw>: tldraw's own tools (select, hand...) and shape tools (arrow, geo...), and ours.
    tools: [...defaultTools, ...defaultShapeTools, ...WIJKTAFEL_TOOLS],
    getContainer: () => container,
    initialState: 'select',
  })
  editor.updateViewportScreenBounds(SCREEN)
  editor.disposables.add(() => container.remove())
  return editor
}

function withDefaults(custom: readonly TLAnyShapeUtilConstructor[]) {
  const types = new Set(custom.map((util) => util.type))
  return [...defaultShapeUtils.filter((util) => !types.has(util.type)), ...custom]
}

/** A pointer event at a page point, as the canvas sends it (screen coordinates). */
function pointer(editor: Editor, name: TLPointerEventInfo['name'], page: VecLike) {
  const { x, y } = editor.pageToScreen(page)
  editor.dispatch({
    type: 'pointer',
    name,
    target: 'canvas',
    point: { x, y, z: 0.5 },
    pointerId: 1,
    button: 0,
    isPen: false,
    shiftKey: false,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    accelKey: false,
  })
  // Pointer moves wait for the next frame; a tick flushes them as the browser's frame would.
  editor.emit('tick', 16)
}

/**
 * Presses and releases at a page point. Each call is a click of its own, not the second half
 * of a double click, as if the person paused before it.
 */
export function clickAt(editor: Editor, page: VecLike) {
  editor.cancelDoubleClick()
  pointer(editor, 'pointer_move', page)
  pointer(editor, 'pointer_down', page)
  pointer(editor, 'pointer_up', page)
}

/** Presses at `from`, moves to `to` in a few steps and releases there: a drag. */
export function dragFromTo(editor: Editor, from: VecLike, to: VecLike, steps = 5) {
  pressAndMove(editor, from, to, steps)
  pointer(editor, 'pointer_up', to)
}

/** Presses at `from` and moves to `to` in a few steps without releasing: a drag under way. */
export function pressAndMove(editor: Editor, from: VecLike, to: VecLike, steps = 5) {
  editor.cancelDoubleClick()
  pointer(editor, 'pointer_move', from)
  pointer(editor, 'pointer_down', from)
  for (let i = 1; i <= steps; i++) {
    pointer(editor, 'pointer_move', {
      x: from.x + ((to.x - from.x) * i) / steps,
      y: from.y + ((to.y - from.y) * i) / steps,
    })
  }
}

/**
 * Escape: ends typing in the card being edited (a placed card starts in edit mode), so the
 * next drag moves a card instead of selecting text in it.
 */
export function pressEscape(editor: Editor) {
  editor.cancel()
}

/** Places a card with the palette tool `toolId` by clicking at a page point. */
export function placeWithTool(editor: Editor, toolId: string, page: VecLike) {
  const before = new Set(editor.getCurrentPageShapeIds())
  editor.setCurrentTool(toolId)
  clickAt(editor, page)
  const created = [...editor.getCurrentPageShapeIds()].filter((id) => !before.has(id))
  if (created.length !== 1) {
    throw new Error(`Expected the ${toolId} tool to create one shape, it created ${created.length}`)
  }
  return editor.getShape(created[0]!)!
}

/** The shape `id`, which must exist and be of `type`. */
export function shapeOf<K extends TLShape['type']>(
  editor: Editor,
  id: TLShapeId,
  type: K,
): TLShape<K> {
  const shape = editor.getShape(id)
  if (!shape) throw new Error(`Expected a shape ${id}, there is none`)
  if (shape.type !== type) throw new Error(`Expected ${id} to be a ${type}, it is a ${shape.type}`)
  return shape as TLShape<K>
}
