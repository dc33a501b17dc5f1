import {
  findChoice,
  UNIT_KIND_CHOICES,
  type Indicator,
  type MessageKey,
  type WtActionShape,
} from '@wijktafel/shared'
import { Check, Pencil, Save, Undo2 } from 'lucide-react'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useEditor, useValue, type Editor } from 'tldraw'
import { useT } from '../../app/useT'
import { formatDate } from '../../shapes/common/PanelFields'
import { Pictogram } from '../../shapes/common/Pictogram'
import { useSession } from '../../state/session'
import { RecordDialog } from '../record/RecordDialog'
import { dayOf, parseNumber } from './measurementInput'
import { formatValue, historyRows, unitWord, type HistoryRow } from './measurementFormat'
import type { MeasurementTarget } from './impactStore'
import { useImpact, useImpactActions } from './useImpact'
import './measurement.css'

/** The action cards of the board, every page, in the order they were made. */
export function useActionCards(editor: Editor): WtActionShape[] {
  const query = useMemo(
    () => editor.store.query.records('shape', () => ({ type: { eq: 'wt-action' as const } })),
    [editor],
  )
  return useValue('wt action cards', () => query.get() as unknown as WtActionShape[], [query])
}

/**
 * A measurement in a few taps, made for a phone: the action and what is measured (chosen
 * already when opened from a card), a big number with its unit, the day (today), who (this
 * person), a short note, Save. Below it the indicator's history, never edited in place:
 * "Verbeteren" adds a correction that replaces the old value in every sum [1].
 */
export function MeasurementForm({
  target,
  onClose,
}: {
  target: MeasurementTarget
  onClose: () => void
}) {
  const t = useT()
  return (
    <RecordDialog
      open
      onClose={onClose}
      id="measurement-form"
      className="wt-measure-form"
      title={target.corrects ? t('measure.correctTitle') : t('measure.title')}
    >
      <MeasurementFields target={target} />
    </RecordDialog>
  )
}

