import {
  ACTION_STATUSES,
  getChoice,
  type ActionStatus,
  type ImpactState,
  type Locale,
  type MessageKey,
} from '@wijktafel/shared'
import { ArrowDown, ArrowRight, ArrowUp, Construction, Equal, Lightbulb } from 'lucide-react'
import { useState } from 'react'
import { Pictogram } from '../../shapes/common/Pictogram'
import { formatDay, formatValue } from './format'
import { compareRounds, type ImpactSummary, type RoundRow } from './summary'

type T = (key: MessageKey) => string

/** The lessons and bottlenecks of the latest evaluation round. */
export function LatestRound(props: { summary: ImpactSummary; t: T; locale: Locale }) {
  const { summary, t, locale } = props
  const round = summary.latestRound
  return (
    <section
      className="wt-impact-section"
      aria-labelledby="impact-round"
      data-testid="impact-latest-round"
    >
      <h2 id="impact-round" className="wt-impact-section__title">
        {t('impact.round.latest')}
        {round && (
          <span className="wt-impact-section__sub">
            {round.title} · {formatDay(locale, round.date)}
          </span>
        )}
      </h2>
      {!round && <p className="wt-impact-muted">{t('impact.round.none')}</p>}
      {round && (
        <div className="wt-impact-notes">
          <NoteList
            icon={<Lightbulb aria-hidden="true" size={28} />}
            title={t('sectionKind.lessons')}
            items={summary.lessons.map((l) => l.text)}
            kind="lesson"
          />
          <NoteList
            icon={<Construction aria-hidden="true" size={28} />}
            title={t('sectionKind.bottlenecks')}
            items={summary.bottlenecks.map((b) =>
              b.whoCanRemove ? `${b.text} — ${b.whoCanRemove}` : b.text,
            )}
            kind="bottleneck"
          />
        </div>
      )}
    </section>
  )
}

function NoteList(props: { icon: React.ReactNode; title: string; items: string[]; kind: string }) {
  if (props.items.length === 0) return null
  return (
    <div className={`wt-impact-notelist wt-impact-notelist--${props.kind}`}>
      <h3>
        <span className="wt-impact-notelist__icon">{props.icon}</span>
        {props.title}
      </h3>
      <ul>
        {props.items.map((item, i) => (
          <li key={i} data-testid={`impact-${props.kind}`}>
            {item}
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Two evaluation rounds side by side: per action its status and latest value in each, and
 * what moved (a status that changed, a number that went up or down). The latest round and
 * the one before it are chosen at first; either can be changed.
 */
export function RoundsCompare(props: {
  summary: ImpactSummary
  impact: ImpactState
  t: T
  locale: Locale
}) {
  const { summary, impact, t, locale } = props
  const rounds = summary.rounds
  const [picked, setPicked] = useState<{ a: string; b: string } | null>(null)
  if (rounds.length < 2) {
    return (
      <section className="wt-impact-section" aria-labelledby="impact-compare">
        <h2 id="impact-compare" className="wt-impact-section__title">
          {t('impact.compare.title')}
        </h2>
        <p className="wt-impact-muted">{t('impact.compare.onlyOne')}</p>
      </section>
    )
  }
  const byId = (id: string | undefined) => rounds.find((r) => r.id === id)
  const a = byId(picked?.a) ?? rounds.at(-2)!
  const b = byId(picked?.b) ?? rounds.at(-1)!
  const rows = compareRounds(summary, impact, a, b)
  const select = (which: 'a' | 'b', label: string, value: string) => (
    <label className="wt-impact-compare__pick">
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => setPicked({ a: a.id, b: b.id, [which]: e.target.value })}
        data-testid={`impact-compare-${which}`}
      >
        {rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title} · {formatDay(locale, r.date)}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <section
      className="wt-impact-section"
      aria-labelledby="impact-compare"
      data-testid="impact-compare"
    >
      <h2 id="impact-compare" className="wt-impact-section__title">
        {t('impact.compare.title')}
      </h2>
      <div className="wt-impact-compare__picks">
        {select('a', t('impact.compare.first'), a.id)}
        <ArrowRight aria-hidden="true" size={28} className="wt-impact-arrow" />
        {select('b', t('impact.compare.second'), b.id)}
      </div>
      <ul className="wt-impact-compare">
        {rows.map((row) => (
          <CompareRow key={row.actionId} row={row} t={t} locale={locale} />
        ))}
      </ul>
    </section>
  )
}

function CompareRow(props: { row: RoundRow; t: T; locale: Locale }) {
  const { row, t, locale } = props
  const moved = row.moved
  const value = (n: number | null) =>
    n === null || !row.indicator
      ? '–'
      : formatValue(locale, n, row.indicator.unit, row.indicator.unitLabel)
  const change = row.change ?? 0
  return (
    <li
      className={`wt-impact-compare__row${moved ? ' wt-impact-compare__row--moved' : ''}`}
      data-testid="impact-compare-row"
      data-moved={moved}
      data-action-id={row.actionId}
    >
      <span className="wt-impact-compare__what">{row.what}</span>
      <span className="wt-impact-compare__cell" data-testid="impact-compare-left">
        <StatusDot status={row.a.status} t={t} />
        <b>{value(row.a.value)}</b>
      </span>
      <ArrowRight aria-hidden="true" size={24} className="wt-impact-arrow" />
      <span className="wt-impact-compare__cell" data-testid="impact-compare-right">
        <StatusDot status={row.b.status} t={t} />
        <b>{value(row.b.value)}</b>
      </span>
      <span className="wt-impact-compare__moved" data-testid="impact-compare-moved">
        {moved ? (
          <>
            {change > 0 ? (
              <ArrowUp aria-hidden="true" size={24} />
            ) : change < 0 ? (
              <ArrowDown aria-hidden="true" size={24} />
            ) : null}
            {change !== 0 && row.indicator
              ? `${change > 0 ? '+' : '−'}${value(Math.abs(change))}`
              : t('impact.compare.moved')}
          </>
        ) : (
          <>
            <Equal aria-hidden="true" size={24} />
            {t('impact.compare.same')}
          </>
        )}
      </span>
    </li>
  )
}

function StatusDot(props: { status: ActionStatus | null; t: T }) {
  if (!props.status) return <span className="wt-impact-status wt-impact-status--none">–</span>
  const s = getChoice(ACTION_STATUSES, props.status)
  return (
    <span className="wt-impact-status" style={{ background: s.color, color: s.ink }}>
      <Pictogram name={s.icon} size={20} />
      {props.t(s.label)}
    </span>
  )
}
