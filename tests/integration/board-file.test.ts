import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createWijktafelSchema, fileDate } from '@wijktafel/shared'
import type {
  AssetUploadResponse,
  BoardFile,
  BoardInfo,
  CreateBoardResponse,
} from '@wijktafel/shared'
import { TINY_PNG, expectError, listVersions, request, tableCounts } from '../helpers/boardHttp.js'
import { PAGE_ID, olderGeoShape, putRecords } from '../helpers/records.js'
import { testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

const FIXTURE = JSON.parse(
  readFileSync(
    new URL('../../shared/src/cards/fixtures/example-board-before-kit.json', import.meta.url),
    'utf8',
  ),
) as { schema: { sequences: Record<string, number> }; records: Record<string, unknown>[] }

type Json = Record<string, unknown>

async function createExample(server: TestServer): Promise<CreateBoardResponse> {
  const res = await request(server, 'POST', '/api/boards', {
    json: { title: 'Dé Horst, Arnhem', template: 'example', locale: 'nl' },
  })
  expect(res.status).toBe(201)
  return (await res.json()) as CreateBoardResponse
}

/** The board's records as a viewer's client receives them, by id. */
async function boardRecords(server: TestServer, boardId: string, token: string) {
  const client = connectClient(server, boardId, token)
  await waitForSynced(client.provider)
  const records = client.doc.getMap('records').toJSON() as Record<string, Json>
  client.provider.destroy()
  return records
}

function importFile(server: TestServer, body: string): Promise<Response> {
  return request(server, 'POST', '/api/boards/import', {
    body,
    json: undefined,
  })
}

/** A board file as this version writes it, around `records` at `schema`. */
function boardFile(records: unknown[], schema: unknown = createWijktafelSchema().serialize()) {
  return {
    format: 'wijktafel-board',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    board: { title: 'De Horst', createdAt: '2026-03-12T19:00:00.000Z' },
    schema,
    records,
    omittedPhotos: 0,
  }
}

/** Everything an import could leave behind: rows of every table (photos and versions too). */
function everything(server: TestServer) {
  return { boards: server.server.store.countBoards(), tables: tableCounts(server) }
}

async function expectNothingCreated(
  server: TestServer,
  res: Response,
  status: number,
  code: string,
) {
  const before = tableCounts(server)
  await expectError(res, status, code)
  expect(tableCounts(server)).toEqual(before)
}

describe('the board as a JSON file', () => {
  it('exports a board with its photo and imports it as an equal new board', async () => {
    const server = await startServer()
    const board = await createExample(server)
    // A photo on the board, as the browser places one.
    const upload = await request(server, 'POST', `/api/boards/${board.id}/assets`, {
      token: board.tokens.editor,
      body: TINY_PNG,
    })
    const { src } = (await upload.json()) as AssetUploadResponse
    const ana = connectClient(server, board.id, board.tokens.editor)
    await waitForSynced(ana.provider)
    const pageId = [...ana.doc.getMap<Json>('records').values()].find((r) => r.typeName === 'page')!
      .id as string
    putRecords(
      ana.doc,
      {
        id: 'asset:photo',
        typeName: 'asset',
        type: 'image',
        props: { name: 'straat.png', src, w: 1, h: 1, mimeType: 'image/png', isAnimated: false },
        meta: {},
      },
      {
        id: 'shape:photo',
        typeName: 'shape',
        type: 'image',
        x: 0,
        y: 0,
        rotation: 0,
        index: 'a2',
        parentId: pageId,
        isLocked: false,
        opacity: 1,
        meta: {},
        props: {
          w: 100,
          h: 100,
          assetId: 'asset:photo',
          playing: true,
          url: '',
          crop: null,
          flipX: false,
          flipY: false,
          altText: '',
        },
      },
    )
    await waitFor(() => server.server.store.loadDoc(board.id).updates.length > 0, {
      message: 'the photo is on the board',
    })

    const exported = await request(server, 'GET', `/api/boards/${board.id}/export.json`, {
      token: board.tokens.viewer,
    })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(exported.headers.get('content-disposition')).toBe(
      `attachment; filename="de-horst-arnhem-${fileDate(new Date())}.wijktafel.json"`,
    )
    const text = await exported.text()
    const file = JSON.parse(text) as BoardFile
    expect(file).toMatchObject({
      format: 'wijktafel-board',
      formatVersion: 1,
      board: { title: 'Dé Horst, Arnhem' },
      omittedPhotos: 0,
    })
    expect(file.schema).toEqual(createWijktafelSchema().serialize())
    const photo = file.records.find((r) => (r as Json).id === 'asset:photo') as Json
    expect((photo.props as Json).src).toBe(
      `data:image/png;base64,${Buffer.from(TINY_PNG).toString('base64')}`,
    )

    const boards = server.server.store.countBoards()
    const res = await importFile(server, text)
    expect(res.status).toBe(201)
    const copy = (await res.json()) as CreateBoardResponse
    expect(copy.id).not.toBe(board.id)
    expect(copy.title).toBe('Dé Horst, Arnhem')
    expect(server.server.store.countBoards()).toBe(boards + 1)
    const info = await request(server, 'GET', `/api/boards/${copy.id}`, {
      token: copy.tokens.facilitator,
    })
    expect(((await info.json()) as BoardInfo).role).toBe('facilitator')

    // The same records; only the photo's URL names the new board, and it shows the same picture.
    const original = await boardRecords(server, board.id, board.tokens.viewer)
    const imported = await boardRecords(server, copy.id, copy.tokens.viewer)
    const newSrc = (imported['asset:photo']!.props as Json).src as string
    expect(newSrc).toMatch(new RegExp(`^/api/boards/${copy.id}/assets/[A-Za-z0-9_-]{22}$`))
    const picture = await fetch(`${server.url}${newSrc}`)
    expect(new Uint8Array(await picture.arrayBuffer())).toEqual(TINY_PNG)
    const withoutSrc = (records: Record<string, Json>) => ({
      ...records,
      'asset:photo': {
        ...records['asset:photo'],
        props: { ...(records['asset:photo']!.props as Json), src: '' },
      },
    })
    expect(Object.keys(imported).length).toBeGreaterThan(80)
    expect(withoutSrc(imported)).toEqual(withoutSrc(original))

    // The new board starts with a version of itself as imported.
    const versions = await listVersions(server, copy.id, copy.tokens.viewer)
    expect(versions).toMatchObject([{ kind: 'auto', reason: 'before-import' }])
  })

  it('imports a board stored before the card kit, and migrates records written at an older schema', async () => {
    const server = await startServer()
    const older = olderGeoShape('oud')
    const schema = {
      ...FIXTURE.schema,
      sequences: { ...FIXTURE.schema.sequences, 'com.tldraw.shape.geo': 11 },
    }
    const pageId = FIXTURE.records.find((r) => r.typeName === 'page')!.id
    const records = [...FIXTURE.records, { ...older, parentId: pageId }]
    expect(older.props).not.toHaveProperty('flipX')

    const res = await importFile(server, JSON.stringify(boardFile(records, schema)))
    expect(res.status).toBe(201)
    const copy = (await res.json()) as CreateBoardResponse
    const imported = await boardRecords(server, copy.id, copy.tokens.viewer)
    // Migrated up: geo version 12 added flipX and flipY.
    expect(imported['shape:oud']!.props).toMatchObject({ flipX: false, flipY: false })
    // The action, lesson and bottleneck cards moved to the impact model's fields
    // (tests/integration/impact.test.ts); every other record is as it was.
    const newField: Record<string, string> = {
      'wt-action': 'indicators',
      'wt-lesson': 'roundId',
      'wt-bottleneck': 'roundId',
    }
    for (const record of FIXTURE.records) {
      const now = imported[record.id as string]!
      const field = newField[record.type as string]
      if (field) expect(now.props).toHaveProperty(field)
      else expect(now).toEqual(record)
    }
    expect(Object.keys(imported).length).toBe(FIXTURE.records.length + 1)
  })

  it('refuses a corrupt, foreign, newer, invalid or incomplete file with a clear error and creates nothing', async () => {
    const server = await startServer()
    const records = FIXTURE.records
    const valid = boardFile(records)
    const action = records.find((r) => r.type === 'wt-action')!
    const cases: [string, string, number, string][] = [
      ['damaged JSON', JSON.stringify(valid).slice(0, 500), 400, 'invalid_json'],
      ['not JSON at all', 'PK\u0003\u0004 zip', 400, 'invalid_json'],
      [
        'a tldraw file',
        JSON.stringify({ tldrawFileFormatVersion: 1, schema: {}, records }),
        400,
        'not_a_board_file',
      ],
      [
        'another format',
        JSON.stringify({ ...valid, format: 'miro-board' }),
        400,
        'not_a_board_file',
      ],
      ['a newer file format', JSON.stringify({ ...valid, formatVersion: 2 }), 400, 'newer_format'],
      [
        'no records',
        JSON.stringify({ ...valid, records: 'all of them' }),
        400,
        'invalid_board_file',
      ],
      ['no title', JSON.stringify({ ...valid, board: {} }), 400, 'invalid_board_file'],
      [
        'a newer schema',
        JSON.stringify(
          boardFile(records, {
            schemaVersion: 2,
            sequences: { ...FIXTURE.schema.sequences, 'com.tldraw.shape.wt-action': 99 },
          }),
        ),
        400,
        'newer_schema',
      ],
      [
        'an action with an unknown status',
        JSON.stringify(
          boardFile(
            records.map((r) =>
              r === action ? { ...r, props: { ...(r.props as Json), status: 'misschien' } } : r,
            ),
          ),
        ),
        400,
        'invalid_record',
      ],
      [
        'a record without id',
        JSON.stringify(boardFile([...records, { typeName: 'shape' }])),
        400,
        'invalid_record',
      ],
      [
        'a camera (session state)',
        JSON.stringify(
          boardFile([
            ...records,
            { id: 'camera:x', typeName: 'camera', x: 0, y: 0, z: 1, meta: {} },
          ]),
        ),
        400,
        'invalid_record',
      ],
      [
        'a picture on another host',
        JSON.stringify(
          boardFile([
            ...records,
            {
              id: 'asset:x',
              typeName: 'asset',
              type: 'image',
              props: {
                name: 'x.png',
                src: 'https://example.org/x.png',
                w: 1,
                h: 1,
                mimeType: 'image/png',
                isAnimated: false,
              },
              meta: {},
            },
          ]),
        ),
        400,
        'invalid_record',
      ],
      [
        'an SVG picture',
        JSON.stringify(
          boardFile([
            ...records,
            {
              id: 'asset:x',
              typeName: 'asset',
              type: 'image',
              props: {
                name: 'x.svg',
                src: `data:image/svg+xml;base64,${Buffer.from('<svg><script>alert(1)</script></svg>').toString('base64')}`,
                w: 1,
                h: 1,
                mimeType: 'image/svg+xml',
                isAnimated: false,
              },
              meta: {},
            },
          ]),
        ),
        400,
        'invalid_photo',
      ],
      [
        'no page',
        JSON.stringify(boardFile(records.filter((r) => r.typeName !== 'page'))),
        400,
        'incomplete_board',
      ],
      [
        'no document record',
        JSON.stringify(boardFile(records.filter((r) => r.typeName !== 'document'))),
        400,
        'incomplete_board',
      ],
    ]
    for (const [what, body, status, code] of cases) {
      const before = everything(server)
      const res = await importFile(server, body)
      expect(res.status, what).toBe(status)
      const answer = (await res.json()) as { code: string; error: string }
      expect(answer.code, what).toBe(code)
      expect(answer.error.length, what).toBeGreaterThan(15)
      expect(everything(server), what).toEqual(before)
    }
    expect(server.server.store.countBoards()).toBe(0)
  })

  it('refuses a file over MAX_IMPORT_BYTES with 413 and creates nothing', async () => {
    const server = await startServer({ maxImportBytes: 64 * 1024 })
    const big = JSON.stringify(
      boardFile([
        ...FIXTURE.records,
        ...Array.from({ length: 200 }, (_, i) => ({
          ...olderGeoShape(`g${i}`),
          parentId: PAGE_ID,
        })),
      ]),
    )
    expect(big.length).toBeGreaterThan(64 * 1024)
    await expectNothingCreated(server, await importFile(server, big), 413, 'payload_too_large')
    expect(server.server.store.countBoards()).toBe(0)
  })

  it('imports one board at a time: a second import while one is read gets 503 and creates nothing', async () => {
    const server = await startServer()
    const text = JSON.stringify(boardFile(FIXTURE.records, FIXTURE.schema))
    // The first import sends half its file and waits: the server is reading it.
    const url = new URL('/api/boards/import', server.url)
    let answered!: (status: number) => void
    const first = new Promise<number>((resolve) => (answered = resolve))
    const slow = httpRequest(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) },
    })
    slow.on('response', (res) => {
      res.resume()
      answered(res.statusCode ?? 0)
    })
    const half = Math.floor(text.length / 2)
    await new Promise<void>((resolve) => slow.write(text.slice(0, half), () => resolve()))

    await waitFor(
      async () => {
        // Not a board file: should it come before the first is taken in, it creates nothing.
        const second = await importFile(server, '{')
        if (second.status !== 503) return false
        expect((await second.json()) as Json).toMatchObject({ code: 'import_busy' })
        expect(second.headers.get('retry-after')).toBe('5')
        return true
      },
      { message: 'a second import is turned away while the first is read' },
    )
    expect(server.server.store.countBoards()).toBe(0)

    slow.end(text.slice(half))
    expect(await first).toBe(201)
    expect(server.server.store.countBoards()).toBe(1)
    // Once it is done, the next one is taken.
    expect((await importFile(server, text)).status).toBe(201)
  })
})
