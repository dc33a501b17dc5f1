import { latestValue, progress, type WtActionShape } from '@wijktafel/shared'
import { Plus } from 'lucide-react'
import { useImpactStore, openMeasurementForm } from '../../board/impact/impactStore'
import { formatValue } from '../../board/impact/measurementFormat'
import type { CardPartProps } from '../common/CardView'
import { Pictogram } from '../common/Pictogram'
import { stopEvent } from '../common/useCard'
import './action.css'

/**
 * The measurable goal of an action (Dazo step 8), below its fields: the first indicator's
 * what, its latest measurement (from the board's impact map) and target with a progress bar,
 * readable at 24 px on a projector; and, for whoever may edit, "Meting toevoegen" [1].
 * Indicators are edited in the card's panel (IndicatorEditor).
 */
export function ActionGoal({ shape, card: { exporting, locale, t } }: CardPartProps) {
  const { id, props } = shape as WtActionShape
  const first = props.indicators[0]
  // A number, so the card re-renders only when its own latest value changes [2].
  const latest = useImpactStore((s) =>
    first ? (latestValue(s.impact, id, first)?.value ?? null) : null,
  )
  const canMeasure = useImpactStore((s) => !!s.actions)
  if (!first) return null
  const share = progress(first, latest)
  const show = (v: number) => formatValue(v, first, locale, t)
  return (
    <div className="wtc-goal" data-testid="action-goal">
      <div className="wtc-goal__what">
        <Pictogram name="target" size={28} />
        <span>{first.what || t('field.indicator')}</span>
        {props.indicators.length > 1 ? (
          <span className="wtc-goal__more">+{props.indicators.length - 1}</span>
        ) : null}
      </div>
      <div className="wtc-goal__numbers">
        {latest !== null ? (
          <span className="wtc-goal__latest" title={t('field.latest')} data-testid="goal-latest">
            {show(latest)}
          </span>
        ) : (
          <span className="wtc-goal__none" data-testid="goal-latest">
            {t('measure.none')}
          </span>
        )}
        {first.target !== null ? (
          <span className="wtc-goal__target" title={t('field.target')}>
            <span aria-hidden="true">→</span>
            <Pictogram name="flag" size={24} />
            {show(first.target)}
          </span>
        ) : null}
        {canMeasure && !exporting ? (
          <button
            type="button"
            className="wtc-goal__measure"
            onPointerDown={stopEvent}
            onPointerUp={stopEvent}
            onDoubleClick={stopEvent}
            onClick={() => openMeasurementForm({ actionId: id, indicatorId: first.id })}
            aria-label={t('measure.open')}
            title={t('measure.open')}
            data-testid="goal-measure"
          >
            <Plus aria-hidden="true" size={22} />
            {t('measure.short')}
          </button>
        ) : null}
      </div>
      {share !== null ? (
        <div
          className="wtc-goal__bar"
          role="img"
          aria-label={`${Math.round(share * 100)}%`}
          title={`${first.baseline ?? '–'} → ${latest ?? '–'} / ${first.target}`}
        >
          <div
            className="wtc-goal__fill"
            style={{ width: `${Math.min(1, Math.max(0, share)) * 100}%` }}
          />
        </div>
      ) : null}
    </div>
  )
}

// [1] The store is read outside React's board context (client/src/board/impact/impactStore.ts):
//     an image export renders this card in a React root of its own. No button in an export.
// [2] ENGINEERING.md: heavy per-card hooks make large boards lag. One selector per card, which
//     returns a number, keeps a new measurement from re-rendering every other card.
