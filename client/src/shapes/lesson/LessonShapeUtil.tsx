import {
  getCardKind,
  LESSON_SHAPE,
  lessonDefaultProps,
  lessonShapeMigrations,
  lessonShapeProps,
  type WtLessonShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { formatDate, PanelInput } from '../common/PanelFields'
import { Pictogram } from '../common/Pictogram'
import { TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('lesson')

/** Leerpunt: something learned, with the date. */
export class LessonShapeUtil extends CardShapeUtil<WtLessonShape> {
  static override type = LESSON_SHAPE
  static override props = lessonShapeProps
  static override migrations = lessonShapeMigrations

  override getDefaultProps(): WtLessonShape['props'] {
    return { ...lessonDefaultProps }
  }

  override getText(shape: WtLessonShape) {
    return shape.props.text
  }

  override component(shape: WtLessonShape) {
    return <LessonCard shape={shape} />
  }
}

const LessonCard = memo(function LessonCard({ shape }: { shape: WtLessonShape }) {
  const { editing, exporting, locale, t, update } = useCard(shape)
  const { date } = shape.props
  return (
    <CardFrame
      look={{ ...KIND, label: t(KIND.label) }}
      editing={editing}
      badge={
        date ? (
          <span className="wtc-card__badge" title={t('field.date')}>
            <Pictogram name="calendar" size={26} />
            {formatDate(date, locale)}
          </span>
        ) : null
      }
    >
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

export function LessonPanel({ shape }: { shape: WtLessonShape }) {
  const { t, update } = useCard(shape)
  return (
    <PanelInput
      label={t('field.date')}
      type="date"
      value={shape.props.date}
      onChange={(date) => {
        if (date === '' || /^\d{4}-\d{2}-\d{2}$/.test(date)) update({ date })
      }}
    />
  )
}
