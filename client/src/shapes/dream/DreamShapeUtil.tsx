import {
  DREAM_SHAPE,
  dreamDefaultProps,
  dreamShapeMigrations,
  dreamShapeProps,
  getCardKind,
  type WtDreamShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { HORIZON_OPTIONS, HorizonBadge } from '../common/HorizonBadge'
import { NumberPicker } from '../common/PanelFields'
import { TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('dream')

/** Droom: the residents' long-term dream, the centre of both maps. */
export class DreamShapeUtil extends CardShapeUtil<WtDreamShape> {
  static override type = DREAM_SHAPE
  static override props = dreamShapeProps
  static override migrations = dreamShapeMigrations

  override getDefaultProps(): WtDreamShape['props'] {
    return { ...dreamDefaultProps }
  }

  override getText(shape: WtDreamShape) {
    return shape.props.text
  }

  override component(shape: WtDreamShape) {
    return <DreamCard shape={shape} />
  }
}

const DreamCard = memo(function DreamCard({ shape }: { shape: WtDreamShape }) {
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

export function DreamPanel({ shape }: { shape: WtDreamShape }) {
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
