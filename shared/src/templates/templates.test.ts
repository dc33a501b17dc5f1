import { Store } from '@tldraw/store'
import {
  createShapeId,
  PageRecordType,
  type TLArrowBinding,
  type TLPageId,
  type TLRecord,
  type TLShape,
  type TLShapeId,
} from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { translate } from '../i18n/messages.js'
import { INTEREST_CATEGORY_IDS } from '../model/enums.js'
import { exchangeMetaValidator } from '../shapes/exchangeArrow.js'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { validateWijktafelRecord } from '../shapes/validateWijktafelRecord.js'
import { belangenkaart } from './belangenkaart.js'
import type { InterestMapContent } from './content.js'
import { DE_HORST_EXAMPLE } from './deHorst.js'
import { exampleBoard, parseExampleBoard } from './exampleBoard.js'
import { partnerschapskaart } from './partnerschapskaart.js'
import { partnershipFromInterestMap } from './partnershipFromInterestMap.js'
import { exchangeSignRect, overlapArea } from './exchangeSigns.js'
import type { MapTemplate, Rect } from './recordBuilder.js'

const A = 'page:belangen' as TLPageId
const B = 'page:partners' as TLPageId
const schema = createWijktafelSchema()

function counter(prefix = 't') {
  let n = 0
  return () => createShapeId(`${prefix}${++n}`)
}

const example = () =>
  exampleBoard(DE_HORST_EXAMPLE, {
    belangenkaartPageId: A,
    partnerschapskaartPageId: B,
    locale: 'nl',
    makeId: counter(),
  })

// Nine participants, each with a different number of interests, to stress the ring layout.
const crowded: InterestMapContent = {
  participants: (
    [
      'bewoner',
      'gemeente',
      'woningcorporatie',
      'ondernemer',
      'maatschappelijk',
      'onderwijs',
      'energie',
      'zorg',
      'anders',
    ] as const
  ).map((kind, i) => ({
    key: `k${i}`,
    name: `Deelnemer ${i}`,
    kind,
    interests: Array.from({ length: i }, (_, n) => ({
      category: INTEREST_CATEGORY_IDS[n % 4]!,
      text: `Belang ${n}`,
    })),
  })),
  sharedInterests: Array.from({ length: 8 }, (_, n) => ({
    text: `Samen ${n}`,
    participants: ['k0', 'k1'],
  })),
  exchanges: [{ from: 'k0', to: 'k8', type: 'data', text: 'Metingen' }],
}

/** Each case: the maps of one board, which may refer to each other's participants. */
const CASES: [string, () => MapTemplate[]][] = [
  ['empty belangenkaart', () => [belangenkaart({ pageId: A, locale: 'nl', makeId: counter() })]],
  [
    'empty belangenkaart in English',
    () => [belangenkaart({ pageId: A, locale: 'en', makeId: counter() })],
  ],
  [
    'empty partnerschapskaart',
    () => [partnerschapskaart({ pageId: B, locale: 'nl', makeId: counter() })],
  ],
  [
    'crowded belangenkaart',
    () => [belangenkaart({ pageId: A, locale: 'nl', content: crowded, makeId: counter() })],
  ],
  [
    'De Horst example, both maps',
    () => {
      const board = example()
      return [board.belangenkaart, board.partnerschapskaart]
    },
  ],
  [
    'partnerschapskaart made from the example belangenkaart',
    () => {
      const interests = example().belangenkaart
      return [
        interests,
        partnershipFromInterestMap(interests.shapes, {
          pageId: B,
          locale: 'nl',
          makeId: counter('f'),
        }),
      ]
    },
  ],
  [
    'partnerschapskaart made from an empty belangenkaart',
    () => {
      const interests = belangenkaart({ pageId: A, locale: 'nl', makeId: counter() })
      return [
        interests,
        partnershipFromInterestMap(interests.shapes, {
          pageId: B,
          locale: 'nl',
          makeId: counter('f'),
        }),
      ]
    },
  ],
  [
    'partnerschapskaart made from the crowded belangenkaart',
    () => {
      const interests = belangenkaart({
        pageId: A,
        locale: 'nl',
        content: crowded,
        makeId: counter(),
      })
      return [
        interests,
        partnershipFromInterestMap(interests.shapes, {
          pageId: B,
          locale: 'nl',
          makeId: counter('f'),
        }),
      ]
    },
  ],
]

