import { describe, expect, it } from 'vitest'
import { isBoardId, isToken } from '@wijktafel/shared'
import type { BoardInfo } from '@wijktafel/shared'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'

const { startServer } = testContext()

function post(server: TestServer, body: string, contentType = 'application/json') {
  return fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body,
  })
}

function getInfo(server: TestServer, id: string, token?: string) {
  return fetch(`${server.url}/api/boards/${id}`, {
    headers: token === undefined ? {} : { Authorization: `Bearer ${token}` },
  })
}

describe('HTTP API', () => {
  it('reports healthy with security headers', async () => {
    const server = await startServer()
    const res = await fetch(`${server.url}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('creating a board returns its id, trimmed title and three distinct tokens', async () => {
    const server = await startServer()
    const res = await post(server, JSON.stringify({ title: '  De Horst  ' }))
    expect(res.status).toBe(201)
    const board = (await res.json()) as Awaited<ReturnType<typeof createBoard>>
    expect(isBoardId(board.id)).toBe(true)
    expect(board.title).toBe('De Horst')
    const tokens = Object.values(board.tokens)
    expect(tokens).toHaveLength(3)
    expect(new Set(tokens).size).toBe(3)
    for (const token of tokens) expect(isToken(token)).toBe(true)
    expect(server.server.store.countBoards()).toBe(1)
  })

  it.each([
    ['bad JSON', '{"title": '],
    ['a missing title', '{}'],
    ['an empty title', '{"title": "   "}'],
    ['an over-long title', JSON.stringify({ title: 'x'.repeat(121) })],
    ['a title that is not a string', '{"title": 42}'],
    ['an array', '[]'],
  ])('refuses %s with 400 and a message, and creates nothing', async (_what, body) => {
    const server = await startServer()
    const res = await post(server, body)
    expect(res.status).toBe(400)
    const error = (await res.json()) as { error: string; code: string }
    expect(error.code).toBe('bad_request')
    expect(error.error.length).toBeGreaterThan(10)
    expect(server.server.store.countBoards()).toBe(0)
  })

  it('refuses a body over 16 KiB with 413 and creates nothing', async () => {
    const server = await startServer()
    const res = await post(server, JSON.stringify({ title: 'x', pad: 'y'.repeat(20_000) }))
    expect(res.status).toBe(413)
    expect(((await res.json()) as { code: string }).code).toBe('payload_too_large')
    expect(server.server.store.countBoards()).toBe(0)
  })

  it('accepts JSON sent with another content type', async () => {
    const server = await startServer()
    const res = await post(server, '{"title":"Wijkraad"}', 'text/plain')
    expect(res.status).toBe(201)
  })

  it('board info tells each token its role', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      const res = await getInfo(server, board.id, board.tokens[role])
      expect(res.status).toBe(200)
      const info = (await res.json()) as BoardInfo
      // Only the facilitator learns the link epoch (its browser derives the links from it).
      const epoch = role === 'facilitator' ? { linkEpoch: 0 } : {}
      expect(info).toEqual({
        id: board.id,
        title: 'De Horst',
        createdAt: info.createdAt,
        role,
        ...epoch,
      })
      expect(new Date(info.createdAt).toISOString()).toBe(info.createdAt)
    }
  })

  it('board info is 401 without a token, with a wrong one or with another board’s', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const other = await createBoard(server, 'Spijkerkwartier')
    const wrong = 'A'.repeat(43)
    for (const token of [undefined, wrong, 'not-a-token', other.tokens.facilitator]) {
      const res = await getInfo(server, board.id, token)
      expect(res.status).toBe(401)
      expect(((await res.json()) as { code: string }).code).toBe('unauthorized')
    }
  })

  it('board info is 404 for an unknown or malformed board id, even with a valid token', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    for (const id of ['B'.repeat(22), 'short', '%00']) {
      const res = await getInfo(server, id, board.tokens.facilitator)
      expect(res.status).toBe(404)
      expect(((await res.json()) as { code: string }).code).toBe('not_found')
    }
  })

  it('answers unknown API paths with 404 JSON and wrong methods with 405 JSON', async () => {
    const server = await startServer()
    const missing = await fetch(`${server.url}/api/nothing`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { code: string }).code).toBe('not_found')
    const wrongMethod = await fetch(`${server.url}/api/boards`)
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
    expect(((await wrongMethod.json()) as { code: string }).code).toBe('method_not_allowed')
  })

  it('serves a plain 503 page while the client is not built', async () => {
    const server = await startServer({ clientDist: null })
    const res = await fetch(`${server.url}/b/some-board`)
    expect(res.status).toBe(503)
    expect(await res.text()).toMatch(/not built/)
  })

  it('never logs tokens, only methods and paths', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    await getInfo(server, board.id, board.tokens.editor)
    await fetch(`${server.url}/b/${board.id}?token=${board.tokens.viewer}`)
    expect(server.logs.length).toBeGreaterThan(2)
    for (const token of Object.values(board.tokens)) {
      expect(server.logs.join('\n')).not.toContain(token)
    }
  })
})
