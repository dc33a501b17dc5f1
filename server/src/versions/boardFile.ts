import { randomBytes } from 'node:crypto'
import type { TLSchema } from '@tldraw/tlschema'
import * as Y from 'yjs'
import {
  BOARD_FILE_FORMAT,
  BOARD_FILE_VERSION,
  CloseCode,
  YDOC_IMPACT,
  YDOC_META,
  YDOC_META_SCHEMA,
  YDOC_RECORDS,
  assetPath,
  docSchemaStatus,
  impactValueProblem,
  isAssetId,
  isJsonObject,
  migrateDocRecords,
  parseBoardFile,
  readDocSchema,
  sniffAssetType,
} from '@wijktafel/shared'
import type { AssetType, BoardFile, BoardFileErrorCode } from '@wijktafel/shared'
import type { BoardRecord } from '../persistence/BoardStore.js'
import type { StoredAsset } from '../persistence/AssetStore.js'
import { UpdateGuard } from '../rooms/UpdateGuard.js'
import { BOARD_SIZE_RULE } from '../rules/boardSizeRule.js'
import { RuleChain } from '../rules/RuleChain.js'
import type { DocContent } from './docContent.js'

/** tldraw's TLDOCUMENT_ID. */
const DOCUMENT_ID = 'document:document'
/** Room left in the file for everything but the photos (JSON punctuation, the metadata). */
const FILE_OVERHEAD = 64 * 1024

/**
 * The board as a file: its records as the doc holds them, with their schema; its photos
 * inside as data URLs while the file stays within `maxFileBytes` (so this server can import
 * it again), the rest left with an empty `src` and counted in `omittedPhotos` [1].
 */
export function buildBoardFile(
  board: BoardRecord,
  content: DocContent,
  photo: (src: string) => StoredAsset | undefined,
  maxFileBytes: number,
  now: Date,
): BoardFile {
  const records = [...content.records.values()]
  let budget = maxFileBytes - FILE_OVERHEAD - Buffer.byteLength(JSON.stringify(records))
  let omittedPhotos = 0
  const withPhotos = records.map((record) => {
    const src = pictureSrc(record)
    if (!src) return record
    const asset = photo(src)
    const dataUrl =
      asset && `data:${asset.type};base64,${Buffer.from(asset.data).toString('base64')}`
    const fits = dataUrl !== undefined && dataUrl.length <= budget
    if (fits) budget -= dataUrl.length
    else omittedPhotos++
    const props = (record as { props: Record<string, unknown> }).props
    return { ...(record as object), props: { ...props, src: fits ? dataUrl : '' } }
  })
  return {
    format: BOARD_FILE_FORMAT,
    formatVersion: BOARD_FILE_VERSION,
    exportedAt: now.toISOString(),
    board: { title: board.title, createdAt: board.createdAt },
    schema: content.schema,
    records: withPhotos,
    omittedPhotos,
    impact: Object.fromEntries(content.impact),
  }
}

/** A new board made from a file, ready to be stored in one transaction. */
export interface PreparedImport {
  title: string
  /** The new board's first Y.Doc state. */
  state: Uint8Array
  /** The photos the file carried, stored with the new board. */
  assets: Omit<StoredAsset, 'createdAt'>[]
}

export type ImportResult =
  | { ok: true; board: PreparedImport }
  | { ok: false; status: 400 | 413; code: BoardFileErrorCode | 'payload_too_large'; error: string }

export interface ImportOptions {
  schema: TLSchema
  rules: RuleChain
  /** The id the new board will have: photo URLs name it. */
  boardId: string
  maxAssetBytes: number
}

/**
 * Turns a parsed board file into a new board, or says why not: a foreign or newer file, a
 * schema newer than the server's, a record that does not migrate or that the server's rule
 * chain refuses (the same check as a live update from a facilitator [2]), a photo that is
 * not a picture, a board without its document record or a page. Nothing is stored here.
 */
export function prepareImport(json: unknown, options: ImportOptions): ImportResult {
  const fail = (code: BoardFileErrorCode, error: string): ImportResult => ({
    ok: false,
    status: 400,
    code,
    error,
  })
  const parsed = parseBoardFile(json)
  if (!parsed.ok) return fail(parsed.code, parsed.error)
  const { file } = parsed
  const { schema } = options
  const fileSchema = readDocSchema(file.schema)
  if (!fileSchema) return fail('invalid_board_file', 'The file has no valid tldraw schema.')
  if (docSchemaStatus(schema, fileSchema) === 'newer') {
    return fail(
      'newer_schema',
      'The file was saved by a newer Wijktafel than this server; update the server first.',
    )
  }

  const stored = new Map<string, unknown>()
  for (const [index, record] of file.records.entries()) {
    if (!isJsonObject(record) || typeof record.id !== 'string') {
      return fail('invalid_record', `Record ${index + 1} is not a record with an id.`)
    }
    if (stored.has(record.id)) {
      return fail('invalid_record', `Record ${shortId(record.id)} appears twice.`)
    }
    stored.set(record.id, record)
  }
  const migrated = migrateDocRecords(schema, fileSchema, stored, () => {})
  if (migrated.failed.size > 0) {
    const [first] = migrated.failed
    return fail('invalid_record', `Record ${shortId(first!)} could not be migrated.`)
  }
  const records = migrated.records

  const assets: PreparedImport['assets'] = []
  for (const [key, record] of records) {
    const src = pictureSrc(record)
    if (!src?.startsWith('data:')) continue
    const photo = decodePhoto(src, options.maxAssetBytes)
    if (!photo) {
      return fail(
        'invalid_photo',
        `Picture ${shortId(key)} is not a PNG, JPEG, WebP or GIF picture of at most ${options.maxAssetBytes} bytes.`,
      )
    }
    const id = randomBytes(16).toString('base64url')
    assets.push({ id, boardId: options.boardId, ...photo })
    const props = (record as { props: Record<string, unknown> }).props
    records.set(key, {
      ...(record as object),
      props: { ...props, src: assetPath(options.boardId, id) },
    })
  }

  const values = [...records.values()] as { typeName?: unknown }[]
  if (!records.has(DOCUMENT_ID) || !values.some((record) => record.typeName === 'page')) {
    return fail('incomplete_board', 'The board in the file has no document record or no page.')
  }

  const impact = new Map(Object.entries(file.impact ?? {}))
  for (const [key, value] of impact) {
    const problem = impactValueProblem(key, value, { now: null })
    if (problem) return fail('invalid_record', `Impact entry ${shortId(key)}: ${problem}.`)
  }

  const verdict = checkLikeAnUpdate(newBoardState(schema, records, new Map()), options)
  if (verdict) return verdict
  const state = newBoardState(schema, records, impact)
  // The size is judged on what is stored: the records and the impact map together [4].
  const size = checkLikeAnUpdate(state, { ...options, rules: sizeRulesOf(options.rules) })
  if (size) return size
  return { ok: true, board: { title: file.board.title, state, assets } }
}

