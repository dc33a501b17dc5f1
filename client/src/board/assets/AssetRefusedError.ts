import { ApiRequestError } from '../../app/api'

/** Why a file did not become a picture on the board; each reason has its own message. */
export type AssetRefusal = 'type' | 'size' | 'upload' | 'tooMany'

export class AssetRefusedError extends Error {
  constructor(
    readonly reason: AssetRefusal,
    options?: { cause?: unknown },
  ) {
    super(`picture refused: ${reason}`, options)
    this.name = 'AssetRefusedError'
  }

  /** Any failure on the way to the board, as a refusal the person can be told about. */
  static from(error: unknown): AssetRefusedError {
    if (error instanceof AssetRefusedError) return error
    if (error instanceof ApiRequestError) {
      if (error.status === 413) return new AssetRefusedError('size', { cause: error })
      if (error.status === 415) return new AssetRefusedError('type', { cause: error })
    }
    return new AssetRefusedError('upload', { cause: error })
  }
}
