import {
  getCardKind,
  RULE_SHAPE,
  ruleDefaultProps,
  ruleShapeMigrations,
  ruleShapeProps,
  type WtRuleShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { toggleId } from '../common/Choices'
import { FieldRow } from '../common/FieldRow'
import { ParticipantChip, ParticipantPicker } from '../common/Participants'
import { Pictogram } from '../common/Pictogram'
import { TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('rule')

/** Spelregel: a rule of the game, with an "agreed" mark per partner. */
export class RuleShapeUtil extends CardShapeUtil<WtRuleShape> {
  static override type = RULE_SHAPE
  static override props = ruleShapeProps
  static override migrations = ruleShapeMigrations

  override getDefaultProps(): WtRuleShape['props'] {
    return { ...ruleDefaultProps }
  }

  override getText(shape: WtRuleShape) {
    return shape.props.text
  }

  override component(shape: WtRuleShape) {
    return <RuleCard shape={shape} />
  }
}

const RuleCard = memo(function RuleCard({ shape }: { shape: WtRuleShape }) {
  const { editing, exporting, t, update } = useCard(shape)
  const agreed = shape.props.agreedBy
  return (
    <CardFrame look={{ ...KIND, label: t(KIND.label) }} editing={editing}>
      <TextField
        value={shape.props.text}
        onChange={(text) => update({ text })}
        editing={editing}
        exporting={exporting}
        placeholder={t('field.text')}
        autoFocus
      />
      {agreed.length > 0 ? (
        <FieldRow icon={<Pictogram name="thumbs-up" size={28} />} title={t('field.agreedBy')}>
          <div className="wtc-row">
            {agreed.map((id) => (
              <ParticipantChip key={id} id={id} t={t} iconOnly={agreed.length > 2} />
            ))}
          </div>
        </FieldRow>
      ) : null}
    </CardFrame>
  )
})

export function RulePanel({ shape }: { shape: WtRuleShape }) {
  const { t, update } = useCard(shape)
  return (
    <ParticipantPicker
      title={t('field.agreedBy')}
      value={shape.props.agreedBy}
      onPick={(id) => id && update({ agreedBy: toggleId(shape.props.agreedBy, id) })}
      t={t}
    />
  )
}
