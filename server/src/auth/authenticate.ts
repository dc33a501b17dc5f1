import { hashToken, isToken } from '@wijktafel/shared'
import type { Role } from '@wijktafel/shared'
import type { BoardStore } from '../persistence/BoardStore.js'

/**
 * The role `token` grants on `boardId`, or null. A valid token of another board grants
 * nothing here. Only the hash is looked up; the token is never stored or logged.
 */
export function authenticate(
  store: BoardStore,
  boardId: string,
  token: string | null | undefined,
): Role | null {
  if (!isToken(token)) return null
  const found = store.findToken(hashToken(token))
  return found && found.boardId === boardId ? found.role : null
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '')
  return match?.[1] ?? null
}
