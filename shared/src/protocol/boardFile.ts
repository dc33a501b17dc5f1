import { MAX_TITLE_LENGTH } from './boardApi.js'

/**
 * A whole board as one JSON file (`GET /api/boards/:id/export.json`, `POST
 * /api/boards/import`): our records with the schema they were written with, so a later
 * Wijktafel migrates them [1]. Photos travel inside it as data URLs in their asset's `src`,
 * as tldraw's own .tldr files carry them [2].
 */
export const BOARD_FILE_FORMAT = 'wijktafel-board'
export const BOARD_FILE_VERSION = 1
export const BOARD_FILE_EXTENSION = '.wijktafel.json'

/** Default of the server's MAX_IMPORT_BYTES: a board with a dozen photos fits [3]. */
export const DEFAULT_MAX_IMPORT_BYTES = 16 * 1024 * 1024
/** More records than this is no board a table made by hand. */
export const MAX_BOARD_FILE_RECORDS = 100_000

export interface BoardFile {
  format: typeof BOARD_FILE_FORMAT
  formatVersion: number
  /** ISO 8601. */
  exportedAt: string
  board: { title: string; createdAt: string }
  /** The tldraw SerializedSchema (v2) the records were written with. */
  schema: unknown
  /** Document records: the document, pages, shapes, bindings, assets. */
  records: unknown[]
  /**
   * Photos left out because the file would pass the import limit: their assets have an
   * empty `src` in `records`. 0 when every photo is inside.
   */
  omittedPhotos: number
  /**
   * The board's `impact` map (shared/src/impact: measurements, evaluation rounds, round
   * statuses), key -> value; absent in files from before the impact model, read as empty.
   */
  impact?: Record<string, unknown>
}

/**
 * Why a file cannot become a board; the server answers 400 with one of these codes (413
 * `payload_too_large` for a file over the limit), and the client explains each.
 */
export const BOARD_FILE_ERRORS = [
  'invalid_json',
  'not_a_board_file',
  'invalid_board_file',
  'newer_format',
  'newer_schema',
  'invalid_record',
  'incomplete_board',
  'invalid_photo',
] as const
export type BoardFileErrorCode = (typeof BOARD_FILE_ERRORS)[number]

export type ParsedBoardFile =
  { ok: true; file: BoardFile } | { ok: false; code: BoardFileErrorCode; error: string }

/**
 * Checks what can be checked without a schema: that it is our format at a version this app
 * reads, with a title, a schema object and a list of records. The records themselves are
 * migrated and validated by the server.
 */
export function parseBoardFile(json: unknown): ParsedBoardFile {
  const fail = (code: BoardFileErrorCode, error: string): ParsedBoardFile => ({
    ok: false,
    code,
    error,
  })
  if (!isObject(json) || json.format !== BOARD_FILE_FORMAT) {
    return fail('not_a_board_file', 'This is not a Wijktafel board file.')
  }
  const { formatVersion, exportedAt, board, schema, records, omittedPhotos, impact } = json
  if (!Number.isSafeInteger(formatVersion) || (formatVersion as number) < 1) {
    return fail('invalid_board_file', 'The file has no valid formatVersion.')
  }
  if ((formatVersion as number) > BOARD_FILE_VERSION) {
    return fail(
      'newer_format',
      `The file was made by a newer Wijktafel (format ${String(formatVersion)}); this one reads format ${BOARD_FILE_VERSION}.`,
    )
  }
  if (!isObject(board) || typeof board.title !== 'string') {
    return fail('invalid_board_file', 'The file has no board title.')
  }
  const title = board.title.trim()
  if (title === '' || [...title].length > MAX_TITLE_LENGTH || /[\u0000-\u001f\u007f]/.test(title)) {
    return fail(
      'invalid_board_file',
      `The board title must be 1 to ${MAX_TITLE_LENGTH} characters without control characters.`,
    )
  }
  if (!isObject(schema)) return fail('invalid_board_file', 'The file has no schema.')
  if (!Array.isArray(records)) return fail('invalid_board_file', 'The file has no records list.')
  if (impact !== undefined && !isObject(impact)) {
    return fail('invalid_board_file', 'The impact part of the file is not an object.')
  }
  if (records.length > MAX_BOARD_FILE_RECORDS) {
    return fail(
      'invalid_board_file',
      `A board file holds at most ${MAX_BOARD_FILE_RECORDS} records.`,
    )
  }
  return {
    ok: true,
    file: {
      format: BOARD_FILE_FORMAT,
      formatVersion: formatVersion as number,
      exportedAt: typeof exportedAt === 'string' ? exportedAt : '',
      board: { title, createdAt: typeof board.createdAt === 'string' ? board.createdAt : '' },
      schema,
      records,
      omittedPhotos: Number.isSafeInteger(omittedPhotos) ? (omittedPhotos as number) : 0,
      ...(impact !== undefined && { impact }),
    },
  }
}

/**
 * A board title as a file name part: lower case, accents dropped, words joined by dashes
 * ("Dé Horst, Arnhem" -> "de-horst-arnhem"); "bord" when nothing is left.
 */
export function boardSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'bord'
}

/** `yyyy-mm-dd` of a date, in UTC. */
export function fileDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** `<board-slug>-<yyyy-mm-dd>.wijktafel.json` */
export function boardFileName(title: string, date: Date): string {
  return `${boardSlug(title)}-${fileDate(date)}${BOARD_FILE_EXTENSION}`
}

/** `<board-slug>-acties-<yyyy-mm-dd>.csv` */
export function actionsCsvFileName(title: string, date: Date): string {
  return `${boardSlug(title)}-acties-${fileDate(date)}.csv`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// [1] The same records the Y.Doc holds, so an import is the same migration and validation
//     as a live update (the server's rule chain), not a second format to maintain.
// [2] A file is a backup and a way to move a board to another server, so it must carry the
//     photos; the board's own URLs would not work on a copy (they name the old board). On
//     import every embedded photo is sniffed, stored with the new board, and its `src`
//     becomes the new board's URL.
// [3] The browser shrinks photos to 2048 px (a few hundred KB each); base64 adds a third.
//     The limit also bounds what one anonymous request can make the server parse.
