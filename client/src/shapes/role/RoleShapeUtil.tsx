import {
  findChoice,
  getCardKind,
  PARTNER_ROLES,
  ROLE_SHAPE,
  roleDefaultProps,
  roleShapeMigrations,
  roleShapeProps,
  type WtRoleShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { ChoiceChip, ChoicePicker } from '../common/Choices'
import { ParticipantChip, ParticipantPicker } from '../common/Participants'
import { SHORT_TEXT, TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('role')

/** Rol: which role a partner takes (trekker, uitvoerder, ...). */
export class RoleShapeUtil extends CardShapeUtil<WtRoleShape> {
  static override type = ROLE_SHAPE
  static override props = roleShapeProps
  static override migrations = roleShapeMigrations

  override getDefaultProps(): WtRoleShape['props'] {
    return { ...roleDefaultProps }
  }

  override getText(shape: WtRoleShape) {
    return shape.props.partner
  }

  override component(shape: WtRoleShape) {
    return <RoleCard shape={shape} />
  }
}

const RoleCard = memo(function RoleCard({ shape }: { shape: WtRoleShape }) {
  const { editing, exporting, t, update } = useCard(shape)
  const { participantId, partner } = shape.props
  const role = findChoice(PARTNER_ROLES, shape.props.role)
  return (
    <CardFrame look={{ ...KIND, label: t(KIND.label) }} editing={editing}>
      {role ? (
        <div className="wtc-row">
          <ChoiceChip choice={role} t={t} big />
        </div>
      ) : null}
      {participantId ? (
        <div className="wtc-row">
          <ParticipantChip id={participantId} t={t} />
        </div>
      ) : (
        <TextField
          value={partner}
          onChange={(value) => update({ partner: value })}
          editing={editing}
          exporting={exporting}
          placeholder={t('field.partner')}
          multiline={false}
          maxLength={SHORT_TEXT}
          autoFocus
        />
      )}
    </CardFrame>
  )
})

export function RolePanel({ shape }: { shape: WtRoleShape }) {
  const { t, update } = useCard(shape)
  return (
    <>
      <ChoicePicker
        title={t('field.role')}
        choices={PARTNER_ROLES}
        value={shape.props.role}
        onPick={(role) => update({ role })}
        t={t}
      />
      <ParticipantPicker
        title={t('field.partner')}
        value={shape.props.participantId}
        onPick={(participantId) => update({ participantId })}
        t={t}
        noneLabel="—"
      />
    </>
  )
}
