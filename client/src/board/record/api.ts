import type {
  CreateBoardResponse,
  CreateVersionRequest,
  RestoreVersionResponse,
  VersionDetailResponse,
  VersionInfo,
  VersionListResponse,
} from '@wijktafel/shared'
import { ApiRequestError, retryAfterSeconds } from '../../app/api'

/**
 * The board's record-keeping endpoints (versions, restore, delete, JSON, CSV), in the style
 * of app/api.ts: every call sends the link's token as a bearer token and turns an error
 * answer `{ error, code }` into an ApiRequestError.
 */

function boardPath(boardId: string, rest = ''): string {
  return `/api/boards/${encodeURIComponent(boardId)}${rest}`
}

async function call(path: string, token: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers)
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const response = await fetch(path, { ...init, headers })
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: string
      code?: string
    } | null
    throw new ApiRequestError(
      response.status,
      body?.error ?? response.statusText,
      body?.code ?? 'error',
      retryAfterSeconds(response),
    )
  }
  return response
}

async function json<T>(path: string, token: string | null, init?: RequestInit): Promise<T> {
  return (await (await call(path, token, init)).json()) as T
}

export async function listVersions(boardId: string, token: string): Promise<VersionInfo[]> {
  return (await json<VersionListResponse>(boardPath(boardId, '/versions'), token)).versions
}

export function saveVersion(
  boardId: string,
  token: string,
  body: CreateVersionRequest,
): Promise<VersionInfo> {
  return json(boardPath(boardId, '/versions'), token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

export function getVersion(
  boardId: string,
  token: string,
  id: string,
): Promise<VersionDetailResponse> {
  return json(boardPath(boardId, `/versions/${encodeURIComponent(id)}`), token)
}

export function restoreVersion(
  boardId: string,
  token: string,
  id: string,
): Promise<RestoreVersionResponse> {
  return json(boardPath(boardId, `/versions/${encodeURIComponent(id)}/restore`), token, {
    method: 'POST',
  })
}

export async function deleteVersion(boardId: string, token: string, id: string): Promise<void> {
  await call(boardPath(boardId, `/versions/${encodeURIComponent(id)}`), token, {
    method: 'DELETE',
  })
}

export async function deleteBoard(boardId: string, token: string): Promise<void> {
  await call(boardPath(boardId), token, { method: 'DELETE' })
}

/** A download: the bytes and the file name the server gives in Content-Disposition. */
export async function download(
  boardId: string,
  token: string,
  file: 'export.json' | 'actions.csv',
  locale: string,
): Promise<{ blob: Blob; name: string }> {
  // The CSV's column names and choices are in the reader's language.
  const query = file === 'actions.csv' ? `?locale=${encodeURIComponent(locale)}` : ''
  const response = await call(boardPath(boardId, `/${file}${query}`), token)
  const name = fileNameFromDisposition(response.headers.get('Content-Disposition')) ?? file
  return { blob: await response.blob(), name }
}

/** A new board from an exported file; no token: like creating a board, anyone may. */
export function importBoard(file: Blob): Promise<CreateBoardResponse> {
  return json('/api/boards/import', null, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: file,
  })
}

/** `attachment; filename="a.csv"; filename*=UTF-8''%C3%A9.csv`: the UTF-8 one wins [1]. */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)
  return plain?.[1]?.trim() || null
}

// [1] RFC 6266: `filename*` carries names with characters outside ASCII ("één"), and a
//     server sends a plain `filename` beside it for older clients.
