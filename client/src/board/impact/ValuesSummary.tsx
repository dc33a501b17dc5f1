import { VALUE_KINDS, type Locale, type MessageKey } from '@wijktafel/shared'
import { Coins } from 'lucide-react'
import { Pictogram } from '../../shapes/common/Pictogram'
import { formatEuro } from './format'
import { totalMoney } from './infographic/layout'
import type { ImpactSummary } from './summary'

/**
 * The values the actions create, grouped by kind: a pictogram, how many actions make it, and
 * their names; then the money estimate of every indicator the table gave a value per unit,
 * marked "schatting".
 */
export function ValuesSummary(props: {
  summary: ImpactSummary
  t: (key: MessageKey) => string
  locale: Locale
}) {
  const { summary, t, locale } = props
  const groups = VALUE_KINDS.map((kind) => ({
    kind,
    actions: summary.actions.filter((a) => a.values.includes(kind.id)),
  })).filter((g) => g.actions.length > 0)
  const money = totalMoney(summary.actions)
  if (groups.length === 0 && money === null) return null
  return (
    <section className="wt-impact-section" aria-labelledby="impact-values">
      <h2 id="impact-values" className="wt-impact-section__title">
        {t('impact.values')}
      </h2>
      <ul className="wt-impact-kinds">
        {groups.map(({ kind, actions }) => (
          <li
            key={kind.id}
            className="wt-impact-kind"
            data-testid="impact-value-kind"
            data-kind={kind.id}
          >
            <span
              className="wt-impact-kind__icon"
              style={{ background: kind.color, color: kind.ink }}
            >
              <Pictogram name={kind.icon} size={32} />
            </span>
            <span className="wt-impact-kind__count">{actions.length}</span>
            <span className="wt-impact-kind__label">{t(kind.label)}</span>
            <ul className="wt-impact-kind__actions">
              {actions.map((a) => (
                <li key={a.id}>{a.what}</li>
              ))}
            </ul>
          </li>
        ))}
        {money !== null && (
          <li className="wt-impact-kind" data-testid="impact-money-total">
            <span
              className="wt-impact-kind__icon"
              style={{ background: '#42A5F5', color: '#1A1A1A' }}
            >
              <Coins aria-hidden="true" size={32} />
            </span>
            <span className="wt-impact-kind__count">≈ {formatEuro(locale, money)}</span>
            <span className="wt-impact-estimate">{t('impact.estimate')}</span>
          </li>
        )}
      </ul>
    </section>
  )
}