const size = (s: TLShape) => s.props as { w: number; h: number }
const rect = (s: TLShape): Rect => ({ x: s.x, y: s.y, ...size(s) })
const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe.each(CASES)('%s', (_, make) => {
  const maps = make()
  const shapes = maps.flatMap((m) => m.shapes)
  const bindings = maps.flatMap((m) => m.bindings)
  const byId = new Map(shapes.map((s) => [s.id, s]))

  it('puts valid records into a real tldraw store', () => {
    for (const record of [...shapes, ...bindings]) {
      expect(validateWijktafelRecord(schema, record), record.id).toEqual({ ok: true })
    }
    const store = new Store<TLRecord, unknown>({ schema, props: {} })
    const pages = [A, B].map((id, i) =>
      PageRecordType.create({ id, name: id, index: `a${i + 1}` as never }),
    )
    store.put([...pages, ...shapes, ...bindings])
    expect(store.allRecords()).toHaveLength(pages.length + shapes.length + bindings.length)
  })

  it('lists parents before children, with strictly increasing indices', () => {
    for (const map of maps) {
      const seen = new Set<string>()
      map.shapes.forEach((s, i) => {
        expect(s.parentId === A || s.parentId === B || seen.has(s.parentId), s.id).toBe(true)
        seen.add(s.id)
        if (i > 0) expect(s.index > map.shapes[i - 1]!.index, s.id).toBe(true)
      })
    }
    expect(new Set(shapes.map((s) => s.id)).size).toBe(shapes.length)
  })

  it('keeps cards inside their zone or area, and siblings apart', () => {
    const groups = new Map<string, TLShape[]>()
    for (const s of shapes) {
      if (s.type === 'arrow') continue
      groups.set(s.parentId, [...(groups.get(s.parentId) ?? []), s])
      const parent = byId.get(s.parentId as TLShapeId)
      if (parent) {
        const { w, h } = size(parent)
        expect(
          s.x >= 0 && s.y >= 0 && s.x + size(s).w <= w && s.y + size(s).h <= h,
          `${s.id} in ${parent.id}`,
        ).toBe(true)
      }
    }
    for (const siblings of groups.values()) {
      siblings.forEach((a, i) => {
        for (const b of siblings.slice(i + 1))
          expect(overlap(rect(a), rect(b)), `${a.id} / ${b.id}`).toBe(false)
      })
    }
  })

  it('starts at (0, 0), and its bounds hold every shape', () => {
    for (const map of maps) {
      const top = map.shapes.filter(
        (s) => s.type !== 'arrow' && !map.shapes.some((p) => p.id === s.parentId),
      )
      expect(Math.min(...top.map((s) => s.x))).toBe(0)
      expect(Math.min(...top.map((s) => s.y))).toBe(0)
      expect(Math.max(...top.map((s) => s.x + size(s).w))).toBe(map.bounds.w)
      expect(Math.max(...top.map((s) => s.y + size(s).h))).toBe(map.bounds.h)
    }
  })

  it('refers only to participant shapes that exist', () => {
    const participants = new Set(
      shapes.filter((s) => s.type === 'wt-participant').map((s) => s.id as string),
    )
    for (const s of shapes) {
      const p = s.props as Record<string, unknown>
      const refs = ['participantId', 'ownerId', 'fromId', 'toId']
        .map((k) => p[k])
        .concat(
          (p['participantIds'] as string[] | undefined) ?? [],
          (p['agreedBy'] as string[] | undefined) ?? [],
        )
        .filter((ref) => ref !== null && ref !== undefined)
      for (const ref of refs)
        expect(participants.has(ref as string), `${s.type} ${s.id} -> ${String(ref)}`).toBe(true)
    }
    for (const b of bindings) expect(participants.has(b.toId), b.id).toBe(true)
  })

  it('makes cards large enough to read on a projector', () => {
    for (const s of shapes) {
      if (s.type === 'arrow') continue
      expect(size(s).w, s.type).toBeGreaterThanOrEqual(220)
      expect(size(s).h, s.type).toBeGreaterThanOrEqual(150)
    }
  })

  it('gives the same records for the same ids', () => {
    expect(make()).toEqual(maps)
  })
})

