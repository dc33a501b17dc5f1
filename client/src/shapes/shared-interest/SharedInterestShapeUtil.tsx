import {
  getCardKind,
  SHARED_INTEREST_SHAPE,
  sharedInterestDefaultProps,
  sharedInterestShapeMigrations,
  sharedInterestShapeProps,
  type WtSharedInterestShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { toggleId } from '../common/Choices'
import { ParticipantChip, ParticipantPicker } from '../common/Participants'
import { TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('shared-interest')

/** Gedeeld belang: the common goal, with the participants that share it. */
export class SharedInterestShapeUtil extends CardShapeUtil<WtSharedInterestShape> {
  static override type = SHARED_INTEREST_SHAPE
  static override props = sharedInterestShapeProps
  static override migrations = sharedInterestShapeMigrations

  override getDefaultProps(): WtSharedInterestShape['props'] {
    return { ...sharedInterestDefaultProps }
  }

  override getText(shape: WtSharedInterestShape) {
    return shape.props.text
  }

  override component(shape: WtSharedInterestShape) {
    return <SharedInterestCard shape={shape} />
  }
}

const SharedInterestCard = memo(function SharedInterestCard({
  shape,
}: {
  shape: WtSharedInterestShape
}) {
  const { editing, exporting, t, update } = useCard(shape)
  const ids = shape.props.participantIds
  return (
    <CardFrame look={{ ...KIND, label: t(KIND.label) }} editing={editing}>
      <TextField
        value={shape.props.text}
        onChange={(text) => update({ text })}
        editing={editing}
        exporting={exporting}
        placeholder={t('field.text')}
        size="lg"
        autoFocus
      />
      {ids.length > 0 ? (
        <div className="wtc-row">
          {ids.map((id) => (
            <ParticipantChip key={id} id={id} t={t} iconOnly={ids.length > 2} />
          ))}
        </div>
      ) : null}
    </CardFrame>
  )
})

export function SharedInterestPanel({ shape }: { shape: WtSharedInterestShape }) {
  const { t, update } = useCard(shape)
  return (
    <ParticipantPicker
      title={t('field.participants')}
      value={shape.props.participantIds}
      onPick={(id) => id && update({ participantIds: toggleId(shape.props.participantIds, id) })}
      t={t}
    />
  )
}
