import {
  ACTION_STATUSES,
  getChoice,
  translate,
  VALUE_KINDS,
  type IconName,
  type MessageKey,
  type ValueKind,
} from '@wijktafel/shared'
import { fill, formatDay, formatEuro, formatPercent, formatValue } from '../format'
import { chartLayout } from '../chart'
import type { ActionSummary, ImpactSummary, IndicatorSummary } from '../summary'
import { circle, esc, estimateWidth, lines, pictogram, rect, text, wrap, type Measure } from './svg'

/**
 * The impact infographic as one SVG, from the overview's data: the board's name and the date,
 * the dream in one line, each action as its status pictogram, a big number and a progress
 * bar, the values created, and "schatting" beside every amount in euros. Two formats [1]:
 * A4 portrait laid out on 1240×1754 (150 dpi) and drawn at 2× for 300 dpi print, and 16:9 at
 * 1920×1080. Dutch or English, chosen apart from the app's language. Pure: the browser part
 * (render.ts) passes pictograms, fonts and a text measure, and rasterises the result.
 */
export type InfographicFormat = 'a4' | 'wide'
export type InfographicLocale = 'nl' | 'en'

export const INFOGRAPHIC_FORMATS: Record<
  InfographicFormat,
  { width: number; height: number; scale: number }
> = {
  a4: { width: 1240, height: 1754, scale: 2 },
  wide: { width: 1920, height: 1080, scale: 1 },
}

export interface InfographicOptions {
  format: InfographicFormat
  locale: InfographicLocale
  /** The day shown, `YYYY-MM-DD`. */
  date: string
  /** Inner markup of a 24×24 lucide pictogram. */
  icon: (name: IconName) => string
  measure?: Measure
  /** @font-face rules for FONT_FAMILY, with the font files as data URLs (render.ts). */
  fontCss?: string
}

/** What each action card of the picture says, for tests and for the overview's preview. */
export interface InfographicItem {
  actionId: string
  what: string[]
  status: string
  indicator: string
  number: string | null
  of: string | null
  percent: string | null
  progress: number | null
  money: string | null
}

export interface Infographic {
  svg: string
  width: number
  height: number
  /** Pixel size of the PNG. */
  pixels: { width: number; height: number }
  items: InfographicItem[]
  /** Actions left out for lack of room. */
  more: number
  values: { kind: ValueKind; count: number }[]
  money: string | null
}

export const FONT_FAMILY = 'WijktafelInfographic'

const GREEN = '#1f6f50'
const PAPER = '#f7f5ef'
const INK = '#1b1b1b'
const MUTED = '#4a4a4a'
const TRACK = '#e3dfd2'
const AMBER_BG = '#fff1c7'
const AMBER_INK = '#6b4500'

