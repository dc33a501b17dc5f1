import type { VersionKind, VersionReason } from '@wijktafel/shared'

/** A kept version's description, without its (large) state and thumbnail. */
export interface VersionRow {
  /** 16 random bytes in base64url. */
  id: string
  boardId: string
  name: string
  /** ISO 8601. */
  createdAt: string
  createdBy: string | null
  kind: VersionKind
  reason: VersionReason | null
  /** Bytes of the stored state. */
  bytes: number
  hasThumbnail: boolean
}

export interface NewVersion extends Omit<VersionRow, 'bytes' | 'hasThumbnail'> {
  /** Y.encodeStateAsUpdate of the board's doc: exactly what the board held [1]. */
  state: Uint8Array
  /**
   * Y.encodeSnapshot(Y.snapshot(doc)) of the same doc: what it had inserted and deleted, to
   * tell later whether the board changed since [2].
   */
  snapshot: Uint8Array
  /** A PNG, or null. */
  thumbnail: Uint8Array | null
}

export interface VersionLimits {
  /** Automatic versions kept per board; older ones are removed when a new one is added. */
  maxAutoVersions: number
  /** Named versions per board; adding one more is refused. */
  maxNamedVersions: number
}

/**
 * The kept versions of each board, in the board database (the `versions` table), removed
 * with their board. All calls are synchronous, like the board store's.
 */
export interface VersionStore {
  /**
   * Adds a version and, for an automatic one, removes the oldest automatic versions past
   * the limit, in one transaction. Null when a named version would pass its limit.
   */
  addVersion(version: NewVersion, limits: VersionLimits): VersionRow | null
  /** Newest first. */
  listVersions(boardId: string): VersionRow[]
  getVersion(boardId: string, versionId: string): VersionRow | undefined
  getState(boardId: string, versionId: string): Uint8Array | undefined
  getThumbnail(boardId: string, versionId: string): Uint8Array | undefined
  /** The snapshot of the board's newest version, or null when it has none. */
  newestSnapshot(boardId: string): Uint8Array | null
  /** False when there was no such version of this board. */
  deleteVersion(boardId: string, versionId: string): boolean
}

// [1] The encoded Y.Doc, not a records JSON: it is what the room holds and what the store
//     already keeps for boards, so nothing is lost in translation (key order, the meta map,
//     the schema), and it is about as compact. Reading the records back means loading it
//     into a Y.Doc, which happens only on preview, restore and export.
// [2] A state vector alone would miss deletions (Yjs records a delete in the delete set,
//     not as a new item), and a select-all-and-delete is the very change a version exists for.
