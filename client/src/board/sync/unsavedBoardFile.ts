import type { TLStore } from 'tldraw'

export interface BoardFile {
  /** A file name after the board's title. */
  name: string
  text: string
}

/**
 * The board's records as this browser has them, with their schema, as one JSON file: what a
 * person downloads when the server stopped taking their changes. `schema` and `store` are
 * tldraw's store snapshot (`store.getStoreSnapshot('document')`), so the records can be
 * loaded into an editor again (`loadSnapshot`) and migrated by a later version.
 */
export function unsavedBoardFile(
  store: TLStore,
  board: { id: string; title: string },
  why: string,
  now = new Date(),
): BoardFile {
  const { schema, store: records } = store.getStoreSnapshot('document')
  const file = {
    wijktafel: { boardId: board.id, title: board.title, savedAt: now.toISOString(), why },
    schema,
    store: records,
  }
  return { name: `${fileNameOf(board.title)}.json`, text: JSON.stringify(file, null, 1) }
}

/** A title as a file name every system accepts: no path or reserved characters, not empty. */
export function fileNameOf(title: string): string {
  const name = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, 80)
  return name || 'wijktafel-bord'
}
