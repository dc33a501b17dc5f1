import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  YDOC_IMPACT,
  createWijktafelSchema,
  measurementKey,
  measurementsOf,
  parseRefusal,
  readImpact,
  roundKey,
  roundStatusKey,
} from '@wijktafel/shared'
import type {
  BoardFile,
  CreateBoardResponse,
  EvaluationRound,
  Indicator,
  Measurement,
} from '@wijktafel/shared'
import { expectError, request, saveVersion, tableCounts } from '../helpers/boardHttp.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestClient, TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

type Role = keyof CreateBoardResponse['tokens']
type Json = Record<string, unknown>

async function connected(server: TestServer, board: CreateBoardResponse, ...roles: Role[]) {
  const clients = roles.map((role) => connectClient(server, board.id, board.tokens[role]))
  await Promise.all(clients.map((client) => waitForSynced(client.provider)))
  return clients
}

const impact = (client: TestClient) => client.doc.getMap<unknown>(YDOC_IMPACT)
const write = (client: TestClient, entries: Record<string, unknown>) =>
  client.doc.transact(() => {
    for (const [key, value] of Object.entries(entries)) impact(client).set(key, value)
  })

/** Every value a client's impact map ever held under a key, from now on. */
function valuesSeen(client: TestClient): Map<string, unknown[]> {
  const seen = new Map<string, unknown[]>()
  impact(client).observe((event) => {
    for (const key of event.keysChanged) {
      const value = impact(client).get(key)
      if (value !== undefined) seen.set(key, [...(seen.get(key) ?? []), value])
    }
  })
  return seen
}

/** The example's action about trees: its shape id and its indicators. */
function treesAction(client: TestClient): { id: string; indicators: Indicator[] } {
  const records = client.doc.getMap<Json>('records')
  for (const [id, record] of records.entries()) {
    const props = record.props as { indicators?: Indicator[] } | undefined
    if (record.type === 'wt-action' && props?.indicators?.some((i) => i.id === 'bomen')) {
      return { id, indicators: props.indicators }
    }
  }
  throw new Error('the example has no action counting trees')
}

const today = () => new Date().toISOString().slice(0, 10)
const daysAhead = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

function measurement(actionId: string, over: Partial<Measurement> = {}): Measurement {
  return {
    actionId,
    indicatorId: 'bomen',
    value: 6,
    date: today(),
    by: 'Bewoners Lindelaan',
    note: 'Geteld na de plantdag',
    at: Date.now(),
    personId: 'ana-1',
    roundId: null,
    corrects: null,
    ...over,
  }
}

const round: EvaluationRound = {
  id: 'voorjaar-2027',
  title: 'Evaluatie voorjaar 2027',
  date: today(),
  startedAt: Date.now(),
  by: 'Marieke',
}

async function example(server: TestServer) {
  return createBoard(server, 'De Horst', 'example')
}

