import {
  EXPECTATION_SHAPE,
  expectationDefaultProps,
  expectationShapeMigrations,
  expectationShapeProps,
  getCardKind,
  type WtExpectationShape,
} from '@wijktafel/shared'
import { ArrowRight } from 'lucide-react'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { ParticipantChip, ParticipantPicker } from '../common/Participants'
import { TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('expectation')

/** Verwachting: what one partner expects from another. */
export class ExpectationShapeUtil extends CardShapeUtil<WtExpectationShape> {
  static override type = EXPECTATION_SHAPE
  static override props = expectationShapeProps
  static override migrations = expectationShapeMigrations

  override getDefaultProps(): WtExpectationShape['props'] {
    return { ...expectationDefaultProps }
  }

  override getText(shape: WtExpectationShape) {
    return shape.props.text
  }

  override component(shape: WtExpectationShape) {
    return <ExpectationCard shape={shape} />
  }
}

const ExpectationCard = memo(function ExpectationCard({ shape }: { shape: WtExpectationShape }) {
  const { editing, exporting, t, update } = useCard(shape)
  const { fromId, toId } = shape.props
  return (
    <CardFrame look={{ ...KIND, label: t(KIND.label) }} editing={editing}>
      {fromId || toId ? (
        <div className="wtc-row" style={{ flexWrap: 'nowrap' }}>
          <ParticipantChip id={fromId} t={t} />
          <ArrowRight size={30} strokeWidth={3} aria-label="→" style={{ flex: '0 0 auto' }} />
          <ParticipantChip id={toId} t={t} />
        </div>
      ) : null}
      <TextField
        value={shape.props.text}
        onChange={(text) => update({ text })}
        editing={editing}
        exporting={exporting}
        placeholder={t('field.text')}
        autoFocus
      />
    </CardFrame>
  )
})

export function ExpectationPanel({ shape }: { shape: WtExpectationShape }) {
  const { t, update } = useCard(shape)
  return (
    <>
      <ParticipantPicker
        title={t('field.from')}
        value={shape.props.fromId}
        onPick={(fromId) => update({ fromId })}
        t={t}
        noneLabel="—"
      />
      <ParticipantPicker
        title={t('field.to')}
        value={shape.props.toId}
        onPick={(toId) => update({ toId })}
        t={t}
        noneLabel="—"
      />
    </>
  )
}
