import { sniffAssetType } from '@wijktafel/shared'
import type { TLAssetStore } from 'tldraw'
import { uploadAsset } from '../../app/api'
import { AssetRefusedError } from './AssetRefusedError'

export interface BoardAssetStoreOptions {
  boardId: string
  /** The editor or facilitator token of this browser's link. */
  token: string
  maxBytes: number
}

/**
 * tldraw's asset store for one board: `upload` sends a file to the board on our server
 * and the asset record keeps only the URL it answers with (`/api/boards/<id>/assets/<id>`),
 * never the bytes. That relative URL is what every browser loads, so no `resolve` is
 * needed; there is no `remove` either, because a picture stays as long as its board [1].
 */
export function createBoardAssetStore(options: BoardAssetStoreOptions): TLAssetStore {
  const { boardId, token, maxBytes } = options
  return {
    async upload(_asset, file, abortSignal) {
      // The server checks the same; checking here first saves sending a file for nothing.
      if (!sniffAssetType(new Uint8Array(await file.slice(0, 16).arrayBuffer()))) {
        throw new AssetRefusedError('type')
      }
      if (file.size > maxBytes) throw new AssetRefusedError('size')
      try {
        return await uploadAsset(boardId, token, file, abortSignal)
      } catch (error) {
        throw AssetRefusedError.from(error)
      }
    },
  }
}

// [1] Someone's undo can bring back an image shape that another person deleted, and a
//     copied shape pasted into another board keeps its URL; deleting the bytes when one
//     shape goes would break both. They go when the board is deleted.