describe('measuring impact', () => {
  it('a new example board carries a year of measurements and two evaluation rounds', async () => {
    const server = await startServer()
    const board = await example(server)
    const [viewer] = await connected(server, board, 'viewer')
    const state = readImpact(impact(viewer!).entries())
    expect(
      Object.values(state.rounds)
        .map((r) => r.title)
        .sort(),
    ).toEqual(['Evaluatie najaar 2026', 'Evaluatie voorjaar 2026'])
    expect(Object.keys(state.measurements).length).toBeGreaterThan(30)
    expect(Object.keys(state.roundStatus)).toHaveLength(8)
    expect(Object.keys(state.measurements).length + 2 + 8).toBe(impact(viewer!).size)
    const trees = treesAction(viewer!)
    expect(measurementsOf(state, trees.id, 'bomen').map((m) => m.value)).toEqual([0, 8])
  })

  it('a measurement one editor adds reaches the other and is kept after a restart', async () => {
    const first = await startServer()
    const board = await example(first)
    const [ana, bram] = await connected(first, board, 'editor', 'editor')
    const action = treesAction(ana!)
    const before = impact(bram!).size
    const m1 = measurement(action.id)

    write(ana!, { [measurementKey('m1')]: m1 })
    await waitFor(() => impact(bram!).has(measurementKey('m1')), {
      message: 'the other editor sees the measurement',
    })
    expect(impact(bram!).get(measurementKey('m1'))).toEqual(m1)
    expect(impact(bram!).size).toBe(before + 1)
    expect(ana!.denied).toEqual([])

    for (const client of [ana!, bram!]) client.provider.destroy()
    await first.server.close()
    const second = await startServer({ dataDir: first.dataDir })
    const [late] = await connected(second, board, 'viewer')
    expect(impact(late!).get(measurementKey('m1'))).toEqual(m1)
  })

  it('puts back an invalid measurement with its reason; the rest of the board does not change', async () => {
    const server = await startServer()
    const board = await example(server)
    const [ana, bram] = await connected(server, board, 'editor', 'editor')
    const action = treesAction(ana!)
    const seenByBram = valuesSeen(bram!)
    const start = impact(bram!).toJSON()

    const bad: [string, unknown, string][] = [
      [
        'a',
        { ...measurement(action.id), value: 'zes' },
        'impact measurement value is not a number',
      ],
      [
        'b',
        measurement(action.id, { date: daysAhead(400) }),
        'impact measurement date is more than a year ahead',
      ],
      ['c', measurement(action.id, { value: -3 }), 'impact: the value is below 0 (aantal)'],
      ['d', measurement('shape:nergens'), 'impact: the action shape:nergens is not on the board'],
    ]
    for (const [id, value, reason] of bad) {
      write(ana!, { [measurementKey(id)]: value })
      await waitFor(() => ana!.denied.length > 0, { message: `ana is told why (${id})` })
      expect(ana!.denied.map(parseRefusal)).toEqual([reason])
      await waitFor(() => !impact(ana!).has(measurementKey(id)), {
        message: `ana's map converges back (${id})`,
      })
      ana!.denied.length = 0
    }
    // A good one after them arrives; none of the bad ones ever reached Bram.
    write(ana!, { [measurementKey('ok')]: measurement(action.id) })
    await waitFor(() => impact(bram!).has(measurementKey('ok')), {
      message: 'the good one arrives',
    })
    expect([...seenByBram.keys()]).toEqual([measurementKey('ok')])
    expect(impact(bram!).toJSON()).toEqual({
      ...start,
      [measurementKey('ok')]: measurement(action.id, {
        at: (impact(bram!).get(measurementKey('ok')) as Measurement).at,
      }),
    })
  })

  it('nobody overwrites or deletes a measurement; a correction is added instead', async () => {
    const server = await startServer()
    const board = await example(server)
    const [facilitator, ana, bram] = await connected(
      server,
      board,
      'facilitator',
      'editor',
      'editor',
    )
    const action = treesAction(ana!)
    const m1 = measurement(action.id, { value: 60 })
    write(ana!, { [measurementKey('m1')]: m1 })
    await waitFor(() => impact(bram!).has(measurementKey('m1')), { message: 'm1 arrives' })
    const seenByAna = valuesSeen(ana!)

    write(bram!, { [measurementKey('m1')]: { ...m1, value: 6 } })
    await waitFor(() => bram!.denied.length === 1, { message: 'bram is told' })
    expect(bram!.denied.map(parseRefusal)).toEqual([
      'a measurement is never changed; add a correction instead',
    ])
    await waitFor(() => (impact(bram!).get(measurementKey('m1')) as Measurement).value === 60, {
      message: 'bram converges back to 60',
    })

    impact(facilitator!).delete(measurementKey('m1'))
    await waitFor(() => facilitator!.denied.length === 1, { message: 'the facilitator is told' })
    expect(facilitator!.denied.map(parseRefusal)).toEqual([
      'a measurement is never deleted; add a correction instead',
    ])
    await waitFor(() => impact(facilitator!).has(measurementKey('m1')), {
      message: 'the measurement comes back',
    })

    const fix = measurement(action.id, { value: 6, corrects: 'm1' })
    write(bram!, { [measurementKey('m2')]: fix })
    await waitFor(() => impact(ana!).has(measurementKey('m2')), {
      message: 'the correction arrives',
    })
    // Ana never saw 60 become 6 or disappear (the server may rewrite it with the same value).
    expect(impact(ana!).get(measurementKey('m1'))).toEqual(m1)
    for (const value of seenByAna.get(measurementKey('m1')) ?? []) expect(value).toEqual(m1)
    expect(seenByAna.get(measurementKey('m2'))).toEqual([fix])
  })

  it('rounds are the facilitator’s; round statuses and measurements in a round anyone’s who edits', async () => {
    const server = await startServer()
    const board = await example(server)
    const [facilitator, ana] = await connected(server, board, 'facilitator', 'editor')
    const action = treesAction(ana!)

    write(ana!, { [roundKey(round.id)]: round })
    await waitFor(() => ana!.denied.length === 1, { message: 'ana is told' })
    expect(ana!.denied.map(parseRefusal)).toEqual([
      'impact.round:voorjaar-2027 is for the facilitator only',
    ])
    await waitFor(() => !impact(ana!).has(roundKey(round.id)), { message: 'ana converges' })

    write(facilitator!, { [roundKey(round.id)]: round })
    await waitFor(() => impact(ana!).has(roundKey(round.id)), { message: 'the round reaches ana' })
    const status = { status: 'bezig', note: 'Zes bomen staan, de speelplek volgt', at: Date.now() }
    write(ana!, {
      [roundStatusKey(round.id, action.id)]: status,
      [measurementKey('r1')]: measurement(action.id, { roundId: round.id }),
    })
    await waitFor(() => impact(facilitator!).has(measurementKey('r1')), {
      message: 'the round status and measurement reach the facilitator',
    })
    expect(impact(facilitator!).get(roundStatusKey(round.id, action.id))).toEqual(status)

    impact(ana!).delete(roundKey(round.id))
    await waitFor(() => ana!.denied.length === 2, { message: 'ana cannot end the round' })
    await waitFor(() => impact(ana!).has(roundKey(round.id)), { message: 'the round comes back' })
  })

  it('the board file keeps the impact map; the actions sheet shows the latest measurement', async () => {
    const server = await startServer()
    const board = await example(server)
    const [ana] = await connected(server, board, 'editor')
    const action = treesAction(ana!)
    write(ana!, { [measurementKey('m1')]: measurement(action.id, { value: 9 }) })
    await waitFor(() => server.server.store.loadDoc(board.id).updates.length > 0, {
      message: 'the measurement is stored',
    })
    const original = impact(ana!).toJSON()

    const exported = await request(server, 'GET', `/api/boards/${board.id}/export.json`, {
      token: board.tokens.viewer,
    })
    const file = (await exported.json()) as BoardFile
    expect(file.impact).toEqual(original)
    const res = await request(server, 'POST', '/api/boards/import', { body: JSON.stringify(file) })
    expect(res.status).toBe(201)
    const copy = (await res.json()) as CreateBoardResponse
    const [reader] = await connected(server, copy, 'viewer')
    expect(impact(reader!).toJSON()).toEqual(original)

    const csv = await request(server, 'GET', `/api/boards/${board.id}/actions.csv?locale=nl`, {
      token: board.tokens.viewer,
    })
    const row = (await csv.text()).split('\r\n').find((line) => line.includes('Bomen geplant'))
    expect(row?.split(';').slice(-6)).toEqual(['Bomen geplant', 'Aantal', '0', '20', '9', today()])
  })

  it('a file with a malformed impact entry is refused whole', async () => {
    const server = await startServer()
    const board = await example(server)
    const exported = await request(server, 'GET', `/api/boards/${board.id}/export.json`, {
      token: board.tokens.viewer,
    })
    const file = (await exported.json()) as BoardFile
    file.impact = { [measurementKey('x')]: { value: 'veel' } }
    const res = await request(server, 'POST', '/api/boards/import', { body: JSON.stringify(file) })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { code: string }).code).toBe('invalid_record')
  })

  it('a file whose impact map alone is over MAX_BOARD_BYTES is refused with the size error, creating nothing', async () => {
    const source = await startServer()
    const board = await example(source)
    const exported = await request(source, 'GET', `/api/boards/${board.id}/export.json`, {
      token: board.tokens.viewer,
    })
    const file = (await exported.json()) as BoardFile
    const action = file.records.find(
      (r) =>
        (r as Json).type === 'wt-action' &&
        ((r as Json).props as { indicators: Indicator[] }).indicators.some((i) => i.id === 'bomen'),
    ) as Json
    // A limit the board itself keeps to, with room to spare.
    const maxBoardBytes = JSON.stringify(file).length + 64 * 1024
    const server = await startServer({ maxBoardBytes })
    const fits = await request(server, 'POST', '/api/boards/import', { body: JSON.stringify(file) })
    expect(fits.status, 'the board with its own measurements fits').toBe(201)
    // Thousands of well-formed measurements: more than the limit on their own.
    const big: BoardFile = { ...file, impact: { ...file.impact } }
    for (let i = 0; JSON.stringify(big.impact).length < 2 * maxBoardBytes; i++) {
      big.impact![measurementKey(`veel-${i}`)] = measurement(action.id as string, {
        value: i,
        note: `Telling ${i} van de Lindelaan, de Horst en de speeltuin achter de school`,
      })
    }
    const before = tableCounts(server)
    const res = await request(server, 'POST', '/api/boards/import', { body: JSON.stringify(big) })
    await expectError(res, 413, 'payload_too_large')
    expect(tableCounts(server), 'nothing created').toEqual(before)
  })

  it('restoring a version keeps every measurement added since, and the rounds', async () => {
    const server = await startServer()
    const board = await example(server)
    const [facilitator] = await connected(server, board, 'facilitator')
    const action = treesAction(facilitator!)
    const exampleSize = impact(facilitator!).size
    write(facilitator!, { [measurementKey('m1')]: measurement(action.id, { value: 2 }) })
    await waitFor(() => server.server.store.loadDoc(board.id).updates.length > 0, {
      message: 'm1 is stored',
    })
    const saved = await saveVersion(server, board.id, board.tokens.facilitator, { name: 'Eerst' })
    write(facilitator!, {
      [measurementKey('m2')]: measurement(action.id, { value: 5 }),
      [roundKey(round.id)]: round,
    })
    const records = facilitator!.doc.getMap<Json>('records')
    facilitator!.doc.transact(() => records.delete(action.id))
    await waitFor(() => server.server.store.loadDoc(board.id).updates.length > 1, {
      message: 'm2, the round and the deletion are stored',
    })

    const res = await request(
      server,
      'POST',
      `/api/boards/${board.id}/versions/${saved.id}/restore`,
      { token: board.tokens.facilitator },
    )
    expect(res.status).toBe(200)
    await waitFor(() => records.has(action.id), { message: 'the action card is back' })
    const keys = Object.keys(impact(facilitator!).toJSON())
    expect(keys).toEqual(
      expect.arrayContaining([measurementKey('m1'), measurementKey('m2'), roundKey(round.id)]),
    )
    expect(keys).toHaveLength(exampleSize + 3)
  })
})

