import {
  BOTTLENECK_SHAPE,
  bottleneckDefaultProps,
  bottleneckShapeMigrations,
  bottleneckShapeProps,
  getCardKind,
  type WtBottleneckShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { FieldRow } from '../common/FieldRow'
import { Pictogram } from '../common/Pictogram'
import { SHORT_TEXT, TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('bottleneck')

/** Knelpunt: what is in the way, and who can remove it. */
export class BottleneckShapeUtil extends CardShapeUtil<WtBottleneckShape> {
  static override type = BOTTLENECK_SHAPE
  static override props = bottleneckShapeProps
  static override migrations = bottleneckShapeMigrations

  override getDefaultProps(): WtBottleneckShape['props'] {
    return { ...bottleneckDefaultProps }
  }

  override getText(shape: WtBottleneckShape) {
    return shape.props.text
  }

  override component(shape: WtBottleneckShape) {
    return <BottleneckCard shape={shape} />
  }
}

const BottleneckCard = memo(function BottleneckCard({ shape }: { shape: WtBottleneckShape }) {
  const { editing, exporting, t, update } = useCard(shape)
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
      {shape.props.whoCanRemove || !exporting ? (
        <FieldRow icon={<Pictogram name="wrench" size={28} />} title={t('field.whoCanRemove')}>
          <TextField
            value={shape.props.whoCanRemove}
            onChange={(whoCanRemove) => update({ whoCanRemove })}
            editing={editing}
            exporting={exporting}
            placeholder={t('field.whoCanRemove')}
            size="sm"
            multiline={false}
            maxLength={SHORT_TEXT}
          />
        </FieldRow>
      ) : null}
    </CardFrame>
  )
})
