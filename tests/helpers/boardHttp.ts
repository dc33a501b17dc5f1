import type { SqliteBoardStore } from '@wijktafel/server'
import type { ApiError, VersionInfo, VersionListResponse } from '@wijktafel/shared'
import { expect } from 'vitest'
import type { TestServer } from './testContext.js'

/** A one-pixel PNG: the smallest real thumbnail. */
export const TINY_PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
)

/** An HTTP request to the test server, with a bearer token and a JSON body when given. */
export function request(
  server: TestServer,
  method: string,
  path: string,
  { token, json, body }: { token?: string; json?: unknown; body?: BodyInit } = {},
): Promise<Response> {
  const headers: Record<string, string> = {}
  if (token !== undefined) headers.Authorization = `Bearer ${token}`
  if (json !== undefined) headers['Content-Type'] = 'application/json'
  return fetch(`${server.url}${path}`, {
    method,
    headers,
    body: json !== undefined ? JSON.stringify(json) : body,
  })
}

export async function listVersions(
  server: TestServer,
  boardId: string,
  token: string,
): Promise<VersionInfo[]> {
  const res = await request(server, 'GET', `/api/boards/${boardId}/versions`, { token })
  expect(res.status).toBe(200)
  return ((await res.json()) as VersionListResponse).versions
}

export async function saveVersion(
  server: TestServer,
  boardId: string,
  token: string,
  body: Record<string, unknown>,
): Promise<VersionInfo> {
  const res = await request(server, 'POST', `/api/boards/${boardId}/versions`, {
    token,
    json: body,
  })
  expect(res.status).toBe(201)
  return (await res.json()) as VersionInfo
}

/** Expects an error answer with this status and code and a sentence for people. */
export async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status)
  const body = (await res.json()) as ApiError
  expect(body.code).toBe(code)
  expect(body.error.length).toBeGreaterThan(10)
}

/** Rows of each table of the server's database, for one board or all. */
export function tableCounts(server: TestServer, boardId?: string): Record<string, number> {
  const { database } = server.server.store as SqliteBoardStore
  const tables = database
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .map((row) => row.name)
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const column = table === 'boards' ? 'id' : 'board_id'
    const where = boardId === undefined ? '' : ` WHERE ${column} = ?`
    const statement = database.prepare(`SELECT count(*) AS n FROM ${table}${where}`)
    const row = (boardId === undefined ? statement.get() : statement.get(boardId)) as { n: number }
    counts[table] = row.n
  }
  return counts
}
