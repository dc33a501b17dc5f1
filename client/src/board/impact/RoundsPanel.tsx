import { roundsInOrder, type EvaluationRound, type MessageKey } from '@wijktafel/shared'
import { CalendarCheck, ChevronLeft, Footprints, Play } from 'lucide-react'
import { useState } from 'react'
import { useT } from '../../app/useT'
import { formatDate } from '../../shapes/common/PanelFields'
import { useSession } from '../../state/session'
import { RecordDialog } from '../record/RecordDialog'
import { dayOf } from './measurementInput'
import { defaultRoundName } from './roundName'
import { RoundStepper } from './RoundStepper'
import { useImpact, useImpactActions } from './useImpact'
import './rounds.css'

/**
 * Evaluation rounds: the facilitator starts a dated round ("Evaluatie voorjaar 2027"); every
 * round is listed with its date, and the table walks through the actions in one (the stepper:
 * status, a measurement, a short note). Anyone who may edit walks; only the facilitator starts.
 */
export function RoundsPanel({ onClose }: { onClose: () => void }) {
  const t = useT()
  const [walking, setWalking] = useState<string | null>(null)
  const impact = useImpact()
  const round = walking ? impact.rounds[walking] : undefined
  return (
    <RecordDialog
      open
      onClose={onClose}
      id="rounds-panel"
      className="wt-rounds"
      title={round ? round.title : t('round.title')}
    >
      {round ? (
        <>
          <button
            type="button"
            className="wt-button wt-button--quiet wt-rounds__back"
            onClick={() => setWalking(null)}
          >
            <ChevronLeft aria-hidden="true" size={22} className="wt-flip-rtl" />
            {t('round.back')}
          </button>
          <RoundStepper round={round} onDone={() => setWalking(null)} />
        </>
      ) : (
        <RoundList onWalk={setWalking} />
      )}
    </RecordDialog>
  )
}

function RoundList({ onWalk }: { onWalk: (roundId: string) => void }) {
  const t = useT()
  const locale = useSession((s) => s.locale)
  const impact = useImpact()
  const actions = useImpactActions()
  const rounds = roundsInOrder(impact).reverse()
  const discussed = (round: EvaluationRound) =>
    Object.keys(impact.roundStatus).filter((key) => key.startsWith(`${round.id}:`)).length
  return (
    <div className="wt-rounds__list">
      {actions?.role === 'facilitator' ? <NewRound onStarted={onWalk} /> : null}
      {rounds.length === 0 ? (
        <p className="wt-rounds__empty">{t('round.none')}</p>
      ) : (
        <ol data-testid="rounds-list">
          {rounds.map((round) => (
            <li key={round.id} className="wt-rounds__round">
              <CalendarCheck aria-hidden="true" size={26} />
              <span className="wt-rounds__name">
                <strong>{round.title}</strong>
                <span>
                  {formatDate(round.date, locale)} ·{' '}
                  {t('round.statuses').replace('{count}', String(discussed(round)))}
                </span>
              </span>
              <button
                type="button"
                className="wt-button"
                onClick={() => onWalk(round.id)}
                data-testid="round-walk"
              >
                <Footprints aria-hidden="true" size={20} />
                {t('round.walk')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

function NewRound({ onStarted }: { onStarted: (roundId: string) => void }) {
  const t = useT()
  const actions = useImpactActions()
  const [date, setDate] = useState(() => dayOf(Date.now()))
  const [title, setTitle] = useState(() => defaultRoundName(date, t))
  const [touched, setTouched] = useState(false)
  const [problem, setProblem] = useState<MessageKey | null>(null)
  if (actions?.role !== 'facilitator') return null
  return (
    <form
      className="wt-rounds__new"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        const result = actions.startRound({ title, date })
        if (!result.ok) return setProblem(result.problem)
        setProblem(null)
        onStarted(result.id)
      }}
    >
      <h3>{t('round.new')}</h3>
      <label className="wt-measure__field">
        <span>{t('round.name')}</span>
        <input
          value={title}
          maxLength={80}
          onChange={(e) => {
            setTitle(e.target.value)
            setTouched(true)
          }}
          data-testid="round-title"
        />
      </label>
      <label className="wt-measure__field">
        <span>{t('round.date')}</span>
        <input
          type="date"
          value={date}
          onChange={(e) => {
            setDate(e.target.value)
            // The name follows the date until someone types their own.
            if (!touched && e.target.value) setTitle(defaultRoundName(e.target.value, t))
          }}
          data-testid="round-date"
        />
      </label>
      {problem ? (
        <p className="wt-measure__problem" role="alert">
          {t(problem)}
        </p>
      ) : null}
      <button type="submit" className="wt-button wt-button--primary" data-testid="round-start">
        <Play aria-hidden="true" size={20} />
        {t('round.start')}
      </button>
    </form>
  )
}
