import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  MAX_THUMBNAIL_BYTES,
  THUMBNAIL_DATA_URL_PREFIX,
  isBoardId,
  isVersionId,
  parseCreateVersionRequest,
  sniffAssetType,
} from '@wijktafel/shared'
import type {
  RestoreVersionResponse,
  VersionDetailResponse,
  VersionListResponse,
} from '@wijktafel/shared'
import { RestoreError } from '../versions/BoardVersions.js'
import type { BoardVersions } from '../versions/BoardVersions.js'
import { ANY_ROLE, FACILITATOR, boardAccess } from './boardAccess.js'
import {
  parseJsonBody,
  readBody,
  sendBodyError,
  sendError,
  sendJson,
  sendMethodNotAllowed,
} from './respond.js'
import type { BoardServices } from './services.js'

const LIST_PATH = /^\/api\/boards\/([^/]+)\/versions$/
const VERSION_PATH = /^\/api\/boards\/([^/]+)\/versions\/([^/]+)$/
const RESTORE_PATH = /^\/api\/boards\/([^/]+)\/versions\/([^/]+)\/restore$/
const THUMBNAIL_PATH = /^\/api\/boards\/([^/]+)\/versions\/([^/]+)\/thumbnail\.png$/

/** The body of a save: the thumbnail as base64 plus room for the name and the JSON. */
const MAX_SAVE_BODY_BYTES = Math.ceil(MAX_THUMBNAIL_BYTES / 3) * 4 + 16 * 1024

const READ = { roles: ANY_ROLE, forbidden: '' }
const MANAGE = {
  roles: FACILITATOR,
  forbidden: 'Only the facilitator can save, restore or delete versions.',
}

export function isVersionsPath(pathname: string): boolean {
  return [LIST_PATH, VERSION_PATH, RESTORE_PATH, THUMBNAIL_PATH].some((path) => path.test(pathname))
}

/**
 * The versions of a board [1]: list and save (`/versions`), read and delete one
 * (`/versions/:id`), restore it (`/versions/:id/restore`), its thumbnail
 * (`/versions/:id/thumbnail.png`, no token: the URL is the key).
 */
export async function handleVersions(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ctx: BoardServices,
): Promise<void> {
  const thumbnail = THUMBNAIL_PATH.exec(pathname)
  if (thumbnail) {
    if (req.method !== 'GET') return sendMethodNotAllowed(res, ['GET'])
    return serveThumbnail(res, thumbnail[1]!, thumbnail[2]!, ctx)
  }
  const restore = RESTORE_PATH.exec(pathname)
  if (restore) {
    if (req.method !== 'POST') return sendMethodNotAllowed(res, ['POST'])
    return withVersions(req, res, restore[1]!, MANAGE, ctx, (versions) =>
      restoreVersion(res, versions, restore[1]!, restore[2]!, ctx),
    )
  }
  const one = VERSION_PATH.exec(pathname)
  if (one) {
    const [, boardId, versionId] = one as unknown as [string, string, string]
    if (req.method === 'GET') {
      return withVersions(req, res, boardId, READ, ctx, (versions) => {
        const version = isVersionId(versionId) ? versions.get(boardId, versionId) : undefined
        const content = version && versions.content(boardId, versionId)
        if (!version || !content) return notFound(res)
        const answer: VersionDetailResponse = {
          version,
          schema: content.schema,
          records: [...content.records.values()],
        }
        sendJson(res, 200, answer)
      })
    }
    if (req.method === 'DELETE') {
      return withVersions(req, res, boardId, MANAGE, ctx, (versions) => {
        if (!isVersionId(versionId) || !versions.delete(boardId, versionId)) return notFound(res)
        res.writeHead(204, { 'Cache-Control': 'no-store' }).end()
      })
    }
    return sendMethodNotAllowed(res, ['GET', 'DELETE'])
  }
  const [, boardId] = LIST_PATH.exec(pathname)! as unknown as [string, string]
  if (req.method === 'GET') {
    return withVersions(req, res, boardId, READ, ctx, (versions) => {
      const answer: VersionListResponse = { versions: versions.list(boardId) }
      sendJson(res, 200, answer)
    })
  }
  if (req.method === 'POST') return saveVersion(req, res, boardId, ctx)
  return sendMethodNotAllowed(res, ['GET', 'POST'])
}

