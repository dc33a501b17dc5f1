import type {
  ApiError,
  AssetUploadResponse,
  BoardInfo,
  CreateBoardRequest,
  CreateBoardResponse,
} from '@wijktafel/shared'

/** An HTTP error from our API, with the status so pages can say what went wrong. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    /** The Retry-After header in seconds (429, 503), or null. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message)
    this.name = 'ApiRequestError'
  }
}

/** The Retry-After header of a refusal, in seconds (the server sends whole seconds). */
export function retryAfterSeconds(response: Response): number | null {
  const seconds = Number(response.headers.get('Retry-After'))
  return Number.isFinite(seconds) && seconds > 0 ? seconds : null
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  const response = await fetch(path, init)
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const err = (body ?? {}) as Partial<ApiError>
    throw new ApiRequestError(
      response.status,
      err.error ?? response.statusText,
      err.code ?? 'error',
      retryAfterSeconds(response),
    )
  }
  return body as T
}

export function createBoard(board: CreateBoardRequest): Promise<CreateBoardResponse> {
  return request('/api/boards', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(board),
  })
}

export function getBoard(id: string, token: string): Promise<BoardInfo> {
  return request(`/api/boards/${encodeURIComponent(id)}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
}

/** Stores a photo with the board; answers with the URL it is served at. */
export function uploadAsset(
  boardId: string,
  token: string,
  file: Blob,
  signal?: AbortSignal,
): Promise<AssetUploadResponse> {
  return request(`/api/boards/${encodeURIComponent(boardId)}/assets`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': file.type },
    body: file,
    signal,
  })
}

/** The link that opens a board with a token; the token stays in the fragment. */
export function boardLink(id: string, token: string): string {
  return `${location.origin}/b/${id}#${token}`
}
