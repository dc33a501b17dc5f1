import type { Choice, MessageKey } from '@wijktafel/shared'
import { memo } from 'react'
import { lookStyle } from './CardFrame'
import { Pictogram } from './Pictogram'

/** A choice as a coloured pill: its pictogram, and its label unless `iconOnly`. */
export const ChoiceChip = memo(function ChoiceChip({
  choice,
  t,
  iconOnly = false,
  big = false,
}: {
  choice: Choice
  t: (key: MessageKey) => string
  iconOnly?: boolean
  big?: boolean
}) {
  const label = t(choice.label)
  return (
    <span
      className={`wtc-chip${iconOnly ? ' wtc-chip--icon-only' : ''}${big ? ' wtc-chip--big' : ''}`}
      style={lookStyle(choice)}
      title={label}
    >
      <Pictogram name={choice.icon} size={big ? 32 : 26} />
      {iconOnly ? null : <span className="wtc-chip__text">{label}</span>}
    </span>
  )
})

/** A pictogram on its colour, as in the legend and the palette. */
export function Swatch({
  choice,
  size = 30,
  area = false,
}: {
  choice: Pick<Choice, 'icon' | 'color' | 'ink'>
  size?: number
  /** Drawn as a dashed area, for zones. */
  area?: boolean
}) {
  return (
    <span className={`wtc-swatch${area ? ' wtc-swatch--area' : ''}`} style={lookStyle(choice)}>
      <Pictogram name={choice.icon} size={size} />
    </span>
  )
}

/**
 * Picking one value (or several, with `multiple`) from a short list of pictogram+label
 * buttons: nobody has to type or know a code.
 */
export function ChoicePicker<Id extends string>({
  title,
  choices,
  value,
  onPick,
  t,
}: {
  title: string
  choices: readonly Choice<Id>[]
  value: Id | readonly Id[] | null
  onPick: (id: Id) => void
  t: (key: MessageKey) => string
}) {
  const isOn = (id: Id) => (Array.isArray(value) ? value.includes(id) : value === id)
  return (
    <fieldset className="wtc-picker">
      <legend className="wtc-picker__title">{title}</legend>
      <div className="wtc-picker__options">
        {choices.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className="wtc-option"
            aria-pressed={isOn(choice.id)}
            onClick={() => onPick(choice.id)}
          >
            <Swatch choice={choice} size={24} />
            {t(choice.label)}
          </button>
        ))}
      </div>
    </fieldset>
  )
}

/** Adds `id` to a list of unique ids, or removes it when it is there. */
export function toggleId<Id extends string>(list: readonly Id[], id: Id): Id[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id]
}
