import {
  findChoice,
  MAX_INDICATORS,
  newIndicator,
  PARTICIPANT_KINDS,
  UNIT_KIND_CHOICES,
  type Indicator,
  type IndicatorsField,
  type MessageKey,
} from '@wijktafel/shared'
import { Plus, Ruler, Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useEditor, type TLShape } from 'tldraw'
import { openMeasurementForm, useImpactActions } from '../../board/impact/useImpact'
import { parseNumber, unitProblem } from '../../board/impact/measurementInput'
import { editCardField } from '../common/cardEdits'
import { newIndicatorId } from './indicatorId'
import { ChoicePicker } from '../common/Choices'
import { useCard } from '../common/useCard'
import './action.css'

/** Who measures, as quick picks: residents, municipality and corporation measure most. */
const QUICK_KINDS = ['bewoner', 'gemeente', 'woningcorporatie', 'ondernemer'] as const

/**
 * The indicators of an action in its edit panel: what is counted, its unit (pictograms; a word
 * of its own for "anders"), baseline and target, who measures, and an optional euro value per
 * unit marked as an estimate. Every change goes through the card kit's validator [1].
 */
export function IndicatorEditor({
  shape,
  name,
  field,
}: {
  shape: TLShape
  name: string
  field: IndicatorsField
}) {
  const editor = useEditor()
  const { t } = useCard(shape)
  const list = (shape.props as Record<string, unknown>)[name] as Indicator[]
  const [error, setError] = useState<MessageKey | null>(null)
  const canMeasure = !!useImpactActions()
  const write = (next: Indicator[]) => {
    setError(editCardField(editor, shape, name, field, next))
  }
  const change = (id: string, patch: Partial<Indicator>) =>
    write(list.map((i) => (i.id === id ? { ...i, ...patch } : i)))
  // A random id: a removed indicator's measurements never become the new one's [2].
  const add = () => write([...list, newIndicator(newIndicatorId(list.map((i) => i.id)))])
  return (
    <fieldset className="wtc-picker wtc-indicators" data-testid="indicator-editor">
      <legend className="wtc-picker__title">{t('indicator.title')}</legend>
      {list.map((indicator, index) => (
        <IndicatorRow
          key={indicator.id}
          shapeId={shape.id}
          indicator={indicator}
          index={index}
          canMeasure={canMeasure}
          t={t}
          onChange={(patch) => change(indicator.id, patch)}
          onRemove={() => write(list.filter((i) => i.id !== indicator.id))}
        />
      ))}
      {error ? (
        <span className="wtc-panel-field__error" role="alert">
          {t(error)}
        </span>
      ) : null}
      <button
        type="button"
        className="wtc-option wtc-indicators__add"
        onClick={add}
        disabled={list.length >= MAX_INDICATORS}
        title={list.length >= MAX_INDICATORS ? t('indicator.max') : undefined}
        data-testid="indicator-add"
      >
        <Plus aria-hidden="true" size={22} />
        {t('indicator.add')}
      </button>
    </fieldset>
  )
}