export function buildInfographic(summary: ImpactSummary, options: InfographicOptions): Infographic {
  const { format, locale } = options
  const size = INFOGRAPHIC_FORMATS[format]
  const measure = options.measure ?? estimateWidth
  const t = (key: MessageKey) => translate(locale, key)
  const wide = format === 'wide'
  const W = size.width
  const H = size.height
  const M = wide ? 64 : 64
  const parts: string[] = []

  // Header: the board's name and the day, white on the house green.
  const headH = wide ? 132 : 180
  parts.push(rect(0, 0, W, headH, GREEN))
  const titleSize = wide ? 56 : 60
  const dateText = `${t('infographic.heading')} · ${formatDay(locale, options.date, 'long')}`
  const titleLines = wrap(summary.title, W - 2 * M, 1, titleSize, true, measure)
  parts.push(lines(M, wide ? 78 : 92, titleLines, { size: titleSize, bold: true, fill: '#fff' }))
  parts.push(
    text(M, wide ? 116 : 146, dateText, { size: wide ? 28 : 32, fill: '#e4f3ea', bold: false }),
  )

  // The dream in one line (two on a narrow page when it is long).
  let y = headH + (wide ? 36 : 44)
  const dreamSize = wide ? 34 : 36
  const dreamIcon = wide ? 64 : 72
  parts.push(circle(M + dreamIcon / 2, y + dreamIcon / 2, dreamIcon / 2, '#FFC93C'))
  parts.push(
    pictogram(
      options.icon('sparkles'),
      M + dreamIcon * 0.2,
      y + dreamIcon * 0.2,
      dreamIcon * 0.6,
      INK,
    ),
  )
  const dreamX = M + dreamIcon + 24
  const dreamLines = wrap(
    summary.dream ? `“${summary.dream}”` : '',
    W - dreamX - M,
    wide ? 2 : 3,
    dreamSize,
    true,
    measure,
  )
  parts.push(text(dreamX, y + 22, t('infographic.dream'), { size: 22, fill: MUTED, bold: true }))
  parts.push(lines(dreamX, y + 22 + dreamSize * 1.2, dreamLines, { size: dreamSize, bold: true }))
  y += Math.max(dreamIcon, 22 + dreamSize * 1.2 * Math.max(1, dreamLines.length) + 8) + 32

  // Actions in a grid of cards.
  const footH = 64
  const valuesH = wide ? 150 : 200
  const n = summary.actions.length
  const cols = wide ? Math.min(4, Math.max(1, n <= 4 ? n : Math.ceil(n / 2))) : n === 1 ? 1 : 2
  const maxRows = wide ? 2 : 3
  const capacity = cols * maxRows
  const shown = summary.actions.slice(0, capacity)
  const more = summary.actions.length - shown.length
  const rows = Math.max(1, Math.ceil(shown.length / cols))
  const gap = 28
  const moreH = more > 0 ? 40 : 0
  const areaTop = y
  const areaH = H - footH - valuesH - areaTop - moreH - 16
  const cardW = (W - 2 * M - (cols - 1) * gap) / cols
  const cardH = Math.min(wide ? 640 : 600, (areaH - (rows - 1) * gap) / rows)
  const items: InfographicItem[] = []
  // One money line in every card when any card has one, so numbers and bars line up.
  const moneyRow = shown.some((a) => headline(a)?.money != null)
  shown.forEach((action, i) => {
    const cx = M + (i % cols) * (cardW + gap)
    const cy = areaTop + Math.floor(i / cols) * (cardH + gap)
    const card = actionCard(
      action,
      { x: cx, y: cy, w: cardW, h: cardH, moneyRow },
      options,
      measure,
    )
    parts.push(card.svg)
    items.push(card.item)
  })
  if (shown.length === 0) {
    parts.push(text(M, areaTop + 60, t('impact.noActions'), { size: 32, fill: MUTED }))
  }
  if (more > 0) {
    const moreY = areaTop + rows * cardH + (rows - 1) * gap + 36
    parts.push(text(M, moreY, fill(t('infographic.more'), { n: more }), { size: 26, fill: MUTED }))
  }

  // Values created: per kind, how many actions make it; the money estimate beside them.
  const valuesTop = H - footH - valuesH
  parts.push(rect(0, valuesTop, W, valuesH, '#ffffff'))
  parts.push(rect(0, valuesTop, W, 2, TRACK))
  const values = VALUE_KINDS.map((kind) => ({
    kind: kind.id,
    count: summary.actions.filter((a) => a.values.includes(kind.id)).length,
  })).filter((v) => v.count > 0)
  const moneyTotal = totalMoney(summary.actions)
  const money = moneyTotal === null ? null : formatEuro(locale, moneyTotal)
  parts.push(
    text(M, valuesTop + (wide ? 40 : 50), t('impact.values'), {
      size: wide ? 24 : 28,
      bold: true,
      fill: MUTED,
    }),
  )
  const moneyW = money ? measure(`≈ ${money}`, wide ? 40 : 44, true) + 100 : 0
  const tileW = values.length ? Math.min(wide ? 340 : 260, (W - 2 * M - moneyW) / values.length) : 0
  const tileTop = valuesTop + (wide ? 60 : 76)
  const r = wide ? 30 : 36
  values.forEach((v, i) => {
    const choice = getChoice(VALUE_KINDS, v.kind)
    const tx = M + i * tileW
    parts.push(circle(tx + r, tileTop + r, r, choice.color))
    parts.push(
      pictogram(options.icon(choice.icon), tx + r * 0.45, tileTop + r * 0.45, r * 1.1, choice.ink),
    )
    parts.push(
      text(tx + 2 * r + 14, tileTop + r * 0.9, String(v.count), {
        size: wide ? 40 : 48,
        bold: true,
      }),
    )
    parts.push(
      text(tx + 2 * r + 14, tileTop + r * 0.9 + (wide ? 30 : 36), t(choice.label), {
        size: wide ? 22 : 26,
        fill: MUTED,
      }),
    )
  })
  if (money) {
    const tx = W - M - moneyW
    parts.push(circle(tx + r, tileTop + r, r, '#42A5F5'))
    parts.push(pictogram(options.icon('coins'), tx + r * 0.45, tileTop + r * 0.45, r * 1.1, INK))
    parts.push(
      text(tx + 2 * r + 14, tileTop + r * 0.9, `≈ ${money}`, { size: wide ? 40 : 44, bold: true }),
    )
    parts.push(
      estimateTag(
        tx + 2 * r + 14,
        tileTop + r * 0.9 + 12,
        t('impact.estimate'),
        wide ? 20 : 24,
        measure,
      ),
    )
  }

  // Footer: where it comes from.
  parts.push(rect(0, H - footH, W, footH, GREEN))
  const footer = `${summary.title} · ${formatDay(locale, options.date, 'long')} · ${t('infographic.madeWith')}`
  parts.push(
    lines(M, H - footH / 2 + 9, wrap(footer, W - 2 * M, 1, 24, false, measure), {
      size: 24,
      fill: '#ffffff',
    }),
  )

  const style = `<style>${options.fontCss ?? ''} text{font-family:'${FONT_FAMILY}',system-ui,sans-serif}</style>`
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" lang="${locale}">` +
    `<title>${esc(`${summary.title} · ${t('infographic.heading')}`)}</title>` +
    `<defs>${style}</defs>` +
    rect(0, 0, W, H, PAPER) +
    parts.join('') +
    `</svg>`
  return {
    svg,
    width: W,
    height: H,
    pixels: { width: W * size.scale, height: H * size.scale },
    items,
    more,
    values,
    money,
  }
}