describe('belangenkaart', () => {
  it('starts with the dream, the assignment, four empty participants, a shared-interest zone and a legend', () => {
    const map = belangenkaart({ pageId: A, locale: 'nl' })
    const types = map.shapes.map((s) => s.type)
    expect(types.filter((t) => t === 'wt-dream')).toHaveLength(1)
    expect(types.filter((t) => t === 'wt-assignment')).toHaveLength(1)
    const participants = map.shapes.filter((s) => s.type === 'wt-participant')
    expect(participants.map((p) => [p.props.kind, p.props.name])).toEqual([
      ['bewoner', ''],
      ['gemeente', ''],
      ['woningcorporatie', ''],
      ['ondernemer', ''],
    ])
    const zone = map.shapes.find((s) => s.type === 'wt-zone')
    expect(zone?.props).toMatchObject({ kind: 'shared-interest', title: 'Gedeeld belang' })
    expect(map.shapes.find((s) => s.type === 'wt-legend')?.props.map).toBe('belangenkaart')
    expect(map.shapes.every((s) => s.parentId === A)).toBe(true)
  })

  it('titles the zones in the chosen language', () => {
    const map = belangenkaart({ pageId: A, locale: 'en' })
    expect(map.shapes.find((s) => s.type === 'wt-zone')?.props).toMatchObject({
      title: 'Shared interest',
    })
  })

  it('puts each interest inside its participant, and shared interests in the zone', () => {
    const map = example().belangenkaart
    const participants = map.shapes.filter((s) => s.type === 'wt-participant')
    expect(participants.map((p) => p.props.name)).toEqual(
      DE_HORST_EXAMPLE.participants.map((p) => p.name),
    )
    for (const [i, participant] of participants.entries()) {
      const interests = map.shapes.filter(
        (s) => s.type === 'wt-interest' && s.parentId === participant.id,
      )
      expect(
        interests.map(
          (s) =>
            s.type === 'wt-interest' && [s.props.category, s.props.text, s.props.participantId],
        ),
      ).toEqual(
        DE_HORST_EXAMPLE.participants[i]!.interests.map((x) => [
          x.category,
          x.text,
          participant.id,
        ]),
      )
    }
    const zone = map.shapes.find((s) => s.type === 'wt-zone')!
    const shared = map.shapes.filter((s) => s.type === 'wt-shared-interest')
    expect(shared.map((s) => s.parentId)).toEqual([zone.id, zone.id, zone.id])
    expect(shared[0]?.type === 'wt-shared-interest' && shared[0].props.participantIds).toEqual(
      ['p1', 'p3', 'p4', 'p6'].map((key) => map.participantIds[key]),
    )
  })

  it('draws each exchange as an arrow bound to both participants', () => {
    const map = example().belangenkaart
    const arrows = map.shapes.filter((s) => s.type === 'arrow')
    expect(arrows).toHaveLength(DE_HORST_EXAMPLE.exchanges.length)
    DE_HORST_EXAMPLE.exchanges.forEach((exchange, i) => {
      const arrow = arrows[i]!
      expect(exchangeMetaValidator.validate(arrow.meta)).toEqual({
        wt: 'exchange',
        exchangeType: exchange.type,
      })
      const ends = map.bindings.filter((b: TLArrowBinding) => b.fromId === arrow.id)
      expect(ends.map((b) => [b.props.terminal, b.toId])).toEqual([
        ['start', map.participantIds[exchange.from]],
        ['end', map.participantIds[exchange.to]],
      ])
      expect(JSON.stringify(arrow.type === 'arrow' && arrow.props.richText)).toContain(
        exchange.text,
      )
    })
  })
})

/**
 * Each exchange's sign (type badge and text) on the page, estimated from the records: the
 * boxes of the two participants its bindings name, its text and its label position, as
 * tldraw lays out a straight bound arrow (exchangeSigns.ts [1]).
 */
function exchangeSigns(map: MapTemplate) {
  const byId = new Map(map.shapes.map((s) => [s.id, s]))
  return map.shapes.flatMap((arrow) => {
    if (arrow.type !== 'arrow') return []
    const end = (terminal: 'start' | 'end') => {
      const binding = map.bindings.find(
        (b) => b.fromId === arrow.id && b.props.terminal === terminal,
      )
      return rect(byId.get(binding!.toId)!)
    }
    expect(arrow.props.bend).toBe(0) // the estimate is for straight arrows
    const line = {
      from: end('start'),
      to: end('end'),
      type: exchangeMetaValidator.validate(arrow.meta).exchangeType,
      text: plainText(arrow.props.richText),
    }
    const sign = exchangeSignRect(line, arrow.props.labelPosition)
    return sign ? [{ type: line.type, sign }] : []
  })
}

function plainText(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  const { text, content } = node as { text?: string; content?: unknown[] }
  return (text ?? '') + (content ?? []).map(plainText).join('')
}

