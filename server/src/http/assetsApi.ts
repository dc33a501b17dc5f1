import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { assetPath, canWrite, isAssetId, isBoardId, sniffAssetType } from '@wijktafel/shared'
import type { AssetUploadResponse, Role } from '@wijktafel/shared'
import { authenticate, bearerToken } from '../auth/authenticate.js'
import type { Logger } from '../config.js'
import type { AssetStore } from '../persistence/AssetStore.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import { boardAccess } from './boardAccess.js'
import { readBodyBytes, sendError, sendJson, sendMethodNotAllowed } from './respond.js'

export interface AssetsApiContext {
  store: BoardStore
  /** Null when the server was given a board store without one (some tests): 503. */
  assets: AssetStore | null
  maxAssetBytes: number
  log: Logger
}

const WRITERS: readonly Role[] = ['facilitator', 'editor']
const VIEWER_CANNOT = 'A viewer cannot add pictures.'
const UPLOAD_PATH = /^\/api\/boards\/([^/]+)\/assets$/
const ASSET_PATH = /^\/api\/boards\/([^/]+)\/assets\/([^/]+)$/

/** Whether `pathname` is one of the asset routes below. */
export function isAssetsPath(pathname: string): boolean {
  return UPLOAD_PATH.test(pathname) || ASSET_PATH.test(pathname)
}

/**
 * `POST /api/boards/:id/assets` stores a photo (editor or facilitator token), `GET
 * /api/boards/:id/assets/:assetId` serves it to anyone who has its URL [1].
 */
export async function handleAssets(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ctx: AssetsApiContext,
): Promise<void> {
  const upload = UPLOAD_PATH.exec(pathname)
  if (upload) {
    if (req.method !== 'POST') {
      return refuseBody(req, res, ctx, () => sendMethodNotAllowed(res, ['POST']))
    }
    return uploadAsset(req, res, upload[1]!, ctx)
  }
  const [, boardId, assetId] = ASSET_PATH.exec(pathname) ?? []
  if (req.method !== 'GET') return sendMethodNotAllowed(res, ['GET'])
  return serveAsset(res, boardId!, assetId!, ctx)
}

async function uploadAsset(
  req: IncomingMessage,
  res: ServerResponse,
  boardId: string,
  ctx: AssetsApiContext,
): Promise<void> {
  const refuse = (status: number, code: string, error: string) =>
    refuseBody(req, res, ctx, () => sendError(res, status, code, error))
  // Who may upload is decided before a byte of the body is read [2].
  const board = isBoardId(boardId) ? ctx.store.getBoard(boardId) : undefined
  if (!board) return refuse(404, 'not_found', 'There is no board with this id.')
  const role = authenticate(ctx.store, boardId, bearerToken(req.headers.authorization))
  if (!role) {
    res.setHeader('WWW-Authenticate', 'Bearer')
    return refuse(401, 'unauthorized', 'A valid token for this board is required.')
  }
  if (!canWrite(role)) return refuse(403, 'forbidden', VIEWER_CANNOT)
  const { assets, maxAssetBytes } = ctx
  if (!assets) return refuse(503, 'assets_unavailable', 'This server cannot store pictures.')

  const body = await readBodyBytes(req, maxAssetBytes)
  if (!body.ok) {
    if (body.reason === 'aborted') return refuse(400, 'bad_request', 'The upload broke off.')
    const mib = (maxAssetBytes / 1024 / 1024).toFixed(1)
    return refuse(
      413,
      'payload_too_large',
      `A picture may be at most ${maxAssetBytes} bytes (${mib} MiB).`,
    )
  }
  // The links may have been replaced while the body came in: the token must still hold [5].
  if (!boardAccess(req, res, ctx.store, boardId, { roles: WRITERS, forbidden: VIEWER_CANNOT })) {
    return
  }
  const type = sniffAssetType(body.bytes)
  if (!type) {
    return sendError(
      res,
      415,
      'unsupported_media_type',
      'Only PNG, JPEG, WebP and GIF pictures can be added; SVG and other files cannot.',
    )
  }

  const id = randomBytes(16).toString('base64url')
  try {
    assets.addAsset({ id, boardId, type, data: body.bytes, createdAt: new Date().toISOString() })
  } catch (error) {
    ctx.log(`could not store a picture of board ${boardId}: ${String(error)}`)
    return sendError(res, 503, 'storage_unavailable', 'The picture could not be stored.')
  }
  const src = assetPath(boardId, id)
  res.setHeader('Location', src)
  const answer: AssetUploadResponse = { src }
  sendJson(res, 201, answer)
}

function serveAsset(res: ServerResponse, boardId: string, assetId: string, ctx: AssetsApiContext) {
  const asset =
    isBoardId(boardId) && isAssetId(assetId) ? ctx.assets?.getAsset(boardId, assetId) : undefined
  if (!asset) return sendError(res, 404, 'not_found', 'There is no such picture on this board.')
  res.writeHead(200, {
    'Content-Type': asset.type,
    'Content-Length': asset.data.byteLength,
    // The bytes under an id never change: browsers and the service worker keep them.
    'Cache-Control': 'public, max-age=31536000, immutable',
    // Opened directly, the URL shows a picture and can run nothing [3].
    'Content-Security-Policy': "default-src 'none'",
  })
  res.end(asset.data)
}

/**
 * Answers a request whose body was not (fully) read, then throws the rest of the body away
 * as it arrives, up to four times the size limit [4]; a client sending more is cut off.
 */
function refuseBody(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: AssetsApiContext,
  answer: () => void,
): void {
  const drainBytes = 4 * ctx.maxAssetBytes
  const declared = Number(req.headers['content-length'])
  const cutOff = Number.isFinite(declared) && declared > drainBytes
  if (cutOff) res.setHeader('Connection', 'close')
  answer()
  if (cutOff || req.complete) return
  let drained = 0
  req.removeAllListeners('data')
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length
    if (drained > drainBytes) req.socket.destroy()
  })
  req.resume()
}

// [1] An <img> cannot send an Authorization header, so GET needs no token: the URL is the
//     capability. It names the board (128 random bits) and the asset (another 128) and is
//     only ever written into that board's document, so whoever can read the board can see
//     its pictures, and nobody else can guess one. An asset of board A is not found under
//     board B's path. The board's tokens never appear in the URL.
// [2] A 404, 401 or 403 costs the client nothing but its headers; the body is refused
//     unread. The size limit is checked on Content-Length first and again while reading.
// [3] The type is the one sniffed from the bytes on upload (PNG, JPEG, WebP or GIF), and
//     X-Content-Type-Options: nosniff (sent with every response) stops a browser from
//     guessing another; CSP default-src 'none' stops anything an image could load.
// [4] Closing the connection right after an early answer races the client's upload: it
//     may see a reset (EPIPE) instead of the 413 or 401. Reading and discarding what is
//     still in flight lets it finish sending and read the answer. Four times the limit
//     covers an honest mistake; more than that is not worth receiving.
// [5] An upload of a few MiB over a slow phone connection takes seconds, and the check in
//     [2] ran before them. A facilitator who replaced the links in between revoked this
//     token; checked again after the last await, with nothing awaited before the picture
//     is stored, a revoked link stores nothing (as linksApi.ts and versionsApi.ts do,
//     which read their small bodies first and check once, after).