/** The indicator a card shows: the first that has a number, else the first. */
export function headline(action: ActionSummary): IndicatorSummary | null {
  return action.indicators.find((i) => i.latest !== null) ?? action.indicators[0] ?? null
}

/** Money estimates of every indicator with a value per unit, summed; null when none has one. */
export function totalMoney(actions: readonly ActionSummary[]): number | null {
  let sum: number | null = null
  for (const a of actions)
    for (const i of a.indicators) if (i.money !== null) sum = (sum ?? 0) + i.money
  return sum
}

function actionCard(
  action: ActionSummary,
  box: { x: number; y: number; w: number; h: number; moneyRow: boolean },
  options: InfographicOptions,
  measure: Measure,
): { svg: string; item: InfographicItem } {
  const { x, y, w, h } = box
  const { locale } = options
  const t = (key: MessageKey) => translate(locale, key)
  const wide = options.format === 'wide'
  const parts: string[] = []
  const pad = 28
  parts.push(rect(x, y, w, h, '#ffffff', { rx: 20, stroke: TRACK, 'stroke-width': 2 }))

  // Status: a coloured disc with its pictogram and its word.
  const status = getChoice(ACTION_STATUSES, action.status)
  const sr = 28
  parts.push(circle(x + pad + sr, y + pad + sr, sr, status.color))
  parts.push(
    pictogram(
      options.icon(status.icon),
      x + pad + sr * 0.45,
      y + pad + sr * 0.45,
      sr * 1.1,
      status.ink,
    ),
  )
  parts.push(
    text(x + pad + 2 * sr + 14, y + pad + sr + 9, t(status.label), {
      size: 26,
      bold: true,
      fill: MUTED,
    }),
  )
  // The values it creates, small discs at the top right.
  const vr = 20
  action.values.forEach((kind, i) => {
    const choice = getChoice(VALUE_KINDS, kind)
    const vx = x + w - pad - vr - i * (2 * vr + 8)
    parts.push(circle(vx, y + pad + sr, vr, choice.color))
    parts.push(
      pictogram(
        options.icon(choice.icon),
        vx - vr * 0.6,
        y + pad + sr - vr * 0.6,
        vr * 1.2,
        choice.ink,
      ),
    )
  })

  const indicator = headline(action)
  const money = indicator?.money ?? null
  const moneyText = money === null ? null : formatEuro(locale, money)
  const bottom = y + h - pad
  const moneyBaseline = box.moneyRow ? bottom - 6 : null
  const barH = 24
  const barTop = (moneyBaseline ? moneyBaseline - 42 : bottom) - barH
  const numberSize = wide ? 76 : 80
  const numberBaseline = barTop - 18
  const labelBaseline = numberBaseline - numberSize * 0.78 - 16
  const whatTop = y + pad + 2 * sr + 22
  const whatSize = wide ? 28 : 30
  const whatLines = Math.max(1, Math.floor((labelBaseline - 26 - whatTop) / (whatSize * 1.25)))
  const what = wrap(action.what, w - 2 * pad, Math.min(3, whatLines), whatSize, true, measure)
  parts.push(lines(x + pad, whatTop + whatSize, what, { size: whatSize, bold: true, fill: INK }))
  // The measurements as a small step chart, where the card has room for one.
  const chartTop = whatTop + what.length * whatSize * 1.25 + 24
  const chartBottom = labelBaseline - 44
  if (indicator && indicator.points.length > 0 && chartBottom - chartTop >= 40) {
    parts.push(miniChart(indicator, x + pad, chartTop, w - 2 * pad, chartBottom - chartTop))
  }

  const item: InfographicItem = {
    actionId: action.id,
    what,
    status: t(status.label),
    indicator: indicator?.what ?? '',
    number: null,
    of: null,
    percent: null,
    progress: null,
    money: moneyText,
  }
  if (indicator) {
    parts.push(
      lines(x + pad, labelBaseline, wrap(indicator.what, w - 2 * pad, 1, 24, false, measure), {
        size: 24,
        fill: MUTED,
      }),
    )
  }
  if (indicator && indicator.latest !== null) {
    const number = formatValue(locale, indicator.latest, indicator.unit, indicator.unitLabel)
    item.number = number
    parts.push(text(x + pad, numberBaseline, number, { size: numberSize, bold: true, fill: GREEN }))
    if (indicator.target !== null) {
      const target = formatValue(locale, indicator.target, indicator.unit, indicator.unitLabel)
      item.of = fill(t('impact.of'), { target })
      const nx = x + pad + measure(number, numberSize, true) + 14
      parts.push(text(nx, numberBaseline, item.of, { size: 30, fill: MUTED }))
    }
  } else {
    parts.push(
      text(x + pad, numberBaseline, t('impact.notMeasured'), { size: 32, bold: true, fill: MUTED }),
    )
  }
  // The progress bar, with its percentage at the end of the number line.
  parts.push(rect(x + pad, barTop, w - 2 * pad, barH, TRACK, { rx: barH / 2 }))
  if (indicator && indicator.progress !== null) {
    const p = Math.max(0, Math.min(1, indicator.progress))
    item.progress = indicator.progress
    item.percent = formatPercent(indicator.progress)
    if (p > 0) {
      parts.push(
        rect(x + pad, barTop, Math.max(barH, (w - 2 * pad) * p), barH, GREEN, { rx: barH / 2 }),
      )
    }
    parts.push(
      text(x + w - pad, numberBaseline, item.percent, {
        size: 40,
        bold: true,
        fill: INK,
        anchor: 'end',
      }),
    )
  }
  if (moneyText && moneyBaseline) {
    const label = `≈ ${moneyText}`
    parts.push(text(x + pad, moneyBaseline, label, { size: 30, bold: true, fill: INK }))
    parts.push(
      estimateTag(
        x + pad + measure(label, 30, true) + 14,
        moneyBaseline - 26,
        t('impact.estimate'),
        22,
        measure,
      ),
    )
  }
  return { svg: `<g data-action="${esc(action.id)}">${parts.join('')}</g>`, item }
}

