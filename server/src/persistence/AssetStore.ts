import type { AssetType } from '@wijktafel/shared'

/** One stored photo or picture of a board. */
export interface StoredAsset {
  /** 16 random bytes in base64url; with the board id, the capability to fetch it. */
  id: string
  boardId: string
  /** Sniffed from the bytes when it was uploaded, never taken from the request. */
  type: AssetType
  data: Uint8Array
  /** ISO 8601. */
  createdAt: string
}

/**
 * The photos of each board, kept next to the board in the same database. Assets are never
 * removed one by one [1]; they go when their board goes.
 */
export interface AssetStore {
  addAsset(asset: StoredAsset): void
  /** The asset with this id on this board; another board's asset is not found here. */
  getAsset(boardId: string, assetId: string): StoredAsset | undefined
  countAssets(boardId: string): number
  /** Deletes every asset of the board (for deleting boards, issue 10); returns how many. */
  deleteBoardAssets(boardId: string): number
}

// [1] An image shape deleted by one person can come back through anyone's undo, or from
//     a copy pasted into another board (the URL travels with it), so no single deletion
//     proves that the bytes are no longer needed.
