import { request as httpRequest } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import type { SqliteBoardStore } from '@wijktafel/server'
import { createBoard, testContext } from '../helpers/testContext.js'
import type { TestServer } from '../helpers/testContext.js'

const { startServer } = testContext()

/** A one-pixel PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)

function storedAssets(server: TestServer): number {
  const { database } = server.server.store as SqliteBoardStore
  return database.prepare<[], { n: number }>('SELECT count(*) AS n FROM assets').get()!.n
}

/**
 * Starts an upload and waits for the server's "100 Continue": node answers it as it hands
 * the request to the handler, so the token was checked by then [1]. `send` finishes the body.
 */
async function startUpload(server: TestServer, boardId: string, token: string) {
  const req = httpRequest(`${server.url}/api/boards/${boardId}/assets`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(PNG.length),
      Expect: '100-continue',
    },
  })
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
  })
  await new Promise<void>((resolve) => req.once('continue', resolve))
  return {
    send: () => {
      req.end(PNG)
      return response
    },
  }
}

describe('an upload that started before the links were replaced', () => {
  it('ends with 401 and stores nothing once its token was revoked while the body came in', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    // The same upload without a rotation is stored: the route itself works.
    const before = await startUpload(server, board.id, board.tokens.editor)
    expect((await before.send()).status).toBe(201)
    expect(storedAssets(server)).toBe(1)

    const upload = await startUpload(server, board.id, board.tokens.editor)
    const rotated = await fetch(`${server.url}/api/boards/${board.id}/links/rotate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${board.tokens.facilitator}` },
    })
    expect(rotated.status).toBe(200)
    const answer = await upload.send()
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'unauthorized' })
    expect(storedAssets(server)).toBe(1)
  })
})

// [1] Without a 'checkContinue' listener node's HTTP server writes "100 Continue" and emits
//     'request' in the same synchronous run, and the upload handler checks the token before
//     its first await. So once the client hears 100 Continue, the check before the body ran
//     with the token still valid; only a check after the body can see the rotation.
