import {
  ASSIGNMENT_SHAPE,
  assignmentDefaultProps,
  assignmentShapeMigrations,
  assignmentShapeProps,
  getCardKind,
  type WtAssignmentShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { HORIZON_OPTIONS, HorizonBadge } from '../common/HorizonBadge'
import { NumberPicker } from '../common/PanelFields'
import { TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('assignment')

/** Maatschappelijke opdracht: what the partners will concretely do in the next years. */
export class AssignmentShapeUtil extends CardShapeUtil<WtAssignmentShape> {
  static override type = ASSIGNMENT_SHAPE
  static override props = assignmentShapeProps
  static override migrations = assignmentShapeMigrations

  override getDefaultProps(): WtAssignmentShape['props'] {
    return { ...assignmentDefaultProps }
  }

  override getText(shape: WtAssignmentShape) {
    return shape.props.text
  }

  override component(shape: WtAssignmentShape) {
    return <AssignmentCard shape={shape} />
  }
}

const AssignmentCard = memo(function AssignmentCard({ shape }: { shape: WtAssignmentShape }) {
  const { editing, exporting, t, update } = useCard(shape)
  return (
    <CardFrame
      look={{ ...KIND, label: t(KIND.label) }}
      editing={editing}
      badge={<HorizonBadge years={shape.props.horizonYears} t={t} />}
    >
      <TextField
        value={shape.props.text}
        onChange={(text) => update({ text })}
        editing={editing}
        exporting={exporting}
        placeholder={t('field.text')}
        size="lg"
        autoFocus
      />
    </CardFrame>
  )
})

export function AssignmentPanel({ shape }: { shape: WtAssignmentShape }) {
  const { t, update } = useCard(shape)
  return (
    <NumberPicker
      title={t('field.horizonYears')}
      options={HORIZON_OPTIONS}
      value={shape.props.horizonYears}
      onPick={(horizonYears) => update({ horizonYears })}
    />
  )
}
