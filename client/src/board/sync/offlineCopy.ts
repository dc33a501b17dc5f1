/**
 * Names of a board's offline copies (y-indexeddb databases). A board's copy is
 * `wijktafel:<boardId>` until it is quarantined: then that database is left exactly as it is
 * and the board opens a new, empty copy under a new name from then on, starting from the
 * server. A copy is never deleted: it may hold changes the server never acknowledged [1],
 * unless the person asks this device to forget the board (`forgetOfflineCopies`).
 */
const DEFAULT_PREFIX = 'wijktafel:'
const CURRENT_KEY = 'wijktafel:offline-copy:'
const QUARANTINE_KEY = 'wijktafel:quarantined-copies'

export interface QuarantinedCopy {
  boardId: string
  /** The IndexedDB database name, still holding the copy. */
  name: string
  /** ISO time it was set aside. */
  at: string
  /** Close code and reason that made resending it pointless. */
  why: string
}

/** The database this browser uses for the board's offline copy now. */
export function offlineCopyName(boardId: string, storage = localStorageOrNull()): string {
  return storage?.getItem(CURRENT_KEY + boardId) ?? DEFAULT_PREFIX + boardId
}

/**
 * Sets the current copy aside: it stays under its name (and is listed under
 * `wijktafel:quarantined-copies`), and the next open of the board uses a fresh one.
 * Returns the quarantined copy, or null if this browser cannot remember it (no storage).
 */
export function quarantineOfflineCopy(
  boardId: string,
  why: string,
  storage = localStorageOrNull(),
  now = new Date(),
): QuarantinedCopy | null {
  if (!storage) return null
  const name = offlineCopyName(boardId, storage)
  const copy: QuarantinedCopy = { boardId, name, at: now.toISOString(), why }
  try {
    storage.setItem(QUARANTINE_KEY, JSON.stringify([...quarantinedCopies(storage), copy]))
    storage.setItem(CURRENT_KEY + boardId, `${DEFAULT_PREFIX}${boardId}:${now.getTime()}`)
    return copy
  } catch {
    return null // storage full or blocked: the copy stays in use, and is still never deleted
  }
}

/** Every copy this browser set aside, oldest first. */
export function quarantinedCopies(storage = localStorageOrNull()): QuarantinedCopy[] {
  try {
    const list: unknown = JSON.parse(storage?.getItem(QUARANTINE_KEY) ?? '[]')
    return Array.isArray(list) ? (list as QuarantinedCopy[]) : []
  } catch {
    return []
  }
}

/**
 * Forgets the board's copies on this device: drops their names from localStorage and
 * returns every database name the board used (current, first and quarantined), for the
 * caller to delete (board/forget/forgetBoard.ts).
 */
export function forgetOfflineCopies(boardId: string, storage = localStorageOrNull()): string[] {
  const names = new Set([DEFAULT_PREFIX + boardId, offlineCopyName(boardId, storage)])
  const all = quarantinedCopies(storage)
  for (const copy of all) if (copy.boardId === boardId) names.add(copy.name)
  try {
    storage?.removeItem(CURRENT_KEY + boardId)
    const others = all.filter((copy) => copy.boardId !== boardId)
    if (others.length) storage?.setItem(QUARANTINE_KEY, JSON.stringify(others))
    else storage?.removeItem(QUARANTINE_KEY)
  } catch {
    // Blocked storage: the names were never written either.
  }
  return [...names]
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // a browser that blocks storage throws on access
  }
}

// [1] y-websocket has no acknowledgements, so the client cannot know which of its changes
//     reached the server. Quarantining instead of deleting keeps them for a person (or a
//     developer with the browser's tools) to recover; the download offers the same records.
