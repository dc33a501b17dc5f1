import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en.js'
import { nl } from '../i18n/nl.js'
import { WIJKTAFEL_SHAPES } from '../shapes/wijktafelSchema.js'
import { CARD_KINDS, getCardKind, SECTION_KINDS } from '../cards/index.js'
import { findChoice, getChoice, type Choice } from './choice.js'
import * as choices from './choices.js'
import { contrastRatio } from './contrast.js'
import * as enums from './enums.js'
import { ICON_NAMES } from './icons.js'
import { ROAD_HORIZONS, UNIT_KINDS } from '../impact/impact.js'

const LISTS: [string, readonly Choice[], readonly string[]][] = [
  ['PARTICIPANT_KINDS', choices.PARTICIPANT_KINDS, enums.PARTICIPANT_KIND_IDS],
  ['PARTICIPANT_LEVELS', choices.PARTICIPANT_LEVELS, enums.PARTICIPANT_LEVEL_IDS],
  ['INTEREST_CATEGORIES', choices.INTEREST_CATEGORIES, enums.INTEREST_CATEGORY_IDS],
  ['EXCHANGE_TYPES', choices.EXCHANGE_TYPES, enums.EXCHANGE_TYPE_IDS],
  ['PARTNER_ROLES', choices.PARTNER_ROLES, enums.PARTNER_ROLE_IDS],
  ['DECISION_RULES', choices.DECISION_RULES, enums.DECISION_RULE_IDS],
  ['ACTION_STATUSES', choices.ACTION_STATUSES, enums.ACTION_STATUS_IDS],
  ['VALUE_KINDS', choices.VALUE_KINDS, enums.VALUE_KIND_IDS],
  ['SECTION_KINDS', SECTION_KINDS, enums.SECTION_KIND_IDS],
  ['ZONE_KINDS', choices.ZONE_KINDS, enums.ZONE_KIND_IDS],
  ['MAP_KINDS', choices.MAP_KINDS, enums.MAP_KIND_IDS],
  ['UNIT_KIND_CHOICES', choices.UNIT_KIND_CHOICES, UNIT_KINDS],
  ['ROAD_HORIZON_CHOICES', choices.ROAD_HORIZON_CHOICES, ROAD_HORIZONS],
]
const CARDS_AS_CHOICES: Choice[] = CARD_KINDS.map((c) => ({ ...c, id: c.kind }))
const EVERY_CHOICE = [
  ...LISTS.flatMap(([name, list]) => list.map((c) => [`${name}.${c.id}`, c] as const)),
  ...CARDS_AS_CHOICES.map((c) => [`CARD_KINDS.${c.id}`, c] as const),
]

describe('contrast', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5)
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#777777')).toBe(1)
    // #767676 on white is the classic lightest grey that passes AA.
    expect(contrastRatio('#767676', '#FFFFFF')).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio('#777777', '#FFFFFF')).toBeLessThan(4.5)
  })

  it.each(EVERY_CHOICE)('%s has ink with at least 4.5:1 contrast on its fill', (_, choice) => {
    expect(contrastRatio(choice.color, choice.ink)).toBeGreaterThanOrEqual(4.5)
  })
})

describe('choices', () => {
  it.each(LISTS)('%s lists every id of its enumeration once, in order', (_, list, ids) => {
    expect(list.map((c) => c.id)).toEqual([...ids])
  })

  it.each([...LISTS, ['CARD_KINDS', CARDS_AS_CHOICES, enums.CARD_KIND_IDS] as const])(
    '%s gives each value its own pictogram and colour',
    (_, list) => {
      expect(new Set(list.map((c) => c.icon)).size).toBe(list.length)
      expect(new Set(list.map((c) => c.color.toUpperCase())).size).toBe(list.length)
    },
  )

  it('uses exactly the icon names of IconName', () => {
    const fieldIcons = CARD_KINDS.flatMap((c) =>
      Object.values(c.fields).flatMap((f) => ('icon' in f && f.icon ? [f.icon] : [])),
    )
    const used = new Set([...EVERY_CHOICE.map(([, c]) => c.icon), ...fieldIcons])
    expect([...used].sort()).toEqual([...ICON_NAMES].sort())
    expect(new Set(ICON_NAMES).size).toBe(ICON_NAMES.length)
  })

  it('has a Dutch and an English label for every choice', () => {
    for (const [name, choice] of EVERY_CHOICE) {
      expect(nl[choice.label], name).toBeTruthy()
      expect(en[choice.label], name).toBeTruthy()
    }
  })

  it('finds choices by id and says which ids exist for an unknown one', () => {
    expect(getChoice(choices.PARTICIPANT_KINDS, 'gemeente').icon).toBe('landmark')
    expect(findChoice(choices.PARTICIPANT_KINDS, 'nope')).toBeUndefined()
    expect(() => getChoice(choices.PARTICIPANT_KINDS, 'nope' as 'gemeente')).toThrow(
      /Unknown choice 'nope'; expected one of bewoner, gemeente/,
    )
  })
})

