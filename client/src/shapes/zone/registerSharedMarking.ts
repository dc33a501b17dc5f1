import { INTEREST_SHAPE, ZONE_SHAPE, type WtInterestShape } from '@wijktafel/shared'
import type { Editor, TLParentId, TLShape, TLShapePartial } from 'tldraw'

/**
 * Keeps one rule true for this person's own changes: an interest is shared exactly while it
 * lies in a "Gedeeld belang" zone (its parent is a zone of kind `shared-interest`). It is
 * applied when an interest is made or changes parent (dragged in or out, placed, pasted) and
 * when a zone's kind changes, inside the same store change, so one undo takes back the move or
 * the new kind together with the marks [1]. Returns the function that stops it.
 */
export function registerSharedMarking(editor: Editor): () => void {
  // editor.sideEffects is the same object, but not assigned yet while shape utils are built.
  const { sideEffects } = editor.store
  const stopOnCreate = sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source === 'user') markByPlace(editor, [shape])
  })
  const stopOnChange = sideEffects.registerAfterChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user') return
    if (next.parentId !== prev.parentId) {
      markByPlace(editor, [next])
    } else if (
      next.type === ZONE_SHAPE &&
      prev.type === ZONE_SHAPE &&
      next.props.kind !== prev.props.kind
    ) {
      const children = editor.getSortedChildIdsForParent(next.id)
      markByPlace(
        editor,
        children.map((id) => editor.getShape(id)!),
      )
    }
  })
  return () => {
    stopOnCreate()
    stopOnChange()
  }
}

/** Whether an interest with this parent counts as shared. */
function isSharedPlace(editor: Editor, parentId: TLParentId): boolean {
  const parent = editor.getShape(parentId as TLShape['id'])
  return parent?.type === ZONE_SHAPE && parent.props.kind === 'shared-interest'
}

/** Sets `shared` on those of `shapes` that are interests and do not follow the rule yet. */
function markByPlace(editor: Editor, shapes: TLShape[]) {
  const updates = shapes
    .filter((s): s is WtInterestShape => s.type === INTEREST_SHAPE)
    .filter((s) => s.props.shared !== isSharedPlace(editor, s.parentId))
    .map((s): TLShapePartial<WtInterestShape> => ({
      id: s.id,
      type: INTEREST_SHAPE,
      props: { shared: !s.props.shared },
    }))
  if (updates.length) editor.updateShapes(updates)
}

// [1] A store side effect rather than the zone's onDragShapesIn/Out: those only see drags, not a
// kind picked in the zone's panel, a card placed or pasted into a zone, or an interest leaving a
// zone for a participant. Remote changes are skipped: the person who made them has marked the
// interests already, and those marks arrive in the same sync. tldraw runs side effects during
// undo and redo too; since the rule held before and after every change, they find nothing to do.