/** The Y.Doc state of a board holding `records` at the server's schema, and `impact` [3]. */
function newBoardState(
  schema: TLSchema,
  records: Map<string, unknown>,
  impact: Map<string, unknown>,
): Uint8Array {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      const map = doc.getMap(YDOC_RECORDS)
      for (const [key, record] of records) map.set(key, record)
      doc.getMap(YDOC_META).set(YDOC_META_SCHEMA, schema.serialize())
      const measured = doc.getMap(YDOC_IMPACT)
      for (const [key, value] of impact) measured.set(key, value)
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * Runs the new board through the rule chain as one update from a facilitator to an empty
 * board, with the guard every room uses; any record it would put back refuses the file.
 */
function checkLikeAnUpdate(state: Uint8Array, options: ImportOptions): ImportResult | null {
  const empty = new Y.Doc()
  const guard = new UpdateGuard(empty, options.rules, {
    boardId: options.boardId,
    storedBytes: () => 0,
  })
  try {
    const verdict = guard.check(state, { role: 'facilitator', id: 0, schema: null })
    if (!verdict.ok) {
      const tooLarge = verdict.code === CloseCode.TOO_LARGE
      return {
        ok: false,
        status: tooLarge ? 413 : 400,
        code: tooLarge ? 'payload_too_large' : 'invalid_record',
        error: tooLarge
          ? 'The board in the file is larger than this server allows.'
          : verdict.reason,
      }
    }
    const [first] = verdict.corrections
    if (first) return { ok: false, status: 400, code: 'invalid_record', error: first.reason }
    return null
  } finally {
    guard.destroy()
    empty.destroy()
  }
}

/** The chain's board size rule alone (none when the chain has none). */
function sizeRulesOf(chain: RuleChain): RuleChain {
  return new RuleChain(chain.rules.filter((rule) => rule.name === BOARD_SIZE_RULE))
}

/** The `src` of an image or video asset record, when it has one. */
function pictureSrc(record: unknown): string | null {
  const asset = record as { typeName?: unknown; type?: unknown; props?: { src?: unknown } }
  if (asset?.typeName !== 'asset' || (asset.type !== 'image' && asset.type !== 'video')) return null
  const src = asset.props?.src
  return typeof src === 'string' && src !== '' ? src : null
}

/** A base64 data URL's bytes when they are one of the picture types we store. */
function decodePhoto(src: string, maxBytes: number): { type: AssetType; data: Uint8Array } | null {
  const match = /^data:[^;,]*;base64,([A-Za-z0-9+/]*={0,2})$/.exec(src)
  if (!match || (match[1]!.length / 4) * 3 > maxBytes + 2) return null
  const data = new Uint8Array(Buffer.from(match[1]!, 'base64'))
  const type = sniffAssetType(data)
  return type && data.length <= maxBytes ? { type, data } : null
}

/** Whether `src` is a photo stored with `boardId`: its asset id, else null. */
export function boardAssetId(boardId: string, src: string): string | null {
  const id = src.slice(src.lastIndexOf('/') + 1)
  return isAssetId(id) && src === assetPath(boardId, id) ? id : null
}

function shortId(id: string): string {
  return id.length > 60 ? `${id.slice(0, 57)}...` : id
}

// [1] A file is a backup and a way to carry a board to another server, where the old
//     board's URLs would show nothing; so the photos go inside, as tldraw's .tldr files
//     carry them. A file this server could not import again would be no backup, hence the
//     budget; the count tells the person what is missing.
// [2] Same chain, same order, same messages: a file cannot put onto a board what a
//     facilitator's browser could not write into it live (an invalid card, an embedded or
//     foreign picture, a board over MAX_BOARD_BYTES).
// [3] The impact map is checked value by value (shape, lengths, numbers, dates) but not
//     against the board, as the impact rule checks a live write: a board keeps the
//     measurements of an action card deleted later (they are never deleted), and its file
//     must import again as it was exported. Dates are not held to a year after today: each
//     was checked against the day it was written.
// [4] The whole chain sees the records alone ([3]); the board size rule alone then sees the
//     state as it will be stored, impact included, so a file whose measurements alone pass
//     MAX_BOARD_BYTES is refused with the same 413 a live write would get.
