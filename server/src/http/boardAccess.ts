import type { IncomingMessage, ServerResponse } from 'node:http'
import { isBoardId } from '@wijktafel/shared'
import type { Role } from '@wijktafel/shared'
import { authenticate, bearerToken } from '../auth/authenticate.js'
import type { BoardRecord, BoardStore } from '../persistence/BoardStore.js'
import { sendError } from './respond.js'

/**
 * Who may do what to a board through HTTP, answered in the order of the other endpoints:
 * 404 for an unknown board (whoever asks [1]), 401 without a valid token of this board, 403
 * for a role that may not. Null when it answered.
 */
export function boardAccess(
  req: IncomingMessage,
  res: ServerResponse,
  store: BoardStore,
  boardId: string,
  may: { roles: readonly Role[]; forbidden: string },
): { board: BoardRecord; role: Role } | null {
  const board = isBoardId(boardId) ? store.getBoard(boardId) : undefined
  if (!board) {
    sendError(res, 404, 'not_found', 'There is no board with this id.')
    return null
  }
  const role = authenticate(store, boardId, bearerToken(req.headers.authorization))
  if (!role) {
    res.setHeader('WWW-Authenticate', 'Bearer')
    sendError(res, 401, 'unauthorized', 'A valid token for this board is required.')
    return null
  }
  if (!may.roles.includes(role)) {
    sendError(res, 403, 'forbidden', may.forbidden)
    return null
  }
  return { board, role }
}

export const ANY_ROLE: readonly Role[] = ['facilitator', 'editor', 'viewer']
export const FACILITATOR: readonly Role[] = ['facilitator']

/** `attachment; filename="..."` for a name of ASCII letters, digits, dots and dashes. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '-')}"`
}

// [1] Board ids are 128 random bits, so a 404 before the token check reveals nothing
//     guessable (boardsApi.ts).
