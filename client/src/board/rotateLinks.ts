import type { RotateLinksResponse } from '@wijktafel/shared'

/** A refused or failed rotation: the old links still work (the server changed nothing). */
export class RotateLinksError extends Error {
  constructor(readonly status: number) {
    super(`new links refused: ${status}`)
  }
}

/** `POST /api/boards/:id/links/rotate` with the facilitator's token. */
export async function rotateLinks(
  boardId: string,
  token: string,
  facilitator: boolean,
): Promise<RotateLinksResponse> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links/rotate`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(facilitator ? { facilitator: true } : {}),
  })
  if (!response.ok) {
    await response.body?.cancel().catch(() => {})
    throw new RotateLinksError(response.status)
  }
  return (await response.json()) as RotateLinksResponse
}

const SHOW_OWN_LINK_KEY = 'wijktafel:show-own-link:'

/**
 * The facilitator's own link was replaced: this tab reopens with it (its old connection was
 * closed with 4401), and the share dialog then shows the new link once [1].
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

// [1] A reload rather than swapping the token in place: the whole page (connection,
//     presence, the panels that hold the token) starts from the new link in one step.
//     Nothing is lost: the offline copy keeps what the old connection had not sent (4401
//     keeps it) and the new connection sends it.
