import type { Locale } from '@wijktafel/shared'
import { chartLayout } from './chart'
import { fill, formatDay, formatValue } from './format'
import type { IndicatorSummary } from './summary'

const W = 320
const H = 96

/**
 * An indicator's measurements as a small step chart: each dated measurement a dot (its day
 * and value in its tooltip and for screen readers), the dashed line the target, the thin
 * line the baseline, and the first and last day under it.
 */
export function StepChart(props: { indicator: IndicatorSummary; locale: Locale; label: string }) {
  const { indicator, locale } = props
  const chart = chartLayout(indicator, { width: W, height: H, pad: 8 })
  const value = (n: number) => formatValue(locale, n, indicator.unit, indicator.unitLabel)
  const first = chart.points[0]
  const last = chart.points.at(-1)
  return (
    <figure
      className="wt-impact-chart"
      data-testid="impact-chart"
      data-points={chart.points.length}
    >
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={fill(props.label, { what: indicator.what })}
      >
        {chart.baselineY !== null && (
          <line
            x1={0}
            x2={W}
            y1={chart.baselineY}
            y2={chart.baselineY}
            className="wt-impact-chart__baseline"
          />
        )}
        {chart.targetY !== null && (
          <line
            x1={0}
            x2={W}
            y1={chart.targetY}
            y2={chart.targetY}
            className="wt-impact-chart__target"
          />
        )}
        {chart.path && <path d={chart.path} className="wt-impact-chart__line" />}
        {chart.points.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={5} className="wt-impact-chart__dot">
            <title>{`${formatDay(locale, p.date)}: ${value(p.value)}`}</title>
          </circle>
        ))}
      </svg>
      {first && last && (
        <figcaption className="wt-impact-chart__days">
          <span>{formatDay(locale, first.date)}</span>
          {last !== first && <span>{formatDay(locale, last.date)}</span>}
        </figcaption>
      )}
    </figure>
  )
}
