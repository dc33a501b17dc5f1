import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/messages.js'
import type { Role } from './roles.js'
import { isToken, type BoardTokens } from './tokens.js'

export const MAX_TITLE_LENGTH = 120

/** What a new board starts with: one of the two maps, both (two pages), nothing, or the example. */
export const BOARD_TEMPLATES = [
  'belangenkaart',
  'partnerschapskaart',
  'both',
  'empty',
  'example',
] as const
export type BoardTemplate = (typeof BOARD_TEMPLATES)[number]

export interface CreateBoardRequest {
  title: string
  /**
   * Without a template the document starts blank and the first client to open it writes
   * tldraw's default document and page; 'empty' is one named, empty page made by the server.
   */
  template?: BoardTemplate
  /** Language of the template's titles and the page names; default 'nl'. */
  locale: Locale
}

export interface CreateBoardResponse {
  id: string
  title: string
  tokens: BoardTokens
}

export interface BoardInfo {
  id: string
  title: string
  createdAt: string
  role: Role
  /** The board's link epoch (tokens.ts), told to the facilitator only: it shows the links. */
  linkEpoch?: number
}

/**
 * `POST /api/boards/:id/links/rotate`: new editor and viewer links, and a new own link if
 * asked. The new facilitator token is made by the CLIENT (32 random bytes, base64url, see
 * `isToken`) and kept before the request is sent: if the answer is lost, the browser still
 * holds the only copy of the link the server committed [1].
 */
export type RotateLinksRequest = { facilitator?: false } | { facilitator: true; token: string }

export interface RotateLinksResponse {
  /**
   * `facilitator` is the token the request sent, echoed only when it was replaced (the
   * client already has it; the echo confirms which token the server stored).
   */
  tokens: { editor: string; viewer: string; facilitator?: string }
  linkEpoch: number
}

/** `{}`, `{"facilitator": false}` or `{"facilitator": true, "token": "<43 base64url>"}`. */
export function parseRotateLinksRequest(body: unknown): Parsed<RotateLinksRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The body must be a JSON object.' }
  }
  const { facilitator, token, ...rest } = body as Record<string, unknown>
  if (Object.keys(rest).length > 0) {
    return { ok: false, error: `Unknown field: ${Object.keys(rest)[0]}.` }
  }
  if (facilitator !== undefined && typeof facilitator !== 'boolean') {
    return { ok: false, error: '"facilitator" must be true or false.' }
  }
  if (facilitator !== true) {
    if (token !== undefined) {
      return { ok: false, error: '"token" is only sent with "facilitator": true.' }
    }
    return { ok: true, value: facilitator === false ? { facilitator } : {} }
  }
  if (!isToken(token)) {
    return {
      ok: false,
      error:
        'With "facilitator": true, "token" must be the new token: 32 random bytes in base64url.',
    }
  }
  return { ok: true, value: { facilitator: true, token } }
}

export interface ApiError {
  error: string
  code: string
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

/** Validates the body of `POST /api/boards`. The title is trimmed; inner whitespace is kept. */
export function parseCreateBoardRequest(body: unknown): Parsed<CreateBoardRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The body must be a JSON object like {"title": "..."}.' }
  }
  const title = (body as Record<string, unknown>).title
  if (typeof title !== 'string') return { ok: false, error: 'A title (a string) is required.' }
  const trimmed = title.trim()
  if (trimmed.length === 0) return { ok: false, error: 'The title must not be empty.' }
  if ([...trimmed].length > MAX_TITLE_LENGTH) {
    return { ok: false, error: `The title may be at most ${MAX_TITLE_LENGTH} characters.` }
  }
  // Control characters have no place in a title and would break the page header.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) {
    return { ok: false, error: 'The title must not contain control characters.' }
  }
  const { template, locale = DEFAULT_LOCALE } = body as Record<string, unknown>
  if (template !== undefined && !(BOARD_TEMPLATES as readonly unknown[]).includes(template)) {
    return { ok: false, error: `The template must be one of: ${BOARD_TEMPLATES.join(', ')}.` }
  }
  if (!isLocale(locale)) return { ok: false, error: 'The locale must be "nl" or "en".' }
  const value: CreateBoardRequest = { title: trimmed, locale }
  if (template !== undefined) value.template = template as BoardTemplate
  return { ok: true, value }
}

// [1] When the server made the new facilitator token, a rotate answer lost to a dropped
//     connection left the board with a facilitator link nobody had: the old one was
//     revoked in the same transaction. A token the client made and saved first survives
//     that; sending the same token again after a lost answer just rotates once more.
