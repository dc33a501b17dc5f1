import {
  findChoice,
  INTEREST_SHAPE,
  PARTICIPANT_KINDS,
  PARTICIPANT_LEVELS,
  PARTICIPANT_SHAPE,
  participantDefaultProps,
  participantShapeMigrations,
  participantShapeProps,
  type WtParticipantShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import type { TLDragShapesOutInfo, TLShape } from 'tldraw'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { ChoiceChip, ChoicePicker } from '../common/Choices'
import { SHORT_TEXT, TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

/**
 * Deelnemer: a person or organisation, drawn as an area that holds its interest notes. The
 * notes are tldraw children of the participant [1], so moving the participant moves them.
 */
export class ParticipantShapeUtil extends CardShapeUtil<WtParticipantShape> {
  static override type = PARTICIPANT_SHAPE
  static override props = participantShapeProps
  static override migrations = participantShapeMigrations

  override getDefaultProps(): WtParticipantShape['props'] {
    return { ...participantDefaultProps }
  }

  override getText(shape: WtParticipantShape) {
    return [shape.props.name, shape.props.organisation].filter(Boolean).join(', ')
  }

  override component(shape: WtParticipantShape) {
    return <ParticipantCard shape={shape} />
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

const ParticipantCard = memo(function ParticipantCard({ shape }: { shape: WtParticipantShape }) {
  const { editing, exporting, t, update } = useCard(shape)
  const { name, organisation } = shape.props
  const kind = findChoice(PARTICIPANT_KINDS, shape.props.kind) ?? PARTICIPANT_KINDS[0]
  const level = findChoice(PARTICIPANT_LEVELS, shape.props.level)
  return (
    <CardFrame
      look={{ ...kind, label: t(kind.label) }}
      editing={editing}
      variant="area"
      badge={level ? <ChoiceChip choice={level} t={t} iconOnly /> : null}
    >
      <TextField
        value={name}
        onChange={(value) => update({ name: value })}
        editing={editing}
        exporting={exporting}
        placeholder={t('field.name')}
        size="lg"
        multiline={false}
        maxLength={SHORT_TEXT}
        autoFocus
      />
      <TextField
        value={organisation}
        onChange={(value) => update({ organisation: value })}
        editing={editing}
        exporting={exporting}
        placeholder={t('field.organisation')}
        size="sm"
        multiline={false}
        maxLength={SHORT_TEXT}
        muted
      />
    </CardFrame>
  )
})

export function ParticipantPanel({ shape }: { shape: WtParticipantShape }) {
  const { t, update } = useCard(shape)
  return (
    <>
      <ChoicePicker
        title={t('field.kind')}
        choices={PARTICIPANT_KINDS}
        value={shape.props.kind}
        onPick={(kind) => update({ kind })}
        t={t}
      />
      <ChoicePicker
        title={t('field.level')}
        choices={PARTICIPANT_LEVELS}
        value={shape.props.level}
        onPick={(level) => update({ level })}
        t={t}
      />
    </>
  )
}

// [1] Not a frame-like shape (BaseFrameLikeShapeUtil): tldraw selects frames only by their
// edge or heading, but a participant is a card that people grab anywhere. Parenting only needs
// `canReceiveNewChildrenOfType` and the drag hooks: tldraw's DragAndDropManager offers dragged
// shapes to the topmost shape under the pointer that has drag hooks, and `createShape` at a
// point inside a participant makes the new interest its child.
