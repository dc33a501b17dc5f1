import type { ReactNode } from 'react'

/** A labelled one-line input in the edit panel (dates, numbers, secondary text). */
export function PanelInput({
  label,
  value,
  onChange,
  type = 'text',
  maxLength,
  error,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'date' | 'number'
  maxLength?: number
  /** Why the last value typed was not taken, shown under the input. */
  error?: string
}) {
  return (
    <label className="wtc-panel-field">
      {label}
      <input
        type={type}
        value={value}
        maxLength={maxLength}
        step={type === 'number' ? 'any' : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {error ? (
        <span className="wtc-panel-field__error" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  )
}

/** A number that may be empty: '' in the input is null in the card. */
export function NullableNumberInput({
  label,
  value,
  onChange,
}: {
  label: string
  value: number | null
  onChange: (value: number | null) => void
}) {
  return (
    <PanelInput
      label={label}
      type="number"
      value={value === null ? '' : String(value)}
      onChange={(raw) => {
        if (raw.trim() === '') return onChange(null)
        const n = Number(raw)
        if (Number.isFinite(n)) onChange(n)
      }}
    />
  )
}

/** A short list of numbers as buttons (a horizon in years). */
export function NumberPicker({
  title,
  options,
  value,
  onPick,
  suffix,
}: {
  title: string
  options: readonly number[]
  value: number
  onPick: (n: number) => void
  suffix?: ReactNode
}) {
  const all = options.includes(value) ? options : [...options, value].sort((a, b) => a - b)
  return (
    <fieldset className="wtc-picker">
      <legend className="wtc-picker__title">{title}</legend>
      <div className="wtc-picker__options">
        {all.map((n) => (
          <button
            key={n}
            type="button"
            className="wtc-option"
            style={{ paddingLeft: 12 }}
            aria-pressed={n === value}
            onClick={() => onPick(n)}
          >
            {n}
            {suffix}
          </button>
        ))}
      </div>
    </fieldset>
  )
}

/** A date `YYYY-MM-DD` as people of this locale write it; '' stays ''. */
export function formatDate(date: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
}
