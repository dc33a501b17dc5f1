import { describe, expect, it } from 'vitest'
import type { SqliteBoardStore } from '@wijktafel/server'
import type { ApiError, AssetUploadResponse } from '@wijktafel/shared'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'

const { startServer, tempDir } = testContext()

/** The smallest real pictures of each accepted type (one pixel). */
const PICTURES = {
  'image/png':
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'image/jpeg':
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'image/webp': 'UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoBAAEAAwA0JaQAA3AA/vuUAAA=',
  'image/gif': 'R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==',
} as const
const picture = (type: keyof typeof PICTURES) =>
  new Uint8Array(Buffer.from(PICTURES[type], 'base64'))

const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

function upload(
  server: TestServer,
  boardId: string,
  body: BodyInit,
  token?: string,
  contentType = 'application/octet-stream',
) {
  return fetch(`${server.url}/api/boards/${boardId}/assets`, {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    },
    body,
  })
}

/** Rows in the assets table, straight from the database. */
function storedAssets(server: TestServer): number {
  const { database } = server.server.store as SqliteBoardStore
  return database.prepare<[], { n: number }>('SELECT count(*) AS n FROM assets').get()!.n
}

async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status)
  const body = (await res.json()) as ApiError
  expect(body.code).toBe(code)
  expect(body.error.length).toBeGreaterThan(15)
}

describe('photos and pictures through the server', () => {
  it.each(Object.keys(PICTURES) as (keyof typeof PICTURES)[])(
    'an editor uploads a %s and anyone with its URL gets the same bytes back, safely typed',
    async (type) => {
      const server = await startServer()
      const board = await createBoard(server, 'De Horst')
      const bytes = picture(type)
      const res = await upload(server, board.id, bytes, board.tokens.editor)
      expect(res.status).toBe(201)
      const { src } = (await res.json()) as AssetUploadResponse
      expect(src).toMatch(new RegExp(`^/api/boards/${board.id}/assets/[A-Za-z0-9_-]{22}$`))
      expect(res.headers.get('location')).toBe(src)

      const got = await fetch(`${server.url}${src}`)
      expect(got.status).toBe(200)
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes)
      expect(got.headers.get('content-type')).toBe(type)
      expect(got.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(got.headers.get('x-content-type-options')).toBe('nosniff')
      expect(got.headers.get('content-security-policy')).toBe("default-src 'none'")
      expect(storedAssets(server)).toBe(1)
    },
  )

  it('the type comes from the bytes, not from what the client claims', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const res = await upload(
      server,
      board.id,
      picture('image/gif'),
      board.tokens.editor,
      'image/png',
    )
    const { src } = (await res.json()) as AssetUploadResponse
    expect((await fetch(`${server.url}${src}`)).headers.get('content-type')).toBe('image/gif')
  })

  it('a facilitator may add pictures; a viewer gets 403 and nothing is stored', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const ok = await upload(server, board.id, picture('image/png'), board.tokens.facilitator)
    expect(ok.status).toBe(201)
    const viewer = await upload(server, board.id, picture('image/png'), board.tokens.viewer)
    await expectError(viewer, 403, 'forbidden')
    expect(storedAssets(server)).toBe(1)
  })

  it('no token, a wrong token or another board’s token gets 401; an unknown board 404', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const other = await createBoard(server, 'Spijkerkwartier')
    const png = picture('image/png')
    await expectError(await upload(server, board.id, png), 401, 'unauthorized')
    await expectError(await upload(server, board.id, png, 'x'.repeat(43)), 401, 'unauthorized')
    await expectError(await upload(server, board.id, png, other.tokens.editor), 401, 'unauthorized')
    await expectError(
      await upload(server, 'A'.repeat(22), png, board.tokens.editor),
      404,
      'not_found',
    )
    await expectError(await upload(server, 'nonsense', png, board.tokens.editor), 404, 'not_found')
    expect(storedAssets(server)).toBe(0)
  })

  it.each([
    ['an SVG', SVG, 'image/svg+xml', 415, 'unsupported_media_type'],
    [
      'a text file named photo.png',
      'Dit is geen foto.\n',
      'image/png',
      415,
      'unsupported_media_type',
    ],
    ['an empty body', '', 'image/png', 415, 'unsupported_media_type'],
  ] as const)(
    'refuses %s with %i and a clear error, and stores nothing',
    async (_what, body, contentType, status, code) => {
      const server = await startServer()
      const board = await createBoard(server, 'De Horst')
      await expectError(
        await upload(server, board.id, body, board.tokens.editor, contentType),
        status,
        code,
      )
      expect(storedAssets(server)).toBe(0)
    },
  )

  it('refuses a 20 MB file with 413 and stores nothing, announced or streamed', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    // A JPEG header, so only the size can be the reason.
    const big = new Uint8Array(20 * 1024 * 1024)
    big.set([0xff, 0xd8, 0xff, 0xe0])
    await expectError(
      await upload(server, board.id, big, board.tokens.editor),
      413,
      'payload_too_large',
    )
    const chunks = Array.from({ length: 20 }, (_, i) => big.subarray(i << 20, (i + 1) << 20))
    const streamed = await fetch(`${server.url}/api/boards/${board.id}/assets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.editor}` },
      body: new ReadableStream({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk)
          controller.close()
        },
      }),
      duplex: 'half',
    } as RequestInit)
    await expectError(streamed, 413, 'payload_too_large')
    expect(storedAssets(server)).toBe(0)
    // The server is still fine afterwards.
    expect((await upload(server, board.id, picture('image/png'), board.tokens.editor)).status).toBe(
      201,
    )
  })

  it('the size limit follows MAX_ASSET_BYTES', async () => {
    const server = await startServer({ maxAssetBytes: 1024 })
    const board = await createBoard(server, 'De Horst')
    const small = picture('image/png')
    const large = new Uint8Array(2048)
    large.set(small)
    expect((await upload(server, board.id, small, board.tokens.editor)).status).toBe(201)
    await expectError(
      await upload(server, board.id, large, board.tokens.editor),
      413,
      'payload_too_large',
    )
    expect(storedAssets(server)).toBe(1)
  })

  it('an unknown or malformed asset id is 404, and a picture of board A is not found under board B', async () => {
    const server = await startServer()
    const a = await createBoard(server, 'De Horst')
    const b = await createBoard(server, 'Spijkerkwartier')
    const res = await upload(server, a.id, picture('image/jpeg'), a.tokens.editor)
    const { src } = (await res.json()) as AssetUploadResponse
    const assetId = src.split('/').at(-1)!

    await expectError(
      await fetch(`${server.url}/api/boards/${a.id}/assets/${'x'.repeat(22)}`),
      404,
      'not_found',
    )
    await expectError(
      await fetch(`${server.url}/api/boards/${a.id}/assets/..%2F..`),
      404,
      'not_found',
    )
    await expectError(
      await fetch(`${server.url}/api/boards/${b.id}/assets/${assetId}`),
      404,
      'not_found',
    )
    expect((await fetch(`${server.url}${src}`)).status).toBe(200)
  })

  it('pictures are kept with the board across a restart', async () => {
    const dataDir = tempDir()
    const first = await startServer({ dataDir })
    const board = await createBoard(first, 'De Horst')
    const bytes = picture('image/webp')
    const { src } = (await (
      await upload(first, board.id, bytes, board.tokens.editor)
    ).json()) as AssetUploadResponse
    await first.server.close()

    const second = await startServer({ dataDir })
    const got = await fetch(`${second.url}${src}`)
    expect(got.status).toBe(200)
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes)
  })
})