/** The step chart of chart.ts: target dashed, baseline thin, measurements as dots. */
function miniChart(
  indicator: IndicatorSummary,
  x: number,
  y: number,
  w: number,
  h: number,
): string {
  const chart = chartLayout(indicator, { width: w, height: h, pad: 8 })
  const parts = [`<g transform="translate(${x} ${y})">`]
  if (chart.baselineY !== null) {
    parts.push(
      `<line x1="0" x2="${w}" y1="${chart.baselineY}" y2="${chart.baselineY}" stroke="${TRACK}" stroke-width="3"/>`,
    )
  }
  if (chart.targetY !== null) {
    parts.push(
      `<line x1="0" x2="${w}" y1="${chart.targetY}" y2="${chart.targetY}" stroke="${GREEN}" stroke-width="3" stroke-dasharray="10 8"/>`,
    )
  }
  if (chart.points.length > 1) {
    parts.push(
      `<path d="${chart.path}" fill="none" stroke="${GREEN}" stroke-width="4" stroke-linejoin="round"/>`,
    )
  }
  for (const p of chart.points) parts.push(circle(p.x, p.y, 7, GREEN, '#ffffff'))
  parts.push('</g>')
  return parts.join('')
}

/** "schatting" in an amber label: a money figure is never shown without it. */
function estimateTag(x: number, top: number, word: string, size: number, measure: Measure): string {
  const w = measure(word, size, true) + size
  const h = size * 1.5
  return (
    rect(x, top, w, h, AMBER_BG, { rx: h / 2, stroke: AMBER_INK, 'stroke-width': 1.5 }) +
    text(x + w / 2, top + h * 0.7, word, { size, bold: true, fill: AMBER_INK, anchor: 'middle' })
  )
}

// [1] A4 at 150 dpi is 1240×1754; drawn at 2× it is 2480×3508, 300 dpi, what a printer for a
//     council letter or a newsletter expects, and text stays sharp. 16:9 is a slide or a
//     screen in the community centre at its own 1920×1080, nothing to scale.
