import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { CARDS } from '../cards/index.js'
import * as choices from '../model/choices.js'
import type { Choice } from '../model/choice.js'
import { BOARD_TEMPLATES } from '../protocol/boardApi.js'
import { initialBoardRecords } from '../templates/initialBoard.js'
import { ar } from './ar.js'
import { en } from './en.js'
import { LOCALES, translate, type Locale, type MessageKey } from './messages.js'
import { nl } from './nl.js'
import { tr } from './tr.js'

/**
 * Dutch defines the keys; every other language must say every one of them, with the same
 * placeholders, or a resident sees Dutch (or a broken "{name}") in the middle of their own
 * language. `translate` falls back to Dutch silently, so only this test notices a gap.
 */
const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { nl, en, tr, ar }
const dutchKeys = Object.keys(nl) as MessageKey[]

/** `{name}`, `{n}`, `{count}`…, sorted, so the order may differ between languages. */
function placeholders(text: string): string[] {
  return (text.match(/\{[a-zA-Z]+\}/g) ?? []).sort()
}

/** Every string in a record (its props, meta, name), however deep. */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) stringsOf(v, out)
  else if (value && typeof value === 'object')
    for (const v of Object.values(value as Record<string, unknown>)) stringsOf(v, out)
  return out
}

/** The text a person reads in a record: its name and its props, not ids, indices or types. */
function visibleStrings(record: TLRecord): string[] {
  const r = record as { name?: unknown; props?: unknown }
  return stringsOf([r.name ?? '', r.props ?? {}])
}

describe.each(LOCALES.filter((l) => l !== 'nl'))('the %s catalogue', (locale) => {
  const catalogue = catalogues[locale]

  it('has every key Dutch has', () => {
    const missing = dutchKeys.filter((key) => catalogue[key] === undefined)
    expect(missing).toEqual([])
  })

  it('has no key Dutch does not have', () => {
    const extra = Object.keys(catalogue).filter((key) => !(key in nl))
    expect(extra).toEqual([])
  })

  it('has no empty message', () => {
    const empty = dutchKeys.filter((key) => catalogue[key]?.trim() === '')
    expect(empty).toEqual([])
  })

  it('keeps the placeholders of every Dutch message', () => {
    const wrong = dutchKeys
      .filter((key) => catalogue[key] !== undefined)
      .filter((key) => placeholders(catalogue[key]!).join() !== placeholders(nl[key]).join())
      .map((key) => `${key}: ${catalogue[key]}`)
    expect(wrong).toEqual([])
  })
})

describe('labels of the model', () => {
  // Every label key a card, a field or a choice names; a typo'd or forgotten key would show
  // the Dutch word (or, before the fallback, the raw key) on the card.
  const choiceLists = Object.values(choices).filter(Array.isArray) as (readonly Choice<string>[])[]
  const keys = new Set<string>([
    ...CARDS.map((card) => card.label),
    ...CARDS.flatMap((card) =>
      Object.values(card.fields as Record<string, { label: string; choices?: Choice[] }>).flatMap(
        (field) => [field.label, ...(field.choices ?? []).map((c) => c.label)],
      ),
    ),
    ...choiceLists.flatMap((list) => list.map((c) => c.label)),
  ])

  it('finds the card kinds, their fields and every list of choices', () => {
    expect(keys).toContain('card.dream')
    expect(keys).toContain('field.category')
    expect(keys).toContain('interestCategory.halen')
    expect(keys).toContain('participantKind.bewoner')
    expect(choiceLists.length).toBeGreaterThanOrEqual(8)
  })

  it.each(LOCALES)('are all in the %s catalogue', (locale) => {
    const missing = [...keys].filter((key) => catalogues[locale][key as MessageKey] === undefined)
    expect(missing).toEqual([])
  })
})

describe('a new board in each language', () => {
  // A raw key ("card.dream", "field.text") in a template is a label nobody translated.
  const keyLike = new RegExp(
    `^(${[...new Set(dutchKeys.map((k) => k.split('.')[0]))].join('|')})\\.[A-Za-z-]+`,
  )

  it.each(BOARD_TEMPLATES.flatMap((template) => LOCALES.map((l) => [template, l] as const)))(
    '%s in %s has no missing label',
    (template, locale) => {
      const records = initialBoardRecords({ template, locale, title: 'De Horst' })
      const strings = records.flatMap(visibleStrings)
      expect(strings.filter((s) => keyLike.test(s))).toEqual([])
      expect(strings.filter((s) => s.includes('undefined'))).toEqual([])
    },
  )

  it.each(LOCALES.filter((l) => l !== 'nl'))(
    'names the pages of a %s board in that language',
    (locale) => {
      const pageNames = initialBoardRecords({ template: 'both', locale, title: 'x' })
        .filter((r) => r.typeName === 'page')
        .map((p) => (p as { name: string }).name)
      expect(pageNames).toEqual([
        translate(locale, 'map.belangenkaart'),
        translate(locale, 'map.partnerschapskaart'),
      ])
      expect(pageNames).not.toContain(nl['map.belangenkaart'])
    },
  )
})