describe('exchange signs on the belangenkaart', () => {
  it.each([
    ['the De Horst example', () => example().belangenkaart],
    [
      'a crowded map with exchanges across it',
      () => {
        // Across the ring: corner to corner, side to side, top to bottom.
        const exchanges = [
          ['k8', 'k1'],
          ['k5', 'k0'],
          ['k2', 'k7'],
          ['k6', 'k3'],
          ['k4', 'k5'],
        ].map(([from, to], i) => ({
          from: from!,
          to: to!,
          type: (['data', 'tijd', 'kennis', 'ruimte', 'geld'] as const)[i]!,
          text: `Uitwisseling ${i} met een wat langere tekst`,
        }))
        return belangenkaart({
          pageId: A,
          locale: 'nl',
          content: { ...crowded, exchanges },
          makeId: counter(),
        })
      },
    ],
  ])('on %s, no two exchange signs overlap', (_, make) => {
    const signs = exchangeSigns(make())
    expect(signs.length).toBeGreaterThan(1)
    const overlapping = signs.flatMap((a, i) =>
      signs
        .slice(i + 1)
        .flatMap((b) => (overlapArea(a.sign, b.sign) > 0 ? [[a.type, b.type]] : [])),
    )
    expect(overlapping).toEqual([])
  })
})

describe('partnerschapskaart', () => {
  it('starts with a banner, four partner lanes, seven agreement sections and a legend', () => {
    const map = partnerschapskaart({ pageId: B, locale: 'nl' })
    const zones = map.shapes.flatMap((s) => (s.type === 'wt-zone' ? [s.props] : []))
    expect(zones.map((z) => z.kind)).toEqual([
      'banner',
      'lane',
      'lane',
      'lane',
      'lane',
      ...Array(7).fill('section'),
    ])
    expect(zones.filter((z) => z.kind === 'lane').map((z) => z.title)).toEqual([
      'Bewoner',
      'Gemeente',
      'Woningcorporatie',
      'Ondernemer',
    ])
    expect(zones.filter((z) => z.kind === 'section').map((z) => [z.section, z.title])).toEqual([
      ['decisions', 'Besluiten'],
      ['expectations', 'Verwachtingen'],
      ['communication', 'Communicatie'],
      ['rules', 'Spelregels'],
      ['actions', 'Acties'],
      ['bottlenecks', 'Knelpunten'],
      ['lessons', 'Leerpunten'],
    ])
    const banner = map.shapes[0]!
    expect(map.shapes.filter((s) => s.parentId === banner.id).map((s) => s.type)).toEqual([
      'wt-dream',
      'wt-assignment',
    ])
    expect(map.shapes.find((s) => s.type === 'wt-legend')?.props.map).toBe('partnerschapskaart')
  })

  it('fills the example: one lane per organisation, roles in their lanes, agreements in sections', () => {
    const { belangenkaart: interests, partnerschapskaart: map } = example()
    const ids = interests.participantIds
    const lanes = map.shapes.filter((s) => s.type === 'wt-zone' && s.props.kind === 'lane')
    expect(
      lanes.map((l) => l.type === 'wt-zone' && [l.props.title, l.props.participantId]),
    ).toEqual([
      ['Bewonersgroep Groene Horst', ids['p2']], // Fatma and Karim share it; Karim speaks for it
      ['Gemeente, wijkregisseur', ids['p3']],
      ['Woningcorporatie Thuis aan de Horst', ids['p4']],
      ['Fietsenmaker Horstplein', ids['p5']],
      ['Energiecoöperatie', ids['p6']],
    ])
    const roles = map.shapes.filter((s) => s.type === 'wt-role')
    expect(
      roles.map(
        (r) =>
          r.type === 'wt-role' && [
            lanes.findIndex((l) => l.id === r.parentId),
            r.props.role,
            r.props.partner,
          ],
      ),
    ).toEqual([
      [0, 'trekker', 'Karim'],
      [1, 'financier', 'Marieke de Vries'],
      [2, 'uitvoerder', 'Jeroen Bakker'],
      [4, 'adviseur', 'Energiecoöperatie Horst Zon'],
    ])
    const sectionOf = (type: string) =>
      map.shapes
        .filter((s) => s.type === type)
        .map((s) => {
          const zone = map.shapes.find((z) => z.id === s.parentId)
          return zone?.type === 'wt-zone' ? zone.props.section : null
        })
    expect(sectionOf('wt-decision')).toEqual(['decisions', 'decisions', 'decisions'])
    expect(sectionOf('wt-action')).toEqual(['actions', 'actions', 'actions', 'actions'])
    expect(sectionOf('wt-lesson')).toEqual(['lessons', 'lessons'])
    expect(sectionOf('wt-bottleneck')).toEqual(['bottlenecks', 'bottlenecks'])
    expect(map.shapes.flatMap((s) => (s.type === 'wt-decision' ? [s.props.rule] : []))).toEqual([
      'bewoners',
      'consent',
      'gemeente',
    ])
    const action = map.shapes.find((s) => s.type === 'wt-action')
    expect(action?.props).toMatchObject({
      ownerId: ids['p6'],
      due: '2027-01-31',
      horizon: 'kort',
      indicators: [
        { what: 'Huishoudens met een pakket', unit: 'aantal', target: 200, euroPerUnit: 85 },
      ],
    })
    const banner = map.shapes[0]!
    expect(
      map.shapes
        .filter((s) => s.type === 'wt-shared-interest')
        .every((s) => s.parentId === banner.id),
    ).toBe(true)
  })
})

