import { describe, expect, it } from 'vitest'
import { newIndicator, type Indicator } from '@wijktafel/shared'
import { buildActionsCsv } from './actionsCsv.js'

const page = (id: string, index: string) => ({ id, typeName: 'page', name: id, index, meta: {} })

function shape(
  id: string,
  type: string,
  props: object,
  at: { x?: number; y?: number; parentId?: string } = {},
) {
  return {
    id,
    typeName: 'shape',
    type,
    x: at.x ?? 0,
    y: at.y ?? 0,
    parentId: at.parentId ?? 'page:b',
    props,
  }
}

function action(id: string, props: object, at?: { x?: number; y?: number; parentId?: string }) {
  return shape(
    id,
    'wt-action',
    {
      what: '',
      ownerId: null,
      due: '',
      status: 'idee',
      values: [],
      horizon: '',
      indicators: [],
      ...props,
    },
    at,
  )
}

function indicator(over: Partial<Indicator> = {}): Indicator {
  return { ...newIndicator('i1'), unit: 'anders', ...over }
}

const ella = shape('shape:ella', 'wt-participant', {
  name: 'Ëlla Dönmez',
  organisation: 'Buurtvereniging',
})
const woco = shape('shape:woco', 'wt-participant', { name: '', organisation: 'Woonstede' })

describe('buildActionsCsv', () => {
  it('writes what Excel on a Dutch Windows reads: BOM, semicolons, CRLF, Dutch headers and decimal commas', () => {
    const csv = buildActionsCsv(
      [
        page('page:b', 'a2'),
        ella,
        action('shape:a1', {
          what: 'Geveltuinen in 12 straten; "groen" voor iedereen',
          ownerId: 'shape:ella',
          due: '2026-05-01',
          status: 'bezig',
          values: ['sociaal', 'ecologisch'],
          indicators: [indicator({ what: 'Aantal geveltuinen', baseline: -3.5, target: 40 })],
        }),
      ],
      'nl',
    )
    expect(csv).toBe(
      '\uFEFF' +
        'Wat;Eigenaar;Klaar op;Status;Waarde;Indicator;Eenheid;Nulmeting;Doel;Laatste meting;Datum laatste meting\r\n' +
        '"Geveltuinen in 12 straten; ""groen"" voor iedereen";Ëlla Dönmez;2026-05-01;Bezig;Sociaal, Ecologisch;Aantal geveltuinen;Iets anders;-3,5;40;;\r\n',
    )
  })

  it("gives the first indicator's latest measurement with its date, corrections applied", () => {
    const trees = indicator({ id: 'bomen', what: 'Bomen geplant', unit: 'aantal', target: 20 })
    const grams = indicator({ id: 'g', unit: 'anders', unitLabel: 'kilo groente' })
    const m = (value: number, date: string, corrects: string | null = null) => ({
      actionId: 'shape:a1',
      indicatorId: 'bomen',
      value,
      date,
      by: 'Bewoners',
      note: '',
      at: 1,
      personId: 'p1',
      roundId: null,
      corrects,
    })
    const csv = buildActionsCsv(
      [
        page('page:b', 'a2'),
        action('shape:a1', { what: 'Bomen', indicators: [trees, grams] }),
        action('shape:a2', { what: 'Groente', indicators: [grams] }, { y: 10 }),
      ],
      'nl',
      [
        ['measurement:m1', m(4, '2026-05-01')],
        ['measurement:m2', m(90, '2026-09-01')],
        ['measurement:m3', m(9, '2026-09-01', 'm2')],
        ['measurement:m4', m(2, '2026-02-01')],
      ],
    )
    expect(csv.slice(1).split('\r\n').slice(1, 3)).toEqual([
      'Bomen;;;Idee;;Bomen geplant;Aantal;;20;9;2026-09-01',
      'Groente;;;Idee;;;kilo groente;;;;',
    ])
  })

  it('reads an action card stored before indicators were a list', () => {
    const old = shape('shape:old', 'wt-action', {
      what: 'Demonstratiewoning',
      status: 'bezig',
      values: [],
      indicator: 'Bezoekers',
      baseline: 0,
      target: 150,
      latest: 37,
    })
    const csv = buildActionsCsv([page('page:b', 'a2'), old], 'en')
    expect(csv.slice(1).split('\r\n')[1]).toBe(
      'Demonstratiewoning;;;In progress;;Bezoekers;;0;150;37;',
    )
  })

  it('keeps anything that starts like a formula as text, and line breaks inside one cell', () => {
    const csv = buildActionsCsv(
      [
        page('page:b', 'a2'),
        woco,
        action(
          'shape:1',
          { what: '=HYPERLINK("https://example.org","klik")', ownerId: 'shape:woco' },
          { y: 1 },
        ),
        action('shape:2', { what: '+31 6 12345678' }, { y: 2 }),
        action('shape:3', { what: '-weg met de tegels' }, { y: 3 }),
        action(
          'shape:4',
          { what: '@buurtapp', indicators: [indicator({ what: '=1+1' })] },
          { y: 4 },
        ),
        action('shape:5', { what: 'regel 1\nregel 2', ownerId: 'shape:gone' }, { y: 5 }),
      ],
      'nl',
    )
    const rows = csv.slice(1).split('\r\n')
    expect(rows.slice(1, 6)).toEqual([
      `"'=HYPERLINK(""https://example.org"",""klik"")";Woonstede;;Idee;;;;;;;`,
      `'+31 6 12345678;;;Idee;;;;;;;`,
      `'-weg met de tegels;;;Idee;;;;;;;`,
      `'@buurtapp;;;Idee;;'=1+1;Iets anders;;;;`,
      `"regel 1\nregel 2";;;Idee;;;;;;;`,
    ])
  })

  it('lists the actions map by map, top to bottom, left to right, and nothing else', () => {
    const csv = buildActionsCsv(
      [
        page('page:b', 'a2'),
        page('page:a', 'a1'),
        shape('shape:zone', 'wt-zone', { title: 'Acties' }, { x: 0, y: 500 }),
        action('shape:late', { what: 'C' }, { y: 100, parentId: 'shape:zone' }),
        action('shape:right', { what: 'B' }, { x: 300, y: 550 }),
        action('shape:first', { what: 'A' }, { x: 900, y: 900, parentId: 'page:a' }),
        shape('shape:other', 'wt-decision', { what: 'Geen actie' }),
      ],
      'en',
    )
    const rows = csv.slice(1).trimEnd().split('\r\n')
    expect(rows[0]).toBe(
      'What;Owner;Due;Status;Value;Indicator;Unit;Baseline;Target;Latest measurement;Date of latest measurement',
    )
    expect(rows.slice(1).map((row) => row.split(';')[0])).toEqual(['A', 'B', 'C'])
  })

  it('is only the header row on a board without actions', () => {
    expect(buildActionsCsv([page('page:a', 'a1')], 'nl').split('\r\n')).toEqual([
      '\uFEFFWat;Eigenaar;Klaar op;Status;Waarde;Indicator;Eenheid;Nulmeting;Doel;Laatste meting;Datum laatste meting',
      '',
    ])
  })
})
