import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  ROLES,
  deriveAllTokens,
  hashToken,
  isBoardId,
  parseCreateBoardRequest,
} from '@wijktafel/shared'
import type { BoardInfo, CreateBoardResponse } from '@wijktafel/shared'
import { authenticate, bearerToken } from '../auth/authenticate.js'
import { initialDocState } from '../boards/initialDocState.js'
import type { Logger } from '../config.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import type { Admission } from './admission.js'
import { FACILITATOR, boardAccess } from './boardAccess.js'
import { rotateLinks } from './linksApi.js'
import type { LinksApiContext } from './linksApi.js'
import {
  parseJsonBody,
  readBody,
  sendBodyError,
  sendError,
  sendJson,
  sendMethodNotAllowed,
} from './respond.js'

/** What the API needs; the links' part (closeConnections) is described in linksApi.ts. */
export interface ApiContext extends LinksApiContext {
  store: BoardStore
  /** New boards per client address (admitNewBoard). */
  admission: Admission
  maxBodyBytes: number
  /** Deletes a board everywhere: its rows, its room and its connections (4404). */
  deleteBoard(boardId: string): void
  log: Logger
}

/** Routes `/api/*`. Every answer, errors included, is JSON. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ctx: ApiContext,
): Promise<void> {
  if (pathname === '/api/boards') {
    if (req.method !== 'POST') return sendMethodNotAllowed(res, ['POST'])
    return createBoard(req, res, ctx)
  }
  const match = /^\/api\/boards\/([^/]+)$/.exec(pathname)
  if (match) {
    if (req.method === 'DELETE') return deleteBoard(req, res, match[1]!, ctx)
    if (req.method !== 'GET') return sendMethodNotAllowed(res, ['GET', 'DELETE'])
    return getBoard(req, res, match[1]!, ctx)
  }
  const rotate = /^\/api\/boards\/([^/]+)\/links\/rotate$/.exec(pathname)
  if (rotate) {
    if (req.method !== 'POST') return sendMethodNotAllowed(res, ['POST'])
    return rotateLinks(req, res, rotate[1]!, ctx)
  }
  sendError(res, 404, 'not_found', 'There is no such API endpoint.')
}

async function createBoard(req: IncomingMessage, res: ServerResponse, ctx: ApiContext) {
  if (!admitNewBoard(req, res, ctx.admission)) return
  const body = await readBody(req, ctx.maxBodyBytes)
  if (!body.ok) {
    return sendBodyError(res, body, `The body may be at most ${ctx.maxBodyBytes} bytes.`)
  }
  const request = parseJsonBody(res, body.text, parseCreateBoardRequest, '{"title": "..."}')
  if (!request) return

  const id = randomBytes(16).toString('base64url')
  const tokens = deriveAllTokens(randomBytes(32).toString('base64url'))
  ctx.store.createBoard(
    { id, title: request.title, createdAt: new Date().toISOString() },
    ROLES.map((role) => ({ hash: hashToken(tokens[role]), role })),
    initialDocState(request),
  )
  const response: CreateBoardResponse = { id, title: request.title, tokens }
  sendJson(res, 201, response)
}

/**
 * Takes one of the address's new boards (POST /api/boards and /api/boards/import share
 * them); false after answering 429 with Retry-After. Charged before the body is read, so a
 * refused request (400, 413) costs as much as a board made [1].
 */
export function admitNewBoard(
  req: IncomingMessage,
  res: ServerResponse,
  admission: Admission,
): boolean {
  const verdict = admission.newBoard(admission.clientAddress(req))
  if (verdict.ok) return true
  const minutes = Math.ceil(verdict.retryAfterSeconds / 60)
  res.setHeader('Retry-After', String(verdict.retryAfterSeconds))
  res.setHeader('Connection', 'close') // the body is not worth reading
  sendError(
    res,
    429,
    'too_many_boards',
    `Many boards were made from this address just now: try again in ${minutes} minute(s).`,
  )
  return false
}

/**
 * An unknown board is 404 whoever asks; a known one needs a token of that board (401).
 * Board ids are 128 random bits, so answering 404 before 401 reveals nothing guessable.
 */
function getBoard(req: IncomingMessage, res: ServerResponse, id: string, ctx: ApiContext) {
  const board = isBoardId(id) ? ctx.store.getBoard(id) : undefined
  if (!board) return sendError(res, 404, 'not_found', 'There is no board with this id.')
  const role = authenticate(ctx.store, id, bearerToken(req.headers.authorization))
  if (!role) {
    res.setHeader('WWW-Authenticate', 'Bearer')
    return sendError(res, 401, 'unauthorized', 'A valid token for this board is required.')
  }
  const info: BoardInfo = { id: board.id, title: board.title, createdAt: board.createdAt, role }
  // Only the facilitator derives links from the epoch; the others learn nothing from it.
  if (role === 'facilitator') info.linkEpoch = board.linkEpoch ?? 0
  sendJson(res, 200, info)
}

/**
 * The facilitator deletes the board: its rows (tokens, state, log, photos, versions) are
 * gone from the database, its connections closed with 4404, its links answer 404.
 */
function deleteBoard(req: IncomingMessage, res: ServerResponse, id: string, ctx: ApiContext) {
  const access = boardAccess(req, res, ctx.store, id, {
    roles: FACILITATOR,
    forbidden: 'Only the facilitator can delete the board.',
  })
  if (!access) return
  try {
    ctx.deleteBoard(id)
  } catch (error) {
    ctx.log(`could not delete board ${id}: ${String(error)}`)
    return sendError(res, 503, 'storage_unavailable', 'The board could not be deleted.')
  }
  ctx.log(`deleted board ${id}`)
  res.writeHead(204, { 'Cache-Control': 'no-store' }).end()
}

// [1] Reading, parsing and judging the body is the work a script would make the server do:
//     an import of 16 MiB takes seconds (boardFileApi.ts [3]). If only boards made counted,
//     broken files would be free; a person who picks a wrong file twice loses two of
//     boardBurstPerIp (20), which the bucket gives back within the hour.