describe('partnershipFromInterestMap', () => {
  it('carries the dream, the assignment and every shared interest over, and makes lanes per organisation', () => {
    const interests = example().belangenkaart
    // A note dragged into the shared-interest zone counts as shared too.
    const note = interests.shapes.find((s) => s.type === 'wt-interest')!
    const shapes = interests.shapes.map((s) =>
      s === note && s.type === 'wt-interest' ? { ...s, props: { ...s.props, shared: true } } : s,
    )
    const map = partnershipFromInterestMap(shapes, {
      pageId: B,
      locale: 'en',
      makeId: counter('f'),
    })
    const text = (type: string) =>
      map.shapes.flatMap((s) => (s.type === type ? [(s.props as { text: string }).text] : []))
    expect(text('wt-dream')).toEqual([DE_HORST_EXAMPLE.dream.text])
    expect(text('wt-assignment')).toEqual([DE_HORST_EXAMPLE.assignment.text])
    expect(text('wt-shared-interest')).toEqual([
      ...DE_HORST_EXAMPLE.sharedInterests.map((s) => s.text),
      DE_HORST_EXAMPLE.participants[0]!.interests[0]!.text,
    ])
    expect(map.shapes.filter((s) => s.type === 'wt-zone' && s.props.kind === 'lane')).toHaveLength(
      5,
    )
    expect(map.shapes[0]?.props).toMatchObject({
      kind: 'banner',
      title: translate('en', 'template.banner'),
    })
  })

  it('gives a participant without an organisation a lane of their own', () => {
    const interests = belangenkaart({
      pageId: A,
      locale: 'nl',
      content: {
        participants: [
          { name: 'Fatma', kind: 'bewoner' },
          { name: 'Ahmed', kind: 'bewoner' },
          { name: '', kind: 'gemeente', organisation: ' Gemeente ' },
          { name: 'Marieke', kind: 'gemeente', organisation: 'gemeente', level: 'organisatie' },
        ],
      },
    })
    const map = partnershipFromInterestMap(interests.shapes, { pageId: B, locale: 'nl' })
    const participant = (name: string) =>
      interests.shapes.find((s) => s.type === 'wt-participant' && s.props.name === name)!.id
    expect(
      map.shapes.flatMap((s) =>
        s.type === 'wt-zone' && s.props.kind === 'lane'
          ? [[s.props.title, s.props.participantId]]
          : [],
      ),
    ).toEqual([
      ['Fatma', participant('Fatma')],
      ['Ahmed', participant('Ahmed')],
      ['gemeente', participant('Marieke')],
    ])
  })
})

describe('example file', () => {
  it('is refused with a clear message when it refers to an unknown participant', () => {
    const broken = structuredClone(DE_HORST_EXAMPLE) as unknown as { exchanges: { from: string }[] }
    broken.exchanges[0]!.from = 'p99'
    expect(() => parseExampleBoard(broken)).toThrow("Unknown participant 'p99'")
  })

  it('is refused when a decision rule is unknown, and accepts rules written out', () => {
    const edited = structuredClone(DE_HORST_EXAMPLE) as unknown as {
      partnership: { decisions: { rule: string }[] }
    }
    edited.partnership.decisions[0]!.rule = 'Bewoners beslissen'
    expect(parseExampleBoard(edited).partnership.decisions[0]!.rule).toBe('bewoners')
    edited.partnership.decisions[0]!.rule = 'loting'
    expect(() => parseExampleBoard(edited)).toThrow(
      /partnership\.decisions\.0\.rule: Expected a decision rule/,
    )
  })
})
