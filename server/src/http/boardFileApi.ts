import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import {
  DEFAULT_LOCALE,
  ROLES,
  actionsCsvFileName,
  boardFileName,
  deriveAllTokens,
  hashToken,
  isLocale,
} from '@wijktafel/shared'
import type { CreateBoardResponse } from '@wijktafel/shared'
import { readDocContent } from '../versions/docContent.js'
import { boardAssetId, buildBoardFile, prepareImport } from '../versions/boardFile.js'
import { buildActionsCsv } from './actionsCsv.js'
import { ANY_ROLE, attachment, boardAccess } from './boardAccess.js'
import { admitNewBoard } from './boardsApi.js'
import { readBody, sendError, sendJson, sendMethodNotAllowed, splitUrl } from './respond.js'
import type { BoardServices } from './services.js'

export const IMPORT_PATH = '/api/boards/import'
const EXPORT_PATH = /^\/api\/boards\/([^/]+)\/export\.json$/
const CSV_PATH = /^\/api\/boards\/([^/]+)\/actions\.csv$/

export function isBoardFilePath(pathname: string): boolean {
  return pathname === IMPORT_PATH || EXPORT_PATH.test(pathname) || CSV_PATH.test(pathname)
}

/**
 * The board as files: the whole board as JSON (`export.json`, any role [1]), a new board
 * from such a file (`POST /api/boards/import`, no token, like creating a board), and the
 * action list as CSV (`actions.csv`, any role).
 */
export async function handleBoardFiles(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  ctx: BoardServices,
): Promise<void> {
  if (pathname === IMPORT_PATH) {
    if (req.method !== 'POST') return sendMethodNotAllowed(res, ['POST'])
    return importBoard(req, res, ctx)
  }
  if (req.method !== 'GET') return sendMethodNotAllowed(res, ['GET'])
  const exported = EXPORT_PATH.exec(pathname)
  const boardId = (exported ?? CSV_PATH.exec(pathname))![1]!
  const access = boardAccess(req, res, ctx.store, boardId, { roles: ANY_ROLE, forbidden: '' })
  if (!access) return
  const { board } = access
  const now = new Date()
  const content = ctx.rooms.readDoc(boardId, readDocContent)
  // A board nobody opened yet may hold no schema: its records are then at ours.
  content.schema ??= ctx.schema.serialize()
  if (exported) {
    const file = buildBoardFile(
      board,
      content,
      (src) => {
        const assetId = boardAssetId(boardId, src)
        return assetId ? ctx.assets?.getAsset(boardId, assetId) : undefined
      },
      ctx.maxImportBytes,
      now,
    )
    return sendDownload(
      res,
      'application/json; charset=utf-8',
      boardFileName(board.title, now),
      JSON.stringify(file),
    )
  }
  const locale = splitUrl(req.url).query.get('locale')
  const csv = buildActionsCsv(
    content.records.values(),
    isLocale(locale) ? locale : DEFAULT_LOCALE,
    content.impact,
  )
  sendDownload(res, 'text/csv; charset=utf-8', actionsCsvFileName(board.title, now), csv)
}

/** The servers (one per `BoardServices`) importing a board right now [3]. */
const importing = new WeakSet<BoardServices>()

async function importBoard(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: BoardServices,
): Promise<void> {
  if (importing.has(ctx)) {
    res.setHeader('Retry-After', '5')
    res.setHeader('Connection', 'close')
    return sendError(res, 503, 'import_busy', 'Another board is being imported: try again soon.')
  }
  // After the busy check: waiting for another person's import costs nothing.
  if (!admitNewBoard(req, res, ctx.admission)) return
  importing.add(ctx)
  try {
    await importOne(req, res, ctx)
  } finally {
    importing.delete(ctx)
  }
}

async function importOne(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: BoardServices,
): Promise<void> {
  const body = await readBody(req, ctx.maxImportBytes)
  if (!body.ok) {
    res.setHeader('Connection', 'close')
    if (body.reason === 'too_large') {
      const mib = (ctx.maxImportBytes / 1024 / 1024).toFixed(1)
      return sendError(
        res,
        413,
        'payload_too_large',
        `A board file may be at most ${ctx.maxImportBytes} bytes (${mib} MiB).`,
      )
    }
    return sendError(res, 400, 'bad_request', 'The file could not be read.')
  }
  const { transaction, assets, versions } = ctx
  if (!transaction || !assets || !versions) {
    return sendError(res, 503, 'import_unavailable', 'This server cannot import boards.')
  }
  let json: unknown
  try {
    json = JSON.parse(body.text)
  } catch {
    return sendError(res, 400, 'invalid_json', 'The file is not JSON: it may be damaged.')
  }
  const id = randomBytes(16).toString('base64url')
  const prepared = prepareImport(json, {
    schema: ctx.schema,
    rules: ctx.rules,
    boardId: id,
    maxAssetBytes: ctx.maxAssetBytes,
  })
  if (!prepared.ok) return sendError(res, prepared.status, prepared.code, prepared.error)

  const { title, state } = prepared.board
  const tokens = deriveAllTokens(randomBytes(32).toString('base64url'))
  const createdAt = new Date().toISOString()
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    // All or nothing: the board, its photos and its first version [2].
    transaction(() => {
      ctx.store.createBoard(
        { id, title, createdAt },
        ROLES.map((role) => ({ hash: hashToken(tokens[role]), role })),
        state,
      )
      for (const asset of prepared.board.assets) assets.addAsset({ ...asset, createdAt })
      versions.keep(id, doc, 'before-import')
    })
  } catch (error) {
    ctx.log(`could not store an imported board: ${String(error)}`)
    return sendError(res, 503, 'storage_unavailable', 'The board could not be stored.')
  } finally {
    doc.destroy()
  }
  ctx.log(`imported a board with ${prepared.board.assets.length} pictures`)
  const answer: CreateBoardResponse = { id, title, tokens }
  sendJson(res, 201, answer)
}

function sendDownload(res: ServerResponse, type: string, fileName: string, body: string): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Content-Disposition': attachment(fileName),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}

// [1] A viewer's browser already holds every record of the board (it syncs the whole doc)
//     and can fetch every photo by its URL, so refusing it the file would protect nothing
//     and only keep the projector laptop or a council member with the viewing link from
//     keeping a copy. What a viewer cannot do is change this board, and an import makes a
//     new, separate board.
// [2] Nothing is written until the file passed every check, and then in one transaction:
//     a refused or failed import leaves no board row, no photo and no version behind.
// [3] One import at a time per server: a 16 MiB file is read into memory, parsed, migrated
//     and judged by the whole rule chain synchronously (about 2.6 s and 150 MB for 46,000
//     records), during which no live board on the server moves. Anyone may import (like
//     creating a board), so a second import waits its turn rather than stall every meeting.
