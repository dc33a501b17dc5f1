import {
  bytesToBase64Url,
  isToken,
  type BoardInfo,
  type RotateLinksRequest,
  type RotateLinksResponse,
} from '@wijktafel/shared'

/** A refused rotation (the server answered no): it changed nothing. */
export class RotateLinksError extends Error {
  constructor(readonly status: number) {
    super(`new links refused: ${status}`)
  }
}

/**
 * What is true after "Nieuwe links maken" or "Ook mijn eigen link vernieuwen", as far as this
 * browser can tell. Only `unchanged` may say "De oude links werken nog" [1].
 * - `own`: the facilitator link is now `token` (the one this browser made and saved first).
 * - `done`: new editor and viewer links, at `linkEpoch`.
 * - `unchanged`: the server made nothing new; the links of `linkEpoch` work.
 * - `unknown`: no answer at all (offline): the links may or may not have changed; `token` is
 *   the new own link that was sent, kept, and may now be the only one that works.
 */
export type RotateOutcome =
  | { kind: 'own'; token: string }
  | { kind: 'done'; linkEpoch: number }
  | { kind: 'unchanged'; linkEpoch: number }
  | { kind: 'unknown'; token?: string }

/** A new facilitator token: 32 random bytes in base64url, as the server makes them. */
export function newFacilitatorToken(): string {
  const token = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)))
  if (!isToken(token)) throw new Error('a new token must be 43 base64url characters')
  return token
}

/** `POST /api/boards/:id/links/rotate` with the facilitator's token. */
export async function postRotate(
  boardId: string,
  token: string,
  body: RotateLinksRequest,
): Promise<RotateLinksResponse> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!response.ok) {
    await response.body?.cancel().catch(() => {})
    throw new RotateLinksError(response.status)
  }
  return (await response.json()) as RotateLinksResponse
}

/**
 * `GET /api/boards/:id` with one token: the board as that token sees it, `'refused'` when the
 * server no longer knows the token, or `'offline'` when no answer came.
 */
export async function readBoard(
  boardId: string,
  token: string,
): Promise<BoardInfo | 'refused' | 'offline'> {
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
      headers: { Authorization: `Bearer ${token}` },
      cache: 'no-store',
    })
    if (response.ok) return (await response.json()) as BoardInfo
    await response.body?.cancel().catch(() => {})
    return response.status >= 500 ? 'offline' : 'refused'
  } catch {
    return 'offline'
  }
}

export interface RotateRequest {
  boardId: string
  /** This tab's facilitator token. */
  token: string
  /** The link epoch the dialog shows now. */
  linkEpoch: number
  /** Replace the facilitator link too. */
  own: boolean
  /** Keeps a facilitator token on this device (the recent list); called before sending. */
  saveOwnToken: (token: string) => void
}

/**
 * Makes new links and finds out what is true afterwards. For the own link the new token is
 * made here and saved BEFORE the request: if the answer is lost after the server committed,
 * the browser still has the only working facilitator link [2]. After any failure the board
 * is read again, with the new token first and then the old one.
 */
export async function rotateAndCheck(request: RotateRequest): Promise<RotateOutcome> {
  const { boardId, token, own } = request
  const fresh = own ? newFacilitatorToken() : null
  if (fresh) request.saveOwnToken(fresh)
  try {
    const body: RotateLinksRequest = fresh ? { facilitator: true, token: fresh } : {}
    const answer = await postRotate(boardId, token, body)
    return fresh ? { kind: 'own', token: fresh } : { kind: 'done', linkEpoch: answer.linkEpoch }
  } catch {
    return checkAfterFailure(request, fresh)
  }
}

async function checkAfterFailure(
  request: RotateRequest,
  fresh: string | null,
): Promise<RotateOutcome> {
  const { boardId, token, linkEpoch } = request
  if (fresh) {
    const withNew = await readBoard(boardId, fresh)
    if (typeof withNew === 'object' && withNew.role === 'facilitator') {
      return { kind: 'own', token: fresh }
    }
  }
  const withOld = await readBoard(boardId, token)
  if (typeof withOld !== 'object')
    return fresh ? { kind: 'unknown', token: fresh } : { kind: 'unknown' }
  // The old token still works, so the new one was never stored: keep the old one again.
  if (fresh) request.saveOwnToken(token)
  const epoch = withOld.linkEpoch ?? linkEpoch
  return epoch === linkEpoch ? { kind: 'unchanged', linkEpoch } : { kind: 'done', linkEpoch: epoch }
}

const SHOW_OWN_LINK_KEY = 'wijktafel:show-own-link:'

/**
 * The facilitator's own link was replaced: this tab reopens with it (its old connection was
 * closed with 4401), and the share dialog then shows the new link once [3].
 */
export function reopenWithOwnLink(boardId: string, link: string): void {
  try {
    sessionStorage.setItem(SHOW_OWN_LINK_KEY + boardId, '1')
  } catch {
    // Without storage the link is still in the address bar after the reload.
  }
  location.replace(link)
  location.reload()
}

/** True once after `reopenWithOwnLink`: the flag is taken as it is read. */
export function takeShowOwnLink(boardId: string): boolean {
  try {
    const shown = sessionStorage.getItem(SHOW_OWN_LINK_KEY + boardId) === '1'
    sessionStorage.removeItem(SHOW_OWN_LINK_KEY + boardId)
    return shown
  } catch {
    return false
  }
}

// [1] A request whose answer is lost (a network change, a proxy's 502, a closed tab) may
//     still have been committed by the server: "De oude links werken nog" would then be
//     false, and for the own link it would lock the facilitator out.
// [2] The server stores the token the request carries (F1, shared/src/protocol/boardApi.ts
//     [1]); sending the same token again after a lost answer simply rotates once more.
// [3] A reload rather than swapping the token in place: the whole page (connection,
//     presence, the panels that hold the token) starts from the new link in one step.
//     Nothing is lost: the offline copy keeps what the old connection had not sent (4401
//     keeps it) and the new connection sends it.