function MeasurementFields({ target }: { target: MeasurementTarget }) {
  const t = useT()
  const editor = useEditor()
  const locale = useSession((s) => s.locale)
  const userName = useSession((s) => s.user.name)
  const actions = useImpactActions()
  const impact = useImpact()
  const cards = useActionCards(editor)
  const [actionId, setActionId] = useState(target.actionId)
  const card = cards.find((c) => c.id === actionId)
  const indicators: Indicator[] = card?.props.indicators ?? []
  const [indicatorId, setIndicatorId] = useState(target.indicatorId ?? '')
  const indicator = indicators.find((i) => i.id === indicatorId) ?? indicators[0]
  const [value, setValue] = useState('')
  // A correction stands at the date of what it corrects [3].
  const [date, setDate] = useState(
    () => (target.corrects && impact.measurements[target.corrects]?.date) || dayOf(Date.now()),
  )
  const [by, setBy] = useState(userName)
  const [note, setNote] = useState('')
  const [correcting, setCorrecting] = useState<string | null>(target.corrects ?? null)
  const [problem, setProblem] = useState<MessageKey | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const valueInput = useRef<HTMLInputElement>(null)
  const ids = useId()

  useEffect(() => {
    // After the dialog's showModal, which focuses its first button [2].
    const frame = requestAnimationFrame(() => valueInput.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [actionId, indicator?.id, correcting])

  if (!actions) return null
  const history = indicator ? historyRows(impact.measurements, actionId, indicator.id) : []
  const correctingRow = correcting
    ? history.find((row) => row.chain.some((c) => c.id === correcting))
    : undefined
  const corrected = correctingRow?.chain.find((c) => c.id === correcting)?.m

  const save = (e: React.FormEvent) => {
    e.preventDefault()
    setSaved(null)
    if (!indicator) return setProblem('impact.problem.noIndicator')
    const input = {
      actionId,
      indicatorId: indicator.id,
      value,
      date,
      by,
      note,
      roundId: target.roundId ?? null,
    }
    const result = correcting
      ? actions.correctMeasurement(correcting, input)
      : actions.addMeasurement(input)
    if (!result.ok) {
      setProblem(result.problem)
      valueInput.current?.focus()
      return
    }
    setProblem(null)
    const written = parseNumber(value) ?? 0
    setSaved(t('measure.saved').replace('{value}', formatValue(written, indicator, locale, t)))
    setValue('')
    setNote('')
    setCorrecting(null)
  }

  if (cards.length === 0) return <p className="wt-measure-empty">{t('measure.noActions')}</p>
  const unit = indicator && findChoice(UNIT_KIND_CHOICES, indicator.unit)

  return (
    <form className="wt-measure" onSubmit={save} noValidate data-testid="measurement-fields">
      <label className="wt-measure__field">
        <span>{t('measure.action')}</span>
        <select
          value={actionId}
          onChange={(e) => {
            setActionId(e.target.value)
            setIndicatorId('')
            setCorrecting(null)
            setProblem(null)
          }}
          data-testid="measurement-action"
        >
          {cards.map((c) => (
            <option key={c.id} value={c.id}>
              {c.props.what.trim() || '…'}
            </option>
          ))}
        </select>
      </label>
      {indicators.length === 0 ? (
        <p className="wt-measure-empty" role="status">
          {t('measure.noIndicators')}
        </p>
      ) : (
        <>
          {indicators.length > 1 ? (
            <fieldset className="wt-measure__field wt-measure__indicators">
              <legend>{t('measure.indicator')}</legend>
              {indicators.map((i) => (
                <button
                  key={i.id}
                  type="button"
                  className="wt-option wt-measure__indicator"
                  aria-pressed={i.id === indicator?.id}
                  onClick={() => {
                    setIndicatorId(i.id)
                    setCorrecting(null)
                    setProblem(null)
                  }}
                >
                  {i.what || '…'}
                </button>
              ))}
            </fieldset>
          ) : (
            <p className="wt-measure__what">
              <Pictogram name="target" size={24} />
              {indicator?.what || '…'}
            </p>
          )}
          {corrected && indicator ? (
            <p className="wt-measure__correcting" role="status">
              <Pencil aria-hidden="true" size={20} />
              {t('measure.correcting')
                .replace('{value}', formatValue(corrected.value, indicator, locale, t))
                .replace('{date}', formatDate(corrected.date, locale))}
              <button
                type="button"
                className="wt-button wt-button--quiet"
                onClick={() => setCorrecting(null)}
                aria-label={t('measure.close')}
              >
                <Undo2 aria-hidden="true" size={20} />
              </button>
            </p>
          ) : null}
          <label className="wt-measure__field wt-measure__value">
            <span>{t('measure.value')}</span>
            <span className="wt-measure__number">
              <input
                ref={valueInput}
                inputMode="decimal"
                autoComplete="off"
                value={value}
                onChange={(e) => {
                  setValue(e.target.value)
                  setSaved(null)
                }}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${ids}-problem` : undefined}
                data-testid="measurement-value"
              />
              {indicator ? (
                <span className="wt-measure__unit" title={unit ? t(unit.label) : undefined}>
                  {unit ? <Pictogram name={unit.icon} size={26} /> : null}
                  {unitWord(indicator, t) || (unit ? t(unit.label) : '')}
                </span>
              ) : null}
            </span>
          </label>
          {problem ? (
            <p
              id={`${ids}-problem`}
              className="wt-measure__problem"
              role="alert"
              data-testid="measurement-problem"
            >
              {t(problem)}
            </p>
          ) : null}
          <div className="wt-measure__row">
            <label className="wt-measure__field">
              <span>{t('measure.date')}</span>
              <input
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
                data-testid="measurement-date"
              />
            </label>
            <label className="wt-measure__field">
              <span>{t('measure.by')}</span>
              <input
                value={by}
                maxLength={80}
                onChange={(e) => setBy(e.target.value)}
                data-testid="measurement-by"
              />
            </label>
          </div>
          <label className="wt-measure__field">
            <span>{t('measure.note')}</span>
            <input
              value={note}
              maxLength={200}
              onChange={(e) => setNote(e.target.value)}
              data-testid="measurement-note"
            />
          </label>
          <button
            type="submit"
            className="wt-button wt-button--primary wt-measure__save"
            data-testid="measurement-save"
          >
            <Save aria-hidden="true" size={24} />
            {t('measure.save')}
          </button>
          {saved ? (
            <p className="wt-measure__saved" role="status" data-testid="measurement-saved">
              <Check aria-hidden="true" size={22} />
              {saved}
            </p>
          ) : null}
          {indicator ? (
            <History
              rows={history}
              indicator={indicator}
              onCorrect={(id) => {
                setCorrecting(id)
                setDate(impact.measurements[id]?.date ?? dayOf(Date.now()))
                setProblem(null)
                setSaved(null)
              }}
            />
          ) : null}
        </>
      )}
    </form>
  )
}

function History({
  rows,
  indicator,
  onCorrect,
}: {
  rows: HistoryRow[]
  indicator: Indicator
  onCorrect: (id: string) => void
}) {
  const t = useT()
  const locale = useSession((s) => s.locale)
  const show = (v: number) => formatValue(v, indicator, locale, t)
  return (
    <section className="wt-measure__history" aria-label={t('measure.history')}>
      <h3>{t('measure.history')}</h3>
      {rows.length === 0 ? (
        <p className="wt-measure-empty">
          {indicator.undatedLatest !== null
            ? `${show(indicator.undatedLatest)} · ${t('measure.undated')}`
            : t('measure.historyEmpty')}
        </p>
      ) : (
        <ol data-testid="measurement-history">
          {rows.map((row) => {
            const first = row.chain[0]!
            const last = row.chain[row.chain.length - 1]!
            return (
              <li key={first.id} className="wt-measure__entry">
                {/* The row stands where it was first measured, as in every sum [3]. */}
                <span className="wt-measure__date">{formatDate(first.m.date, locale)}</span>
                <span className="wt-measure__values">
                  {row.chain.slice(0, -1).map((c) => (
                    <s key={c.id} className="wt-measure__old" title={t('measure.correctedBy')}>
                      {show(c.m.value)}
                    </s>
                  ))}
                  <strong>{show(last.m.value)}</strong>
                </span>
                <span className="wt-measure__by">
                  {last.m.by}
                  {last.m.note ? ` · ${last.m.note}` : ''}
                </span>
                <button
                  type="button"
                  className="wt-button wt-measure__fix"
                  onClick={() => onCorrect(last.id)}
                  data-testid="measurement-correct"
                >
                  <Pencil aria-hidden="true" size={18} />
                  {t('measure.correct')}
                </button>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

// [1] Measurements are one key each in the board's `impact` map and never change
//     (shared/src/impact/impact.ts): two phones measuring at once never overwrite each other,
//     and what was measured stays visible after it is corrected.
// [2] React runs this child's effect before RecordDialog's, which opens the dialog; a
//     focus given then would be taken by showModal. One frame later the number has it, so
//     a phone shows its number keyboard at once.
// [3] `measurementsOf` (shared/src/impact/compute.ts) counts a correction at the date of the
//     measurement it corrects, whatever date it carries; the form pre-fills that date so what
//     is stored says the same, and the history shows the row at its first date.
