import { stringify } from 'csv-stringify/sync'
import {
  ACTION_STATUSES,
  UNIT_KIND_CHOICES,
  VALUE_KINDS,
  latestValue,
  readImpact,
  translate,
} from '@wijktafel/shared'
import type { ImpactState, Indicator, Locale, MessageKey } from '@wijktafel/shared'

/** The columns of the action list, in order, with their header's message key [1]. */
const COLUMNS = [
  'field.what',
  'field.owner',
  'field.due',
  'field.status',
  'field.values',
  'field.indicator',
  'field.unit',
  'field.baseline',
  'field.target',
  'field.latest',
  'field.latestDate',
] as const satisfies readonly MessageKey[]

interface Shape {
  id: string
  typeName: 'shape'
  type: string
  parentId: string
  x: number
  y: number
  props: Record<string, unknown>
}

/**
 * The action cards (`wt-action`) of a board as CSV that Excel on a Dutch Windows opens as
 * it should: UTF-8 with a byte order mark, `;` between cells, CRLF between rows, quotes
 * where a cell needs them, decimal commas in Dutch, and a cell that starts like a formula
 * (= + - @) led by an apostrophe so it stays text [2]. One row per card, in reading order:
 * map by map, top to bottom, left to right. The measurement columns are the card's first
 * indicator's, with its latest measurement from the board's `impact` map (else the value
 * the card kept from before measurements were dated) [4].
 */
export function buildActionsCsv(
  records: Iterable<unknown>,
  locale: Locale,
  impact: Iterable<[string, unknown]> = [],
): string {
  const measured = readImpact(impact)
  const byId = new Map<string, Record<string, unknown>>()
  for (const record of records) {
    if (isObject(record) && typeof record.id === 'string') byId.set(record.id, record)
  }
  const actions = [...byId.values()].filter(
    (record): record is Record<string, unknown> & Shape =>
      record.typeName === 'shape' && record.type === 'wt-action' && isObject(record.props),
  )
  const placed = actions.map((shape) => ({ shape, ...place(shape, byId) }))
  placed.sort((a, b) => compare(a.pageIndex, b.pageIndex) || a.y - b.y || a.x - b.x)
  const rows = placed.map(({ shape }) => row(shape, byId, locale, measured))
  return stringify([COLUMNS.map((key) => translate(locale, key)), ...rows], {
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    // With its own record delimiter the library stops quoting lone line breaks [3].
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { number: (value) => formatNumber(value, locale) },
  })
}

function row(
  shape: Shape,
  byId: Map<string, Record<string, unknown>>,
  locale: Locale,
  impact: ImpactState,
): (string | number)[] {
  const props = shape.props
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  const number = (value: unknown) => (typeof value === 'number' ? value : '')
  const status = ACTION_STATUSES.find((choice) => choice.id === props.status)
  const values = Array.isArray(props.values) ? props.values : []
  return [
    text(props.what),
    ownerName(props.ownerId, byId),
    text(props.due),
    status ? translate(locale, status.label) : text(props.status),
    values
      .map((id) => VALUE_KINDS.find((choice) => choice.id === id))
      .filter((choice) => choice !== undefined)
      .map((choice) => translate(locale, choice.label))
      .join(', '),
    ...indicatorCells(shape.id, firstIndicator(props), impact, locale),
  ]
}

/** The first indicator of an action card, also of one stored before indicators were a list. */
function firstIndicator(props: Record<string, unknown>): Partial<Indicator> | undefined {
  if (Array.isArray(props.indicators)) {
    const first: unknown = props.indicators[0]
    return isObject(first) ? (first as Partial<Indicator>) : undefined
  }
  const { indicator, baseline, target, latest } = props
  return {
    what: indicator as string,
    baseline,
    target,
    undatedLatest: latest,
  } as Partial<Indicator>
}

function indicatorCells(
  actionId: string,
  indicator: Partial<Indicator> | undefined,
  impact: ImpactState,
  locale: Locale,
): (string | number)[] {
  if (!indicator) return ['', '', '', '', '', '']
  const num = (value: unknown) => (typeof value === 'number' ? value : null)
  const unit = UNIT_KIND_CHOICES.find((choice) => choice.id === indicator.unit)
  const unitLabel = typeof indicator.unitLabel === 'string' ? indicator.unitLabel.trim() : ''
  const latest =
    typeof indicator.id === 'string'
      ? latestValue(impact, actionId, {
          id: indicator.id,
          undatedLatest: num(indicator.undatedLatest),
        } as Indicator)
      : num(indicator.undatedLatest) === null
        ? null
        : { value: num(indicator.undatedLatest)!, date: null }
  return [
    typeof indicator.what === 'string' ? indicator.what : '',
    unit?.id === 'anders' && unitLabel ? unitLabel : unit ? translate(locale, unit.label) : '',
    num(indicator.baseline) ?? '',
    num(indicator.target) ?? '',
    latest?.value ?? '',
    latest?.date ?? '',
  ]
}

/** The participant card's name (else its organisation); '' when there is none. */
function ownerName(ownerId: unknown, byId: Map<string, Record<string, unknown>>): string {
  const owner = typeof ownerId === 'string' ? byId.get(ownerId) : undefined
  if (owner?.type !== 'wt-participant' || !isObject(owner.props)) return ''
  const { name, organisation } = owner.props
  if (typeof name === 'string' && name.trim()) return name
  return typeof organisation === 'string' ? organisation : ''
}

/** The shape's page (its index, for ordering) and its position on that page. */
function place(
  shape: Shape,
  byId: Map<string, Record<string, unknown>>,
): { pageIndex: string; x: number; y: number } {
  let x = shape.x
  let y = shape.y
  let parent = byId.get(shape.parentId)
  for (let depth = 0; parent?.typeName === 'shape' && depth < 100; depth++) {
    x += typeof parent.x === 'number' ? parent.x : 0
    y += typeof parent.y === 'number' ? parent.y : 0
    parent = typeof parent.parentId === 'string' ? byId.get(parent.parentId) : undefined
  }
  const pageIndex = typeof parent?.index === 'string' ? parent.index : ''
  return { pageIndex, x: Number(x) || 0, y: Number(y) || 0 }
}

function formatNumber(value: number, locale: Locale): string {
  const text = String(value)
  return locale === 'nl' ? text.replace('.', ',') : text
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// [1] The labels of the card's own fields, in the board's language, so the sheet says
//     what the card says. The measurement columns (indicator, baseline, target, latest) are
//     the action card's fields already; empty where nobody filled them in.
// [2] Excel takes the list separator from the Windows region (`;` in the Netherlands,
//     where `,` is the decimal comma) and reads a file without BOM as the old ANSI code
//     page, which breaks ë and é. A cell such as `=HYPERLINK(...)` typed on the board would
//     otherwise run as a formula in the municipality's spreadsheet (CSV injection).
//     Numbers are not guarded: a negative baseline stays a number.
// [3] A card text with a line break ("regel 1\nregel 2") would otherwise split its row in
//     two in Excel; quoted, it stays one cell with a line break (the unit test checks it).
// [4] One row per action keeps the sheet simple for the people who asked for it (a list of
//     actions for the council); a card's further indicators are in the board file and the
//     impact overview. Units are never mixed: each row says its own.
