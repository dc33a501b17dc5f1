import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { actionsCsvFileName } from '@wijktafel/shared'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { expectError, request } from '../helpers/boardHttp.js'
import { testContext } from '../helpers/testContext.js'
import { waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

type Shape = { id: string; typeName: string; type: string; props: Record<string, unknown> }

describe('the action list as CSV', () => {
  it('lists every action of the example board, and a CSV parser reads it back', async () => {
    const server = await startServer()
    const created = await request(server, 'POST', '/api/boards', {
      json: { title: 'De Horst', template: 'example', locale: 'nl' },
    })
    const board = (await created.json()) as CreateBoardResponse
    const client = connectClient(server, board.id, board.tokens.viewer)
    await waitForSynced(client.provider)
    const shapes = [...client.doc.getMap<Shape>('records').values()].filter(
      (r) => r.typeName === 'shape',
    )
    const actions = shapes.filter((s) => s.type === 'wt-action')
    const names = new Map(shapes.map((s) => [s.id, s.props.name]))
    expect(actions.length).toBeGreaterThan(2)

    const res = await request(server, 'GET', `/api/boards/${board.id}/actions.csv`, {
      token: board.tokens.viewer,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="${actionsCsvFileName('De Horst', new Date())}"`,
    )
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM
    const rows = parse(Buffer.from(bytes), {
      bom: true,
      delimiter: ';',
      columns: true,
      record_delimiter: '\r\n',
    }) as Record<string, string>[]

    expect(rows.length).toBe(actions.length)
    for (const action of actions) {
      const row = rows.find((r) => r.Wat === action.props.what)
      expect(row, String(action.props.what)).toBeDefined()
      expect(row!.Eigenaar).toBe(names.get(action.props.ownerId as string) ?? '')
      expect(row!['Klaar op']).toBe(action.props.due)
      expect(row!.Status!.length).toBeGreaterThan(2)
    }
    expect(Object.keys(rows[0]!)).toEqual([
      'Wat',
      'Eigenaar',
      'Klaar op',
      'Status',
      'Waarde',
      'Indicator',
      'Eenheid',
      'Nulmeting',
      'Doel',
      'Laatste meting',
      'Datum laatste meting',
    ])
    // The example's latest dated measurement of each action's first indicator.
    const packs = rows.find((r) => r.Indicator === 'Huishoudens met een pakket')!
    expect([packs.Eenheid, packs['Laatste meting'], packs['Datum laatste meting']]).toEqual([
      'Aantal',
      '156',
      '2026-11-21',
    ])

    // English headers on request; no token, no list.
    const english = await request(server, 'GET', `/api/boards/${board.id}/actions.csv?locale=en`, {
      token: board.tokens.editor,
    })
    // (text() drops the BOM, as a browser would.)
    expect((await english.text()).split('\r\n')[0]).toBe(
      'What;Owner;Due;Status;Value;Indicator;Unit;Baseline;Target;Latest measurement;Date of latest measurement',
    )
    await expectError(
      await request(server, 'GET', `/api/boards/${board.id}/actions.csv`),
      401,
      'unauthorized',
    )
  })
})
