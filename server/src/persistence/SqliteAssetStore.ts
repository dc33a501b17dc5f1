import type Database from 'better-sqlite3'
import { ASSET_TYPES, type AssetType } from '@wijktafel/shared'
import type { AssetStore } from './AssetStore.js'

interface AssetRow {
  id: string
  board_id: string
  type: string
  data: Buffer
  created_at: string
}

/**
 * The `assets` table of the board database (created with the others in
 * SqliteBoardStore.ts), so a board and its photos are backed up, and deleted, together.
 */
export function createSqliteAssetStore(db: Database.Database): AssetStore {
  const insert = db.prepare<[string, string, string, Uint8Array, string]>(
    'INSERT INTO assets (id, board_id, type, data, created_at) VALUES (?, ?, ?, ?, ?)',
  )
  const select = db.prepare<[string, string], AssetRow>(
    'SELECT id, board_id, type, data, created_at FROM assets WHERE board_id = ? AND id = ?',
  )
  const count = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM assets WHERE board_id = ?',
  )
  const deleteAll = db.prepare<[string]>('DELETE FROM assets WHERE board_id = ?')

  return {
    addAsset(asset) {
      insert.run(asset.id, asset.boardId, asset.type, asset.data, asset.createdAt)
    },
    getAsset(boardId, assetId) {
      const row = select.get(boardId, assetId)
      if (!row || !isAssetType(row.type)) return undefined
      return {
        id: row.id,
        boardId: row.board_id,
        type: row.type,
        data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength),
        createdAt: row.created_at,
      }
    },
    countAssets: (boardId) => count.get(boardId)?.n ?? 0,
    deleteBoardAssets: (boardId) => deleteAll.run(boardId).changes,
  }
}

function isAssetType(value: string): value is AssetType {
  return (ASSET_TYPES as readonly string[]).includes(value)
}
