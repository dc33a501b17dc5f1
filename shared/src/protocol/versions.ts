import type { Parsed } from './boardApi.js'

/**
 * Versions of a board: the whole board as it was at one moment, kept by the server. A
 * facilitator saves a named one ("Bijeenkomst 12 maart"); the server keeps automatic ones
 * when the last person left after changes, before a restore and before an import [1].
 */

export const VERSION_KINDS = ['named', 'auto'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/** Why the server kept an automatic version; null for a named one. */
export const VERSION_REASONS = ['last-left', 'before-restore', 'before-import'] as const
export type VersionReason = (typeof VERSION_REASONS)[number]

export const MAX_VERSION_NAME_LENGTH = 80
export const MAX_VERSION_AUTHOR_LENGTH = 80
/** Largest thumbnail, decoded. */
export const MAX_THUMBNAIL_BYTES = 512 * 1024
/** The only thumbnail format: a PNG as a data URL. */
export const THUMBNAIL_DATA_URL_PREFIX = 'data:image/png;base64,'

/** Version ids are 16 random bytes in base64url, like board and asset ids: 22 characters. */
export const VERSION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

export function isVersionId(value: unknown): value is string {
  return typeof value === 'string' && VERSION_ID_PATTERN.test(value)
}

export interface VersionInfo {
  id: string
  /** The saver's name for it; for an automatic one an English name, shown by `reason` [2]. */
  name: string
  /** ISO 8601. */
  createdAt: string
  /** The name the saver gave (the person, not an account); null when not given or automatic. */
  createdBy: string | null
  kind: VersionKind
  reason: VersionReason | null
  hasThumbnail: boolean
  /** Where the thumbnail is served (no token needed, see versionThumbnailPath), or null. */
  thumbnail: string | null
  /** Size of the stored board state. */
  bytes: number
}

/** `GET /api/boards/:id/versions`: newest first. */
export interface VersionListResponse {
  versions: VersionInfo[]
}

/** `POST /api/boards/:id/versions` */
export interface CreateVersionRequest {
  name: string
  createdBy?: string
  /** `data:image/png;base64,...`, at most MAX_THUMBNAIL_BYTES decoded. */
  thumbnail?: string
}

/** `GET /api/boards/:id/versions/:versionId`: the records as they were, with their schema. */
export interface VersionDetailResponse {
  version: VersionInfo
  /** The tldraw SerializedSchema the records were written with. */
  schema: unknown
  /** The board's document records (document, pages, shapes, bindings, assets). */
  records: unknown[]
}

/** `POST /api/boards/:id/versions/:versionId/restore` */
export interface RestoreVersionResponse {
  /** The version now on the board. */
  restored: VersionInfo
  /** The automatic version of the board just before: restoring it undoes the restore. */
  backup: VersionInfo
}

/** Where a version's thumbnail is served; the random version id is the key [3]. */
export function versionThumbnailPath(boardId: string, versionId: string): string {
  return `/api/boards/${boardId}/versions/${versionId}/thumbnail.png`
}

/**
 * Validates the body of `POST /api/boards/:id/versions`. Name and author are trimmed; the
 * thumbnail is checked for its prefix, its base64 and its decoded size here, and for the PNG
 * signature by the server once decoded.
 */
export function parseCreateVersionRequest(body: unknown): Parsed<CreateVersionRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The body must be a JSON object like {"name": "..."}.' }
  }
  const { name, createdBy, thumbnail } = body as Record<string, unknown>
  const checkedName = checkText(name, 'name', MAX_VERSION_NAME_LENGTH)
  if (!checkedName.ok) return checkedName
  if (checkedName.value === '') return { ok: false, error: 'The name must not be empty.' }
  const value: CreateVersionRequest = { name: checkedName.value }
  if (createdBy !== undefined && createdBy !== null) {
    const author = checkText(createdBy, 'createdBy', MAX_VERSION_AUTHOR_LENGTH)
    if (!author.ok) return author
    if (author.value !== '') value.createdBy = author.value
  }
  if (thumbnail !== undefined && thumbnail !== null) {
    if (typeof thumbnail !== 'string' || !thumbnail.startsWith(THUMBNAIL_DATA_URL_PREFIX)) {
      return { ok: false, error: 'The thumbnail must be a data:image/png;base64, URL.' }
    }
    const base64 = thumbnail.slice(THUMBNAIL_DATA_URL_PREFIX.length)
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
      return { ok: false, error: 'The thumbnail is not valid base64.' }
    }
    if ((base64.length / 4) * 3 > MAX_THUMBNAIL_BYTES + 2) {
      return {
        ok: false,
        error: `The thumbnail may be at most ${MAX_THUMBNAIL_BYTES / 1024} KiB.`,
      }
    }
    value.thumbnail = thumbnail
  }
  return { ok: true, value }
}

function checkText(value: unknown, field: string, max: number): Parsed<string> {
  if (typeof value !== 'string') return { ok: false, error: `The ${field} must be a string.` }
  const trimmed = value.trim()
  if ([...trimmed].length > max) {
    return { ok: false, error: `The ${field} may be at most ${max} characters.` }
  }
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    return { ok: false, error: `The ${field} must not contain control characters.` }
  }
  return { ok: true, value: trimmed }
}

// [1] Automatic versions are bounded per board (the server's MAX_AUTO_VERSIONS, oldest
//     removed first); named ones are removed only by a facilitator, and a board holds at
//     most MAX_NAMED_VERSIONS of them.
// [2] 'Last person left', 'Before restoring a version', 'Before importing': the client
//     shows its own words for `reason`, in the reader's language.
// [3] An <img> cannot send the Authorization header. The URL names the board (128 random
//     bits) and the version (another 128) and is only given to people holding a token of
//     that board (in the version list); under another board's path it is not found.