describe('colours stay apart, also for colour-blind people', () => {
  // Minimum OKLab distance between any two fills of a list, with normal vision and with
  // simulated dichromacy. The thresholds are what the chosen palette reaches, with a margin.
  const cases: [string, readonly Choice[], { normal: number; dichromat: number }][] = [
    ['participant kinds', choices.PARTICIPANT_KINDS, { normal: 0.09, dichromat: 0.06 }],
    ['interest categories', choices.INTEREST_CATEGORIES, { normal: 0.15, dichromat: 0.08 }],
    [
      'participant kinds and interest categories together',
      [...choices.PARTICIPANT_KINDS, ...choices.INTEREST_CATEGORIES],
      { normal: 0.08, dichromat: 0 },
    ],
    [
      'cards of the partnerschapskaart',
      CARDS_AS_CHOICES.filter(
        (c) => !['participant', 'interest', 'shared-interest'].includes(c.id),
      ),
      { normal: 0.08, dichromat: 0.04 },
    ],
  ]
  it.each(cases)('%s', (_, list, min) => {
    for (const [i, a] of list.entries()) {
      for (const b of list.slice(i + 1)) {
        const pair = `${a.id}/${b.id}`
        expect(colourDistance(a.color, b.color), pair).toBeGreaterThanOrEqual(min.normal)
        for (const vision of ['protan', 'deutan', 'tritan'] as const) {
          expect(
            colourDistance(a.color, b.color, vision),
            `${pair} ${vision}`,
          ).toBeGreaterThanOrEqual(min.dichromat)
        }
      }
    }
  })
})

describe('card kinds', () => {
  it('has the 13 cards, each with its wt- shape type in the schema', () => {
    expect(CARD_KINDS.map((c) => c.kind)).toEqual([...enums.CARD_KIND_IDS])
    for (const card of CARD_KINDS) {
      expect(card.type).toBe(`wt-${card.kind}`)
      expect(Object.keys(WIJKTAFEL_SHAPES)).toContain(card.type)
      expect(getCardKind(card.type)).toBe(card)
      expect(getCardKind(card.kind)).toBe(card)
    }
  })

  it('makes new cards big enough to read on a projector', () => {
    for (const card of CARD_KINDS) {
      expect(card.defaultSize.w, card.kind).toBeGreaterThanOrEqual(220)
      expect(card.defaultSize.h, card.kind).toBeGreaterThanOrEqual(150)
    }
  })
})

describe('message catalogues', () => {
  it('has every Dutch key in English too', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort())
  })
})

// OKLab (Ottosson 2020) of sRGB, optionally through the Machado et al. (2009) simulation of
// full protanopia, deuteranopia or tritanopia in linear RGB.
const DICHROMACY = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
} as const

function colourDistance(a: string, b: string, vision?: keyof typeof DICHROMACY): number {
  const [p, q] = [oklab(a, vision), oklab(b, vision)]
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])
}

function oklab(hex: string, vision?: keyof typeof DICHROMACY): [number, number, number] {
  let rgb = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  if (vision) {
    const m = DICHROMACY[vision]
    rgb = m.map((row) =>
      Math.min(1, Math.max(0, row[0] * rgb[0]! + row[1] * rgb[1]! + row[2] * rgb[2]!)),
    )
  }
  const [r, g, b] = rgb as [number, number, number]
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ]
}
