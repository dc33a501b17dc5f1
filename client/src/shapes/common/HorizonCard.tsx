import { getCardKind, type WtAssignmentShape, type WtDreamShape } from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from './CardFrame'
import { HORIZON_OPTIONS, HorizonBadge } from './HorizonBadge'
import { NumberPicker } from './PanelFields'
import { TextField } from './TextField'
import { useCard } from './useCard'

/** The dream and the assignment: one text and a horizon in years; they differ only in look. */
type HorizonShape = WtDreamShape | WtAssignmentShape

export const HorizonCard = memo(function HorizonCard({ shape }: { shape: HorizonShape }) {
  const { editing, exporting, t, update } = useCard<HorizonShape>(shape)
  const kind = getCardKind(shape.type)
  return (
    <CardFrame
      look={{ ...kind, label: t(kind.label) }}
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

export function HorizonPanel({ shape }: { shape: HorizonShape }) {
  const { t, update } = useCard<HorizonShape>(shape)
  return (
    <NumberPicker
      title={t('field.horizonYears')}
      options={HORIZON_OPTIONS}
      value={shape.props.horizonYears}
      onPick={(horizonYears) => update({ horizonYears })}
    />
  )
}
