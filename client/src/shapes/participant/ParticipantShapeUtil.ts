import { INTEREST_SHAPE, participantCard, type WtParticipantShape } from '@wijktafel/shared'
import type { Editor, TLDragShapesOutInfo, TLShape } from 'tldraw'
import { cardShapeUtil } from '../common/CardShapeUtil'
import { forgetDeletedParticipants } from './forgetDeletedParticipants'

/**
 * Deelnemer: a person or organisation, drawn as an area that holds its interest notes. The
 * notes are tldraw children of the participant [1], so moving the participant moves them.
 */
export class ParticipantShapeUtil extends cardShapeUtil(participantCard) {
  constructor(editor: Editor) {
    super(editor)
    // Cards, lanes and exchanges that refer to a deleted participant forget it.
    editor.disposables.add(forgetDeletedParticipants(editor))
  }

  override canReceiveNewChildrenOfType(shape: WtParticipantShape, type: TLShape['type']) {
    return type === INTEREST_SHAPE && !shape.isLocked
  }

  override canRemoveChildrenOfType(shape: WtParticipantShape) {
    return !shape.isLocked
  }

  override onDragShapesIn(shape: WtParticipantShape, shapes: TLShape[]) {
    const incoming = shapes.filter((s) => s.type === INTEREST_SHAPE && s.parentId !== shape.id)
    if (incoming.length === 0) return
    if (incoming.some((s) => this.editor.hasAncestor(shape, s.id))) return
    this.editor.reparentShapes(incoming, shape.id)
    // An interest dropped on a participant becomes that participant's, and is no longer shared.
    this.editor.updateShapes(
      incoming.map((s) => ({
        id: s.id,
        type: INTEREST_SHAPE,
        props: { participantId: shape.id, shared: false },
      })),
    )
  }

  override onDragShapesOut(
    shape: WtParticipantShape,
    shapes: TLShape[],
    info: TLDragShapesOutInfo,
  ) {
    // Onto another area: that one takes them (its onDragShapesIn). Onto the empty canvas: the
    // page takes them; they keep their owner (participantId) until dropped elsewhere.
    if (info.nextDraggingOverShapeId) return
    const leaving = shapes.filter((s) => s.parentId === shape.id)
    if (leaving.length) this.editor.reparentShapes(leaving, this.editor.getCurrentPageId())
  }
}

// [1] Not a frame-like shape (BaseFrameLikeShapeUtil): tldraw selects frames only by their
// edge or heading, but a participant is a card that people grab anywhere. Parenting only needs
// `canReceiveNewChildrenOfType` and the drag hooks: tldraw's DragAndDropManager offers dragged
// shapes to the topmost shape under the pointer that has drag hooks, and `createShape` at a
// point inside a participant makes the new interest its child.
