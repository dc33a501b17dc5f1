import type { CardDefinition, CardField, MessageKey } from '@wijktafel/shared'
import { useState } from 'react'
import { useEditor, type TLShape } from 'tldraw'
import { ReadAloudButton } from '../../board/speech/ReadAloudButton'
import { IndicatorEditor } from '../action/IndicatorEditor'
import { editCardField } from './cardEdits'
import { ChoicePicker, toggleId } from './Choices'
import { HORIZON_OPTIONS } from './HorizonBadge'
import { NullableNumberInput, NumberPicker, PanelInput } from './PanelFields'
import { ParticipantPicker } from './Participants'
import { useCard } from './useCard'

type Props = Record<string, unknown>

/**
 * The edit panel of any card, from its kind's fields: pictogram buttons for choices and
 * participants, a date or number input for the rest. Text is typed on the card itself.
 * Every edit goes through the field's validator (editCardField). It starts with "Voorlezen",
 * the card's text read aloud (client/src/board/speech); the outline has its own.
 */
export function CardPanel({
  shape,
  card,
  readAloud = true,
}: {
  shape: TLShape
  card: CardDefinition
  readAloud?: boolean
}) {
  const editor = useEditor()
  const { t } = useCard(shape)
  const [errors, setErrors] = useState<Record<string, MessageKey | null>>({})
  const props = shape.props as Props
  const set = (name: string, field: CardField, value: unknown) => {
    const error = editCardField(editor, shape, name, field, value)
    setErrors((e) => ({ ...e, [name]: error }))
  }
  const pickers = []
  const inputs = []
  for (const [name, field] of Object.entries(card.fields)) {
    const value = props[name]
    const title = t(field.label)
    const error = errors[name]
    switch (field.edit) {
      case 'choice':
        pickers.push(
          <ChoicePicker
            key={name}
            title={title}
            choices={field.choices}
            value={value as string}
            onPick={(id) => set(name, field, id)}
            t={t}
          />,
        )
        break
      case 'choices':
        pickers.push(
          <ChoicePicker
            key={name}
            title={title}
            choices={field.choices}
            value={value as string[]}
            onPick={(id) => set(name, field, toggleId(value as string[], id))}
            t={t}
          />,
        )
        break
      case 'participant':
      case 'participants': {
        const many = field.edit === 'participants'
        pickers.push(
          <ParticipantPicker
            key={name}
            title={title}
            value={value as string | null | string[]}
            onPick={(id) => {
              if (!many) return set(name, field, id)
              if (id) set(name, field, toggleId(value as string[], id))
            }}
            t={t}
            noneLabel={many ? undefined : '—'}
          />,
        )
        break
      }
      case 'horizon':
        pickers.push(
          <NumberPicker
            key={name}
            title={title}
            options={HORIZON_OPTIONS}
            value={value as number}
            onPick={(years) => set(name, field, years)}
          />,
        )
        break
      case 'date':
        inputs.push(
          <PanelInput
            key={name}
            label={title}
            type="date"
            value={value as string}
            onChange={(date) => set(name, field, date)}
            error={error ? t(error) : undefined}
          />,
        )
        break
      case 'indicators':
        pickers.push(<IndicatorEditor key={name} shape={shape} name={name} field={field} />)
        break
      case 'number':
        inputs.push(
          <NullableNumberInput
            key={name}
            label={title}
            value={value as number | null}
            onChange={(n) => set(name, field, n)}
          />,
        )
        break
    }
  }
  return (
    <>
      {readAloud ? <ReadAloudButton text={card.textOf(props as never)} /> : null}
      {pickers}
      {inputs.length ? <div className="wtc-panel-grid">{inputs}</div> : null}
    </>
  )
}
