import { randomBytes } from 'node:crypto'
import type { TLSchema } from '@tldraw/tlschema'
import { versionThumbnailPath } from '@wijktafel/shared'
import type { VersionInfo, VersionReason } from '@wijktafel/shared'
import type * as Y from 'yjs'
import type { Logger } from '../config.js'
import type {
  NewVersion,
  VersionLimits,
  VersionRow,
  VersionStore,
} from '../persistence/VersionStore.js'
import type { Room } from '../rooms/Room.js'
import type { RoomManager } from '../rooms/RoomManager.js'
import { captureDoc, changedSince, readStateContent } from './docContent.js'
import type { DocContent } from './docContent.js'
import { RestoreError, restoreChange } from './restoreChange.js'

/** The names automatic versions get; the client shows its own words for `reason`. */
const AUTO_NAMES: Record<VersionReason, string> = {
  'last-left': 'Automatic: everyone left',
  'before-restore': 'Automatic: before restoring a version',
  'before-import': 'Automatic: as imported',
}

export interface BoardVersionsOptions {
  versions: VersionStore
  rooms: RoomManager
  schema: TLSchema
  limits: VersionLimits
  log: Logger
}

/**
 * The versions of boards: saving the board as it is now (from its room when open, else
 * from the store), keeping automatic ones, and writing a version back onto its board.
 */
export class BoardVersions {
  constructor(private readonly options: BoardVersionsOptions) {}

  list(boardId: string): VersionInfo[] {
    return this.options.versions.listVersions(boardId).map(versionInfo)
  }

  get(boardId: string, versionId: string): VersionInfo | undefined {
    const row = this.options.versions.getVersion(boardId, versionId)
    return row && versionInfo(row)
  }

  /** The version's records and schema as they were saved. */
  content(boardId: string, versionId: string): DocContent | undefined {
    const state = this.options.versions.getState(boardId, versionId)
    return state && readStateContent(state)
  }

  thumbnail(boardId: string, versionId: string): Uint8Array | undefined {
    return this.options.versions.getThumbnail(boardId, versionId)
  }

  delete(boardId: string, versionId: string): boolean {
    return this.options.versions.deleteVersion(boardId, versionId)
  }

  /** A facilitator's named version of the board as it is now; null past the limit. */
  saveNamed(
    boardId: string,
    request: { name: string; createdBy: string | null; thumbnail: Uint8Array | null },
  ): VersionInfo | null {
    const row = this.options.rooms.readDoc(boardId, (doc) =>
      this.add(boardId, doc, { ...request, kind: 'named', reason: null }),
    )
    return row && versionInfo(row)
  }

  /** An automatic version of `doc` (the board now). */
  keep(boardId: string, doc: Y.Doc, reason: VersionReason): VersionInfo {
    const row = this.add(boardId, doc, {
      name: AUTO_NAMES[reason],
      createdBy: null,
      thumbnail: null,
      kind: 'auto',
      reason,
    })
    return versionInfo(row!)
  }

  /**
   * The 'last-left' version, when the board changed since its newest version (or, without
   * versions, since the room was loaded).
   */
  keepIfChanged(room: Room): void {
    const since = this.options.versions.newestSnapshot(room.boardId) ?? room.loadedSnapshot
    if (!changedSince(room.doc, since)) return
    this.keep(room.boardId, room.doc, 'last-left')
    this.options.log(`kept an automatic version of board ${room.boardId}`)
  }

  /**
   * Keeps the board as it is now ('before-restore'), then writes the version onto the
   * board as a new change for everyone in the room. Throws RestoreError when the version
   * cannot be written back (nothing is changed or kept then).
   */
  restore(
    boardId: string,
    versionId: string,
  ): { restored: VersionInfo; backup: VersionInfo } | undefined {
    const restored = this.get(boardId, versionId)
    const content = restored && this.content(boardId, versionId)
    if (!restored || !content) return undefined
    return this.options.rooms.withRoom(boardId, (room) => {
      const change = restoreChange(this.options.schema, room.doc, content)
      const backup = this.keep(boardId, room.doc, 'before-restore')
      if (!room.applyServerChange(change)) {
        throw new RestoreError('storage_failed', 'The restored board could not be stored.')
      }
      return { restored, backup }
    })
  }

  private add(
    boardId: string,
    doc: Y.Doc,
    version: Pick<NewVersion, 'name' | 'createdBy' | 'thumbnail' | 'kind' | 'reason'>,
  ): VersionRow | null {
    return this.options.versions.addVersion(
      {
        ...version,
        ...captureDoc(doc),
        id: randomBytes(16).toString('base64url'),
        boardId,
        createdAt: new Date().toISOString(),
      },
      this.options.limits,
    )
  }
}

export function versionInfo(row: VersionRow): VersionInfo {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    kind: row.kind,
    reason: row.reason,
    hasThumbnail: row.hasThumbnail,
    thumbnail: row.hasThumbnail ? versionThumbnailPath(row.boardId, row.id) : null,
    bytes: row.bytes,
  }
}

export { RestoreError }
