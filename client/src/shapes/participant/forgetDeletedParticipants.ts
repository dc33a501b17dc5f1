import {
  findCard,
  forgetParticipant,
  PARTICIPANT_SHAPE,
  ZONE_SHAPE,
  type WtParticipantShape,
} from '@wijktafel/shared'
import type { Editor, TLShape, TLShapePartial } from 'tldraw'

/** A lane names its partner like a card's participant field does. */
const ZONE_FIELDS = { participantId: { edit: 'participant' } } as const

/**
 * When this person deletes a participant, nothing is left pointing at it: every card and lane
 * that refers to it forgets it (shared/src/cards/participantRefs.ts says how), and exchange
 * arrows drawn to or from it are deleted, since an exchange needs two ends. Its interests are
 * its children and go with it. All of it happens in the change that deletes it, so one undo
 * brings everything back [1]. Returns the function that stops it.
 */
export function forgetDeletedParticipants(editor: Editor): () => void {
  // editor.sideEffects is the same object, but not assigned yet while shape utils are built.
  return editor.store.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== PARTICIPANT_SHAPE) return
    forget(editor, shape as WtParticipantShape)
  })
}

function forget(editor: Editor, participant: WtParticipantShape) {
  const updates: TLShapePartial[] = []
  for (const record of editor.store.allRecords()) {
    if (record.typeName !== 'shape' || editor.hasAncestor(record, participant.id)) continue
    const shape = record as TLShape
    const fields = shape.type === ZONE_SHAPE ? ZONE_FIELDS : findCard(shape.type)?.fields
    const patch = fields ? forgetParticipant(shape, fields, participant) : null
    if (patch) updates.push({ id: shape.id, type: shape.type, props: patch } as TLShapePartial)
  }
  if (updates.length) editor.updateShapes(updates)
  const exchanges = editor
    .getBindingsToShape(participant.id, 'arrow')
    .map((binding) => editor.getShape(binding.fromId))
    .filter((arrow) => arrow?.meta.wt === 'exchange')
    .map((arrow) => arrow!.id)
  if (exchanges.length) editor.deleteShapes(exchanges)
}

// [1] A store side effect, like the shared marking of interests (zone/registerSharedMarking.ts):
//     it sees every way a participant goes (Delete key, cut, the context menu, undo of its
//     creation), and changes made inside it join the same history entry. Remote deletions
//     are skipped: the person who deleted the participant sends the cleared cards with it.
