import {
  findChoice,
  INTEREST_CATEGORIES,
  INTEREST_SHAPE,
  interestDefaultProps,
  interestShapeMigrations,
  interestShapeProps,
  type WtInterestShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { ChoicePicker } from '../common/Choices'
import { ParticipantChip, ParticipantPicker } from '../common/Participants'
import { Pictogram } from '../common/Pictogram'
import { TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

/**
 * Belang: a sticky note in the colour and with the pictogram of its category (kom halen, kom
 * brengen, ...), usually inside its participant's area.
 */
export class InterestShapeUtil extends CardShapeUtil<WtInterestShape> {
  static override type = INTEREST_SHAPE
  static override props = interestShapeProps
  static override migrations = interestShapeMigrations

  override getDefaultProps(): WtInterestShape['props'] {
    return { ...interestDefaultProps }
  }

  override getText(shape: WtInterestShape) {
    return shape.props.text
  }

  override component(shape: WtInterestShape) {
    return <InterestCard shape={shape} />
  }
}

const InterestCard = memo(function InterestCard({ shape }: { shape: WtInterestShape }) {
  const { editing, exporting, t, update } = useCard(shape)
  const { text, participantId, shared } = shape.props
  const category = findChoice(INTEREST_CATEGORIES, shape.props.category) ?? INTEREST_CATEGORIES[0]
  return (
    <CardFrame
      look={{ ...category, label: t(category.label) }}
      editing={editing}
      variant="note"
      badge={
        shared ? (
          <span title={t('field.shared')}>
            <Pictogram name="heart-handshake" size={32} />
          </span>
        ) : null
      }
    >
      <TextField
        value={text}
        onChange={(value) => update({ text: value })}
        editing={editing}
        exporting={exporting}
        placeholder={t('card.interest')}
        autoFocus
      />
      {participantId && !editing ? (
        <div className="wtc-row">
          <ParticipantChip id={participantId} t={t} />
        </div>
      ) : null}
    </CardFrame>
  )
})

export function InterestPanel({ shape }: { shape: WtInterestShape }) {
  const { t, update } = useCard(shape)
  return (
    <>
      <ChoicePicker
        title={t('field.category')}
        choices={INTEREST_CATEGORIES}
        value={shape.props.category}
        onPick={(category) => update({ category })}
        t={t}
      />
      <ParticipantPicker
        title={t('field.participant')}
        value={shape.props.participantId}
        onPick={(participantId) => update({ participantId })}
        t={t}
        noneLabel="—"
      />
    </>
  )
}
