import { useSession } from '../../state/session'
import { forgetOfflineCopies } from '../sync/offlineCopy'
import { isTabKeyOf } from './rememberChoice'

/** A board to forget once the board page has gone (its offline copy is open while it shows). */
const PENDING_KEY = 'wijktafel:forget-pending'
/** Workbox's bookkeeping of cached responses (vite.config.ts `expiration`): it lists URLs. */
const WORKBOX_EXPIRATION_DB = 'workbox-expiration'
/** How long a deletion may wait for another tab of the board to let go of its copy. */
const BLOCKED_MS = 4_000

/**
 * Removes everything of one board from this device [1]: its links in the recent list
 * (localStorage, and this tab's sessionStorage), every key that names it, its offline copies
 * in IndexedDB (the current one and every quarantined one), and its photos in the service
 * worker's caches. True when all of it is gone; false when something stayed (another tab
 * of the board holds its copy open: that tab must close first).
 */
export async function forgetBoardOnDevice(boardId: string): Promise<boolean> {
  useSession.getState().forgetBoard(boardId)
  const copies = forgetOfflineCopies(boardId)
  for (const storage of [localStorageOrNull(), sessionStorageOrNull()]) {
    if (!storage) continue
    for (const key of Object.keys(storage)) {
      if (key.includes(boardId) || isTabKeyOf(key, boardId)) storage.removeItem(key)
    }
  }
  const results = await Promise.all([
    deleteDatabases(boardId, copies),
    deleteCachedResponses(boardId),
  ])
  return results.every(Boolean)
}

/**
 * The board page holds the board's offline copy open, so the copy cannot be deleted from
 * there: the page notes the board and goes to the start page, which finishes (`finishPendingForget`).
 */
export function forgetAfterLeaving(boardId: string): void {
  useSession.getState().forgetBoard(boardId) // the links go at once, before anything else
  sessionStorageOrNull()?.setItem(PENDING_KEY, boardId)
  location.replace('/')
}

/** On the start page: forgets the board the board page asked for, if any. */
export async function finishPendingForget(): Promise<boolean | null> {
  const storage = sessionStorageOrNull()
  const boardId = storage?.getItem(PENDING_KEY)
  if (!storage || !boardId) return null
  const done = await forgetBoardOnDevice(boardId)
  storage.removeItem(PENDING_KEY)
  return done
}

async function deleteDatabases(boardId: string, names: readonly string[]): Promise<boolean> {
  const all = new Set(names)
  const listed = await listDatabases()
  for (const name of listed) if (name.includes(boardId)) all.add(name)
  const results = await Promise.all([...all].map(deleteDatabase))
  if (listed.includes(WORKBOX_EXPIRATION_DB)) results.push(await forgetExpirationEntries(boardId))
  return results.every(Boolean)
}

async function listDatabases(): Promise<string[]> {
  try {
    const databases = await indexedDB.databases()
    return databases.map((d) => d.name ?? '').filter(Boolean)
  } catch {
    return [] // a browser without databases(): the names we know are enough
  }
}

function deleteDatabase(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest
    try {
      request = indexedDB.deleteDatabase(name)
    } catch {
      return resolve(false)
    }
    // Blocked: another tab has it open. Deleting goes on once it closes; we do not wait long.
    const timer = setTimeout(() => resolve(false), BLOCKED_MS)
    request.onsuccess = () => {
      clearTimeout(timer)
      resolve(true)
    }
    request.onerror = () => {
      clearTimeout(timer)
      resolve(false)
    }
  })
}

/** The board's photos, in whichever cache holds them (today `wijktafel-photos`) [2]. */
async function deleteCachedResponses(boardId: string): Promise<boolean> {
  if (typeof caches === 'undefined') return true
  try {
    const prefix = `/api/boards/${boardId}/`
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname.startsWith(prefix)) await cache.delete(request)
      }
    }
    return true
  } catch {
    return false
  }
}

/** Workbox's expiration plugin keeps each cached URL with its time: the board's go too. */
function forgetExpirationEntries(boardId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const open = indexedDB.open(WORKBOX_EXPIRATION_DB)
    open.onerror = () => resolve(false)
    open.onsuccess = () => {
      const db = open.result
      const done = (ok: boolean) => {
        db.close()
        resolve(ok)
      }
      if (!db.objectStoreNames.length) return done(true)
      const tx = db.transaction([...db.objectStoreNames], 'readwrite')
      for (const storeName of db.objectStoreNames) {
        const cursor = tx.objectStore(storeName).openCursor()
        cursor.onsuccess = () => {
          const row = cursor.result
          if (!row) return
          if (JSON.stringify(row.value).includes(`/api/boards/${boardId}/`)) row.delete()
          row.continue()
        }
      }
      tx.oncomplete = () => done(true)
      tx.onerror = () => done(false)
    }
  })
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

// [1] For a shared laptop: the next person must find no link to the board, none of its
//     content and none of its photos. What a page cannot reach stays: the browser's history
//     (it holds the addresses the tab visited, the link with it) and its HTTP cache of
//     photos (served `immutable`); closing the browser window or a private window covers those.
// [2] Every cache is searched, not only the one vite.config.ts names today, so a cache added
//     later is covered without touching this file.
