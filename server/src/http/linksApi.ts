import type { IncomingMessage, ServerResponse } from 'node:http'
import { CloseCode, deriveAllTokens, hashToken, parseRotateLinksRequest } from '@wijktafel/shared'
import type { Role, RotateLinksResponse } from '@wijktafel/shared'
import { bearerToken } from '../auth/authenticate.js'
import type { Logger } from '../config.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import { FACILITATOR, boardAccess } from './boardAccess.js'
import { readBody, sendBodyError, sendError, sendJson } from './respond.js'

export interface LinksApiContext {
  store: BoardStore
  maxBodyBytes: number
  /** Closes the board's open connections that `which` picks (RoomManager.closeConnections). */
  closeConnections(
    boardId: string,
    which: (conn: { role: Role }) => boolean,
    code: number,
    reason: string,
  ): void
  log: Logger
}

const EXAMPLE = '{} or {"facilitator": true, "token": "<new token>"}'

/**
 * `POST /api/boards/:id/links/rotate` (facilitator): new editor and viewer links, and with
 * `{"facilitator": true, "token": …}` a new facilitator link too, whose token the client
 * made and saved before sending (boardApi.ts [1]); the server stores only its hash. The old links' hashes are deleted in
 * the same transaction that raises the epoch, so they answer 401 everywhere at once, and
 * the connections that came in with them are closed with 4401 [1].
 */
export async function rotateLinks(
  req: IncomingMessage,
  res: ServerResponse,
  boardId: string,
  ctx: LinksApiContext,
): Promise<void> {
  // The body first: from the token check to the rotation nothing may await [2].
  const body = await readBody(req, ctx.maxBodyBytes)
  if (!body.ok)
    return sendBodyError(res, body, `The body may be at most ${ctx.maxBodyBytes} bytes.`)
  const access = boardAccess(req, res, ctx.store, boardId, {
    roles: FACILITATOR,
    forbidden: 'Only the facilitator can make new links.',
  })
  if (!access) return
  const request = parseBody(body.text)
  if (!request.ok) return sendError(res, 400, 'bad_request', request.error)

  const current = bearerToken(req.headers.authorization)!
  const facilitator = request.value.facilitator ? request.value.token : current
  const roles: Role[] = request.value.facilitator
    ? ['facilitator', 'editor', 'viewer']
    : ['editor', 'viewer']
  let tokens: ReturnType<typeof deriveAllTokens> | undefined
  let epoch: number | null
  try {
    epoch = ctx.store.rotateLinks(boardId, roles, (next) => {
      tokens = deriveAllTokens(facilitator, next)
      return roles.map((role) => ({ hash: hashToken(tokens![role]), role }))
    })
  } catch (error) {
    ctx.log(`could not rotate the links of board ${boardId}: ${String(error)}`)
    return sendError(res, 503, 'storage_unavailable', 'The links could not be changed.')
  }
  if (epoch === null || !tokens)
    return sendError(res, 404, 'not_found', 'There is no board with this id.')
  ctx.closeConnections(
    boardId,
    (conn) => roles.includes(conn.role),
    CloseCode.LINK_REVOKED,
    'link revoked',
  )
  ctx.log(
    `new links for board ${boardId} (epoch ${epoch}${request.value.facilitator ? ', facilitator too' : ''})`,
  )
  const response: RotateLinksResponse = {
    tokens: { editor: tokens.editor, viewer: tokens.viewer },
    linkEpoch: epoch,
  }
  if (request.value.facilitator) response.tokens.facilitator = tokens.facilitator
  res.setHeader('Cache-Control', 'no-store')
  sendJson(res, 200, response)
}

/** An empty body reads as `{}`; anything else must be the JSON object the parser accepts. */
function parseBody(text: string): ReturnType<typeof parseRotateLinksRequest> {
  if (text.trim() === '') return { ok: true, value: {} }
  try {
    return parseRotateLinksRequest(JSON.parse(text))
  } catch {
    return { ok: false, error: `The body must be JSON like ${EXAMPLE}.` }
  }
}

// [1] Every open connection of a replaced role came in with an old token: the new tokens do
//     not exist until the transaction commits, and the connections are closed right after
//     it in the same turn of the event loop, before anyone can have received them. So the
//     role is enough to pick them; the facilitator's connections stay unless the
//     facilitator link was replaced too (then the facilitator's tab reopens with the new one).
// [2] Reading the body awaits. Checking the token after it, and rotating in the same
//     synchronous run, means a concurrent rotation can never be undone by a request that
//     was authorised with a token that has since gone.
