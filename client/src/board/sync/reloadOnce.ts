const KEY = 'wijktafel:reloaded-for-newer-board:'

/**
 * Reloads the page for a board saved by a newer version (close 4426), at most once per board
 * and browser tab until the board synced again: if the reload brings the same old app, the
 * person gets the reload message instead of a loop. Returns whether it reloads.
 */
export function reloadOnce(
  boardId: string,
  reload: () => void = () => location.reload(),
  storage = sessionStorageOrNull(),
): boolean {
  if (!storage || storage.getItem(KEY + boardId)) return false
  try {
    storage.setItem(KEY + boardId, new Date().toISOString())
  } catch {
    return false // cannot remember the attempt: do not risk a loop
  }
  reload()
  return true
}

/** The board synced: a later 4426 may reload again. */
export function forgetReload(boardId: string, storage = sessionStorageOrNull()): void {
  storage?.removeItem(KEY + boardId)
}

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}
