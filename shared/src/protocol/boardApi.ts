import type { Role } from './roles.js'
import type { BoardTokens } from './tokens.js'

export const MAX_TITLE_LENGTH = 120

export interface CreateBoardRequest {
  title: string
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
  return { ok: true, value: { title: trimmed } }
}
