import type { TLSchema } from '@tldraw/tlschema'
import type { Logger } from '../config.js'
import type { AssetStore } from '../persistence/AssetStore.js'
import type { BoardStore } from '../persistence/BoardStore.js'
import type { RoomManager } from '../rooms/RoomManager.js'
import type { RuleChain } from '../rules/index.js'
import type { Admission } from './admission.js'
import type { BoardVersions } from '../versions/BoardVersions.js'

/** What the board endpoints beyond create and read work with (app.ts builds it). */
export interface BoardServices {
  store: BoardStore
  rooms: RoomManager
  /** New boards per client address: an import is a new board too. */
  admission: Admission
  /** Null when the server was given a board store without them (some tests): 503. */
  versions: BoardVersions | null
  assets: AssetStore | null
  /** Runs `write` as one database transaction; null without one (503 for imports). */
  transaction: (<T>(write: () => T) => T) | null
  schema: TLSchema
  rules: RuleChain
  maxBodyBytes: number
  maxImportBytes: number
  maxAssetBytes: number
  log: Logger
}
