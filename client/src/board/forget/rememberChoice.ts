/**
 * Whether this tab already asked the facilitator to remember a board's link on this device
 * (sessionStorage, so a new tab, or the same link opened tomorrow, asks again once).
 */
const ASKED_KEY = 'wijktafel:remember-asked:'

export function markRememberAsked(boardId: string): void {
  try {
    sessionStorage.setItem(ASKED_KEY + boardId, '1')
  } catch {
    // Blocked storage: the question may come again, which costs one click.
  }
}

export function rememberAsked(boardId: string): boolean {
  try {
    return sessionStorage.getItem(ASKED_KEY + boardId) === '1'
  } catch {
    return true // without storage the answer could not be kept anyway
  }
}

/** Every key of this tab's sessionStorage that is about the board (forgetBoard). */
export function isTabKeyOf(key: string, boardId: string): boolean {
  return key === ASKED_KEY + boardId
}