async function saveVersion(
  req: IncomingMessage,
  res: ServerResponse,
  boardId: string,
  ctx: BoardServices,
): Promise<void> {
  // Read first (it is small): answering before the body is in can reset the client [2].
  const body = await readBody(req, MAX_SAVE_BODY_BYTES)
  if (!body.ok) {
    return sendBodyError(
      res,
      body,
      `The body may be at most ${MAX_SAVE_BODY_BYTES} bytes (a thumbnail of ${MAX_THUMBNAIL_BYTES / 1024} KiB).`,
    )
  }
  withVersions(req, res, boardId, MANAGE, ctx, (versions) => {
    const request = parseJsonBody(res, body.text, parseCreateVersionRequest, '{"name": "..."}')
    if (!request) return
    let thumbnail: Uint8Array | null = null
    if (request.thumbnail) {
      const base64 = request.thumbnail.slice(THUMBNAIL_DATA_URL_PREFIX.length)
      thumbnail = new Uint8Array(Buffer.from(base64, 'base64'))
      if (sniffAssetType(thumbnail) !== 'image/png' || thumbnail.length > MAX_THUMBNAIL_BYTES) {
        return sendError(
          res,
          400,
          'bad_request',
          `The thumbnail must be a PNG of at most ${MAX_THUMBNAIL_BYTES / 1024} KiB.`,
        )
      }
    }
    const saved = storing(res, ctx, () =>
      versions.saveNamed(boardId, {
        name: request.name,
        createdBy: request.createdBy ?? null,
        thumbnail,
      }),
    )
    if (saved === undefined) return
    if (saved === null) {
      return sendError(
        res,
        409,
        'too_many_versions',
        'This board has as many named versions as it may keep; delete one first.',
      )
    }
    sendJson(res, 201, saved)
  })
}

function restoreVersion(
  res: ServerResponse,
  versions: BoardVersions,
  boardId: string,
  versionId: string,
  ctx: BoardServices,
): void {
  if (!isVersionId(versionId)) return notFound(res)
  let result: RestoreVersionResponse | undefined
  try {
    result = versions.restore(boardId, versionId)
  } catch (error) {
    if (error instanceof RestoreError && error.code !== 'storage_failed') {
      return sendError(res, 409, error.code, error.message)
    }
    ctx.log(`could not restore a version of board ${boardId}: ${String(error)}`)
    return sendError(res, 503, 'storage_unavailable', 'The version could not be restored.')
  }
  if (!result) return notFound(res)
  ctx.log(`restored a version of board ${boardId}`)
  sendJson(res, 200, result)
}

function serveThumbnail(
  res: ServerResponse,
  boardId: string,
  versionId: string,
  ctx: BoardServices,
): void {
  const png =
    isBoardId(boardId) && isVersionId(versionId)
      ? ctx.versions?.thumbnail(boardId, versionId)
      : undefined
  if (!png) return sendError(res, 404, 'not_found', 'There is no such thumbnail.')
  res.writeHead(200, {
    'Content-Type': 'image/png',
    'Content-Length': png.byteLength,
    // A version never changes; only people with a board's link learn its URL [1].
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Content-Security-Policy': "default-src 'none'",
  })
  res.end(png)
}

/** Checks access, then runs `use` with the versions (503 when this server has none). */
function withVersions(
  req: IncomingMessage,
  res: ServerResponse,
  boardId: string,
  may: { roles: typeof ANY_ROLE; forbidden: string },
  ctx: BoardServices,
  use: (versions: BoardVersions) => void,
): void {
  if (!boardAccess(req, res, ctx.store, boardId, may)) return
  if (!ctx.versions) {
    return sendError(res, 503, 'versions_unavailable', 'This server cannot keep versions.')
  }
  use(ctx.versions)
}

/** Runs a write; answers 503 and returns undefined when the database refuses it. */
function storing<T>(res: ServerResponse, ctx: BoardServices, write: () => T): T | undefined {
  try {
    return write()
  } catch (error) {
    ctx.log(`could not store a version: ${String(error)}`)
    sendError(res, 503, 'storage_unavailable', 'The version could not be stored.')
    return undefined
  }
}

function notFound(res: ServerResponse): void {
  sendError(res, 404, 'not_found', 'There is no such version of this board.')
}

// [1] An <img> in the versions panel cannot send the Authorization header, so the
//     thumbnail's URL is the key, like a photo's: it names the board and the version (128
//     random bits each), is only handed out in the version list (a token of that board),
//     and is not found under another board's path. Deleting the version or the board
//     ends it.
// [2] The body is at most ~700 KB; reading it costs less than the reset a client can get
//     when the server answers 401 or 403 while it is still sending (assetsApi.ts [4]).
