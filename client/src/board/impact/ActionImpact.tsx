import {
  ACTION_STATUSES,
  getChoice,
  PARTICIPANT_KINDS,
  VALUE_KINDS,
  type Locale,
  type MessageKey,
} from '@wijktafel/shared'
import { ArrowRight, Plus } from 'lucide-react'
import { Pictogram } from '../../shapes/common/Pictogram'
import { fill, formatEuro, formatPercent, formatValue } from './format'
import { StepChart } from './StepChart'
import type { ActionSummary, IndicatorSummary } from './summary'

type T = (key: MessageKey) => string

/**
 * One action in the impact overview: its status, what, owner and the values it creates as
 * pictograms, then per indicator start → now → goal with the number large, a progress bar,
 * the measurements as a small chart and a money estimate marked "schatting". `onMeasure` is
 * the measurement form (absent for a viewer).
 */
export function ActionImpact(props: {
  action: ActionSummary
  t: T
  locale: Locale
  namesHidden: boolean
  onMeasure?: (actionId: string, indicatorId: string) => void
}) {
  const { action, t, locale } = props
  const status = getChoice(ACTION_STATUSES, action.status)
  const ownerKind = action.owner
    ? PARTICIPANT_KINDS.find((k) => k.id === action.owner!.kind)
    : undefined
  const ownerName =
    action.owner && props.namesHidden && action.owner.kind === 'bewoner' && ownerKind
      ? t(ownerKind.label)
      : action.owner?.name
  return (
    <article className="wt-impact-action" data-testid="impact-action" data-action-id={action.id}>
      <header className="wt-impact-action__head">
        <span
          className="wt-impact-status"
          style={{ background: status.color, color: status.ink }}
          data-testid="impact-status"
        >
          <Pictogram name={status.icon} size={22} />
          {t(status.label)}
        </span>
        <span className="wt-impact-values" aria-label={t('impact.values')}>
          {action.values.map((kind) => {
            const choice = getChoice(VALUE_KINDS, kind)
            return (
              <span
                key={kind}
                className="wt-impact-value"
                style={{ background: choice.color, color: choice.ink }}
                title={t(choice.label)}
                role="img"
                aria-label={t(choice.label)}
              >
                <Pictogram name={choice.icon} size={20} />
              </span>
            )
          })}
        </span>
      </header>
      <h2 className="wt-impact-action__what">{action.what}</h2>
      {ownerName && (
        <p className="wt-impact-owner">
          {ownerKind && (
            <span
              className="wt-impact-owner__icon"
              style={{ background: ownerKind.color, color: ownerKind.ink }}
            >
              <Pictogram name={ownerKind.icon} size={18} />
            </span>
          )}
          <span className="wt-visually-hidden">{t('field.owner')}: </span>
          {ownerName}
        </p>
      )}
      {action.indicators.length === 0 ? (
        <p className="wt-impact-muted">{t('impact.noIndicator')}</p>
      ) : (
        action.indicators.map((indicator) => (
          <IndicatorImpact
            key={indicator.id}
            indicator={indicator}
            t={t}
            locale={locale}
            onMeasure={props.onMeasure && (() => props.onMeasure!(action.id, indicator.id))}
          />
        ))
      )}
    </article>
  )
}

function IndicatorImpact(props: {
  indicator: IndicatorSummary
  t: T
  locale: Locale
  onMeasure?: (() => void) | undefined
}) {
  const { indicator: i, t, locale } = props
  const value = (n: number | null) =>
    n === null ? '–' : formatValue(locale, n, i.unit, i.unitLabel)
  const progress = i.progress
  const bar = progress === null ? 0 : Math.max(0, Math.min(1, progress))
  return (
    <section className="wt-impact-indicator" data-testid="impact-indicator">
      <h3 className="wt-impact-indicator__what">{i.what}</h3>
      <div className="wt-impact-numbers">
        <span className="wt-impact-number" data-testid="impact-baseline">
          <span className="wt-impact-number__label">{t('impact.baseline')}</span>
          <span className="wt-impact-number__value">{value(i.baseline)}</span>
        </span>
        <ArrowRight aria-hidden="true" className="wt-impact-arrow" size={28} />
        <span className="wt-impact-number wt-impact-number--latest" data-testid="impact-latest">
          <span className="wt-impact-number__label">
            {t('impact.latest')}
            {i.latest !== null && i.latestDate === null ? ` (${t('impact.undated')})` : ''}
          </span>
          {i.latest === null ? (
            <span className="wt-impact-number__none">{t('impact.notMeasured')}</span>
          ) : (
            <span className="wt-impact-number__value">{value(i.latest)}</span>
          )}
        </span>
        <ArrowRight aria-hidden="true" className="wt-impact-arrow" size={28} />
        <span className="wt-impact-number" data-testid="impact-target">
          <span className="wt-impact-number__label">{t('impact.target')}</span>
          <span className="wt-impact-number__value">{value(i.target)}</span>
        </span>
      </div>
      {progress !== null && (
        <div className="wt-impact-progress">
          <div
            className="wt-impact-progress__track"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
            aria-label={fill(t('impact.progress'), { percent: formatPercent(progress) })}
          >
            <div className="wt-impact-progress__bar" style={{ inlineSize: `${bar * 100}%` }} />
          </div>
          <span className="wt-impact-progress__percent" data-testid="impact-percent">
            {formatPercent(progress)}
          </span>
        </div>
      )}
      {i.points.length > 0 && <StepChart indicator={i} locale={locale} label={t('impact.chart')} />}
      <div className="wt-impact-indicator__foot">
        {i.money !== null && (
          <span className="wt-impact-money" data-testid="impact-money">
            ≈ {formatEuro(locale, i.money)}
            <span className="wt-impact-estimate">{t('impact.estimate')}</span>
          </span>
        )}
        {props.onMeasure && (
          <button
            type="button"
            className="wt-button wt-impact-measure"
            onClick={props.onMeasure}
            data-testid="impact-measure"
          >
            <Plus aria-hidden="true" size={22} />
            {t('impact.measure')}
          </button>
        )}
      </div>
    </section>
  )
}
