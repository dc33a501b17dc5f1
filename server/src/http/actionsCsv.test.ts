import { describe, expect, it } from 'vitest'
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
      indicator: '',
      baseline: null,
      target: null,
      latest: null,
      ...props,
    },
    at,
  )
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
          indicator: 'Aantal geveltuinen',
          baseline: -3.5,
          target: 40,
          latest: null,
        }),
      ],
      'nl',
    )
    expect(csv).toBe(
      '\uFEFF' +
        'Wat;Eigenaar;Klaar op;Status;Waarde;Indicator;Nulmeting;Doel;Laatste meting\r\n' +
        '"Geveltuinen in 12 straten; ""groen"" voor iedereen";Ëlla Dönmez;2026-05-01;Bezig;Sociaal, Ecologisch;Aantal geveltuinen;-3,5;40;\r\n',
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
        action('shape:4', { what: '@buurtapp', indicator: '=1+1' }, { y: 4 }),
        action('shape:5', { what: 'regel 1\nregel 2', ownerId: 'shape:gone' }, { y: 5 }),
      ],
      'nl',
    )
    const rows = csv.slice(1).split('\r\n')
    expect(rows.slice(1, 6)).toEqual([
      `"'=HYPERLINK(""https://example.org"",""klik"")";Woonstede;;Idee;;;;;`,
      `'+31 6 12345678;;;Idee;;;;;`,
      `'-weg met de tegels;;;Idee;;;;;`,
      `'@buurtapp;;;Idee;;'=1+1;;;`,
      `"regel 1\nregel 2";;;Idee;;;;;`,
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
    expect(rows[0]).toBe('What;Owner;Due;Status;Value;Indicator;Baseline;Target;Latest measurement')
    expect(rows.slice(1).map((row) => row.split(';')[0])).toEqual(['A', 'B', 'C'])
  })

  it('is only the header row on a board without actions', () => {
    expect(buildActionsCsv([page('page:a', 'a1')], 'nl').split('\r\n')).toEqual([
      '\uFEFFWat;Eigenaar;Klaar op;Status;Waarde;Indicator;Nulmeting;Doel;Laatste meting',
      '',
    ])
  })
})
