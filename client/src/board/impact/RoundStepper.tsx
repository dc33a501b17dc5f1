import {
  ACTION_STATUSES,
  findChoice,
  latestValue,
  type EvaluationRound,
  type MessageKey,
  type WtActionShape,
} from '@wijktafel/shared'
import { Check, ChevronLeft, ChevronRight, Plus, Save } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { ChoiceChip, Swatch } from '../../shapes/common/Choices'
import { useSession } from '../../state/session'
import { formatValue } from './measurementFormat'
import { useActionCards } from './MeasurementForm'
import { RoundCards } from './RoundCards'
import { openMeasurementForm, useImpact, useImpactActions } from './useImpact'

/**
 * One round, action by action: where it stands (the status the table picks is the round's and
 * the card's at once), a measurement, and a short note [1].
 */
export function RoundStepper({ round, onDone }: { round: EvaluationRound; onDone: () => void }) {
  const t = useT()
  const editor = useEditor()
  const cards = useActionCards(editor)
  const ordered = useMemo(() => inReadingOrder(editor, cards), [editor, cards])
  const [at, setAt] = useState(0)
  const index = Math.min(at, Math.max(0, ordered.length - 1))
  const card = ordered[index]
  if (!card) return <p className="wt-rounds__empty">{t('measure.noActions')}</p>
  return (
    <div className="wt-stepper" data-testid="round-stepper">
      <div className="wt-stepper__nav">
        <button
          type="button"
          className="wt-button"
          disabled={index === 0}
          onClick={() => setAt(index - 1)}
          aria-label={t('round.previous')}
        >
          <ChevronLeft aria-hidden="true" size={24} className="wt-flip-rtl" />
        </button>
        <span className="wt-stepper__pos" data-testid="round-position">
          {t('round.step')
            .replace('{n}', String(index + 1))
            .replace('{count}', String(ordered.length))}
        </span>
        <button
          type="button"
          className="wt-button"
          disabled={index >= ordered.length - 1}
          onClick={() => setAt(index + 1)}
          aria-label={t('round.next')}
          data-testid="round-next"
        >
          <ChevronRight aria-hidden="true" size={24} className="wt-flip-rtl" />
        </button>
      </div>
      <RoundAction key={card.id} round={round} card={card} />
      <button
        type="button"
        className="wt-button wt-button--primary wt-stepper__done"
        onClick={index < ordered.length - 1 ? () => setAt(index + 1) : onDone}
      >
        {index < ordered.length - 1 ? (
          <>
            {t('round.next')}
            <ChevronRight aria-hidden="true" size={22} className="wt-flip-rtl" />
          </>
        ) : (
          <>
            <Check aria-hidden="true" size={22} />
            {t('round.done')}
          </>
        )}
      </button>
    </div>
  )
}

function RoundAction({ round, card }: { round: EvaluationRound; card: WtActionShape }) {
  const t = useT()
  const locale = useSession((s) => s.locale)
  const impact = useImpact()
  const actions = useImpactActions()
  const current = impact.roundStatus[`${round.id}:${card.id}`]
  const [note, setNote] = useState(current?.note ?? '')
  const [problem, setProblem] = useState<MessageKey | null>(null)
  const [saved, setSaved] = useState(false)
  useEffect(() => setSaved(false), [note])
  const indicator = card.props.indicators[0]
  const latest = indicator ? latestValue(impact, card.id, indicator) : null
  const cardStatus = findChoice(ACTION_STATUSES, card.props.status)

  const write = (status: (typeof ACTION_STATUSES)[number]['id']) => {
    if (!actions) return
    const result = actions.setRoundStatus(round.id, card.id, status, note)
    setProblem(result.ok ? null : result.problem)
    setSaved(result.ok)
  }

  return (
    <div className="wt-stepper__action" data-testid="round-action" data-action-id={card.id}>
      <h3 className="wt-stepper__what">
        {card.props.what.trim() || '…'}
        {cardStatus ? <ChoiceChip choice={cardStatus} t={t} /> : null}
      </h3>
      <fieldset className="wt-stepper__statuses">
        <legend>{t('round.status')}</legend>
        {ACTION_STATUSES.map((status) => (
          <button
            key={status.id}
            type="button"
            className="wtc-option"
            aria-pressed={current?.status === status.id}
            onClick={() => write(status.id)}
            data-testid={`round-status-${status.id}`}
          >
            <Swatch choice={status} size={26} />
            {t(status.label)}
          </button>
        ))}
      </fieldset>
      <div className="wt-stepper__measure">
        {indicator ? (
          <span>
            {indicator.what || '…'}:{' '}
            <strong>
              {latest ? formatValue(latest.value, indicator, locale, t) : t('measure.none')}
            </strong>
          </span>
        ) : null}
        <button
          type="button"
          className="wt-button"
          onClick={() => openMeasurementForm({ actionId: card.id, roundId: round.id })}
          data-testid="round-measure"
        >
          <Plus aria-hidden="true" size={20} />
          {t('measure.open')}
        </button>
      </div>
      <label className="wt-measure__field">
        <span>{t('round.note')}</span>
        <input
          value={note}
          maxLength={200}
          onChange={(e) => setNote(e.target.value)}
          data-testid="round-note"
        />
      </label>
      <div className="wt-stepper__row">
        <button
          type="button"
          className="wt-button"
          disabled={note.trim() === (current?.note ?? '')}
          onClick={() => write(current?.status ?? card.props.status)}
          data-testid="round-note-save"
        >
          <Save aria-hidden="true" size={20} />
          {t('round.noteSave')}
        </button>
        {saved ? (
          <span className="wt-measure__saved" role="status">
            <Check aria-hidden="true" size={20} />
            {t('round.saved')}
          </span>
        ) : null}
      </div>
      {problem ? (
        <p className="wt-measure__problem" role="alert">
          {t(problem)}
        </p>
      ) : null}
      <RoundCards round={round} />
    </div>
  )
}

/** The actions map by map (page order), each top to bottom, left to right. */
function inReadingOrder(editor: ReturnType<typeof useEditor>, cards: WtActionShape[]) {
  const pages = editor.getPages().map((p) => p.id)
  const place = (card: WtActionShape) => {
    const page = editor.getAncestorPageId(card)
    const bounds = editor.getShapePageBounds(card)
    return { page: page ? pages.indexOf(page) : pages.length, y: bounds?.y ?? 0, x: bounds?.x ?? 0 }
  }
  return [...cards]
    .map((card) => ({ card, at: place(card) }))
    .sort((a, b) => a.at.page - b.at.page || a.at.y - b.at.y || a.at.x - b.at.x)
    .map(({ card }) => card)
}

// [1] setRoundStatus writes the round's status and the card's in one transaction, so the
//     board shows where things stand now and the round keeps what the table said then.
