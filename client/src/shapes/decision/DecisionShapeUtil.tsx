import {
  DECISION_RULES,
  DECISION_SHAPE,
  decisionDefaultProps,
  decisionShapeMigrations,
  decisionShapeProps,
  findChoice,
  getCardKind,
  type WtDecisionShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { ChoiceChip, ChoicePicker } from '../common/Choices'
import { Pictogram } from '../common/Pictogram'
import { SHORT_TEXT, TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('decision')

/** Besluit: what is decided, who decides and how (consent, meerderheid, ...). */
export class DecisionShapeUtil extends CardShapeUtil<WtDecisionShape> {
  static override type = DECISION_SHAPE
  static override props = decisionShapeProps
  static override migrations = decisionShapeMigrations

  override getDefaultProps(): WtDecisionShape['props'] {
    return { ...decisionDefaultProps }
  }

  override getText(shape: WtDecisionShape) {
    return shape.props.what
  }

  override component(shape: WtDecisionShape) {
    return <DecisionCard shape={shape} />
  }
}

const DecisionCard = memo(function DecisionCard({ shape }: { shape: WtDecisionShape }) {
  const { editing, exporting, t, update } = useCard(shape)
  const rule = findChoice(DECISION_RULES, shape.props.rule)
  return (
    <CardFrame look={{ ...KIND, label: t(KIND.label) }} editing={editing}>
      <TextField
        value={shape.props.what}
        onChange={(what) => update({ what })}
        editing={editing}
        exporting={exporting}
        placeholder={t('field.what')}
        autoFocus
      />
      <div className="wtc-row" title={t('field.who')}>
        <span className="wtc-field-icon">
          <Pictogram name="users" size={28} />
        </span>
        <TextField
          value={shape.props.who}
          onChange={(who) => update({ who })}
          editing={editing}
          exporting={exporting}
          placeholder={t('field.who')}
          size="sm"
          multiline={false}
          maxLength={SHORT_TEXT}
        />
      </div>
      {rule ? (
        <div className="wtc-row">
          <ChoiceChip choice={rule} t={t} />
        </div>
      ) : null}
    </CardFrame>
  )
})

export function DecisionPanel({ shape }: { shape: WtDecisionShape }) {
  const { t, update } = useCard(shape)
  return (
    <ChoicePicker
      title={t('field.rule')}
      choices={DECISION_RULES}
      value={shape.props.rule}
      onPick={(rule) => update({ rule })}
      t={t}
    />
  )
}