describe("a board stored in today's layout", () => {
  const fixture = JSON.parse(
    readFileSync(
      new URL('../../shared/src/cards/fixtures/example-board-before-kit.json', import.meta.url),
      'utf8',
    ),
  ) as { schema: unknown; records: Json[] }

  it('imports with its action cards migrated, and takes measurements of the old indicator', async () => {
    const server = await startServer()
    const file = {
      format: 'wijktafel-board',
      formatVersion: 1,
      exportedAt: new Date().toISOString(),
      board: { title: 'De Horst', createdAt: '2026-03-12T19:00:00.000Z' },
      schema: fixture.schema,
      records: fixture.records,
      omittedPhotos: 0,
    }
    const res = await request(server, 'POST', '/api/boards/import', { body: JSON.stringify(file) })
    expect(res.status).toBe(201)
    const board = (await res.json()) as CreateBoardResponse
    const [ana] = await connected(server, board, 'editor')
    expect(ana!.doc.getMap('meta').get('schema')).toEqual(createWijktafelSchema().serialize())
    const [id, demo] = [...ana!.doc.getMap<Json>('records').entries()].find(
      ([, r]) => (r.props as Json | undefined)?.what === 'Demonstratiewoning open voor buren',
    )!
    expect((demo.props as Json).indicators).toEqual([
      {
        id: 'i1',
        what: 'Bezoekers',
        unit: 'anders',
        unitLabel: '',
        baseline: 0,
        target: 150,
        measuredBy: 'bewoners',
        euroPerUnit: null,
        undatedLatest: 37,
      },
    ])
    expect(demo.props).not.toHaveProperty('latest')

    write(ana!, { [measurementKey('m1')]: measurement(id, { indicatorId: 'i1', value: 52 }) })
    const [other] = await connected(server, board, 'viewer')
    await waitFor(() => impact(other!).has(measurementKey('m1')), {
      message: 'the measurement of the migrated indicator is taken',
    })
    expect(ana!.denied).toEqual([])
  })
})