function IndicatorRow({
  shapeId,
  indicator,
  index,
  canMeasure,
  t,
  onChange,
  onRemove,
}: {
  shapeId: string
  indicator: Indicator
  index: number
  canMeasure: boolean
  t: (key: MessageKey) => string
  onChange: (patch: Partial<Indicator>) => void
  onRemove: () => void
}) {
  const kind = findChoice(PARTICIPANT_KINDS, indicator.measuredBy)
  return (
    <div className="wtc-indicator" data-testid="indicator-row">
      <div className="wtc-indicator__head">
        <span className="wtc-indicator__n">{index + 1}</span>
        <DraftText
          label={t('indicator.what')}
          value={indicator.what}
          maxLength={200}
          onCommit={(what) => onChange({ what })}
          testId="indicator-what"
        />
        <button
          type="button"
          className="wtc-option wtc-indicator__remove"
          onClick={onRemove}
          aria-label={t('indicator.remove')}
          title={t('indicator.remove')}
        >
          <Trash2 aria-hidden="true" size={22} />
        </button>
      </div>
      <ChoicePicker
        title={t('indicator.unit')}
        choices={UNIT_KIND_CHOICES}
        value={indicator.unit}
        onPick={(unit) =>
          onChange({ unit, unitLabel: unit === 'anders' ? indicator.unitLabel : '' })
        }
        t={t}
      />
      {indicator.unit === 'anders' ? (
        <DraftText
          label={t('indicator.unitLabel')}
          value={indicator.unitLabel}
          maxLength={40}
          onCommit={(unitLabel) => onChange({ unitLabel })}
          icon={<Ruler aria-hidden="true" size={18} />}
        />
      ) : null}
      <div className="wtc-panel-grid">
        <DraftNumber
          label={t('indicator.baseline')}
          value={indicator.baseline}
          indicator={indicator}
          t={t}
          onCommit={(baseline) => onChange({ baseline })}
          testId="indicator-baseline"
        />
        <DraftNumber
          label={t('indicator.target')}
          value={indicator.target}
          indicator={indicator}
          t={t}
          onCommit={(target) => onChange({ target })}
          testId="indicator-target"
        />
        <DraftNumber
          label={t('indicator.euroPerUnit')}
          value={indicator.euroPerUnit}
          indicator={{ unit: 'euro' }}
          t={t}
          onCommit={(euroPerUnit) => onChange({ euroPerUnit })}
        />
      </div>
      <div className="wtc-indicator__who">
        <span className="wtc-picker__title">{t('indicator.measuredBy')}</span>
        <div className="wtc-picker__options">
          {QUICK_KINDS.map((id) => {
            const choice = findChoice(PARTICIPANT_KINDS, id)!
            return (
              <button
                key={id}
                type="button"
                className="wtc-option wtc-indicator__kind"
                aria-pressed={indicator.measuredBy === id}
                onClick={() => onChange({ measuredBy: id })}
              >
                {t(choice.label)}
              </button>
            )
          })}
        </div>
        <DraftText
          label={t('indicator.measuredBy')}
          hideLabel
          value={kind ? t(kind.label) : indicator.measuredBy}
          maxLength={200}
          onCommit={(words) => {
            const match = PARTICIPANT_KINDS.find((k) => t(k.label) === words)
            onChange({ measuredBy: match ? match.id : words })
          }}
        />
      </div>
      {canMeasure ? (
        <button
          type="button"
          className="wtc-option wtc-indicator__measure"
          onClick={() => openMeasurementForm({ actionId: shapeId, indicatorId: indicator.id })}
          data-testid="indicator-measure"
        >
          <Plus aria-hidden="true" size={22} />
          {t('measure.open')}
        </button>
      ) : null}
    </div>
  )
}

/**
 * A text typed freely and written to the card when the person leaves the input or presses
 * Enter: one undo step per field, not one per letter.
 */
function DraftText({
  label,
  value,
  maxLength,
  onCommit,
  hideLabel = false,
  icon,
  testId,
}: {
  label: string
  value: string
  maxLength: number
  onCommit: (value: string) => void
  hideLabel?: boolean
  icon?: React.ReactNode
  testId?: string
}) {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  const commit = () => {
    if (draft !== value) onCommit(draft)
  }
  return (
    <label className="wtc-panel-field wtc-indicator__text">
      <span className={hideLabel ? 'wtc-visually-hidden' : undefined}>
        {icon}
        {label}
      </span>
      <input
        value={draft}
        maxLength={maxLength}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
        }}
        data-testid={testId}
      />
    </label>
  )
}

/** A number that may be empty, typed with a comma or a point, checked against its unit. */
function DraftNumber({
  label,
  value,
  indicator,
  t,
  onCommit,
  testId,
}: {
  label: string
  value: number | null
  indicator: Pick<Indicator, 'unit'>
  t: (key: MessageKey) => string
  onCommit: (value: number | null) => void
  testId?: string
}) {
  const shown = value === null ? '' : String(value).replace('.', ',')
  const [draft, setDraft] = useState(shown)
  const [problem, setProblem] = useState<MessageKey | null>(null)
  useEffect(() => setDraft(shown), [shown])
  const commit = () => {
    if (draft.trim() === '') {
      setProblem(null)
      if (value !== null) onCommit(null)
      return
    }
    const n = parseNumber(draft)
    const why = n === null ? 'impact.problem.notNumber' : unitProblem(indicator.unit, n)
    setProblem(why)
    if (!why && n !== value) onCommit(n)
  }
  return (
    <label className="wtc-panel-field">
      {label}
      <input
        inputMode="decimal"
        value={draft}
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit()
        }}
        data-testid={testId}
      />
      {problem ? (
        <span className="wtc-panel-field__error" role="alert">
          {t(problem)}
        </span>
      ) : null}
    </label>
  )
}

// [1] editCardField checks the whole list with the card kit's validator (at most 10, ids
//     unique, numbers fitting their unit), the same the server applies to the card.
// [2] client/src/shapes/action/indicatorId.ts: measurements are keyed by indicator id and
//     never deleted, so `i<n>` from the list's length gave a new indicator an old one's history.
