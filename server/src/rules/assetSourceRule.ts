import { assetPath, isAssetId } from '@wijktafel/shared'
import { recordRule } from './recordRule.js'
import type { Rule } from './Rule.js'

/**
 * An image or video on a board shows a picture stored with that board, or nothing yet: its
 * asset's `src` is `/api/boards/<this board>/assets/<id>` or empty [1]. Written as the README's
 * "how to add a server rule" describes; runs after record validity, so `props` is there.
 */
export const assetSourceRule: Rule = recordRule('asset source', (_key, value, { boardId }) => {
  const asset = value as { typeName: string; type?: string; props?: { src?: unknown } }
  if (asset.typeName !== 'asset' || (asset.type !== 'image' && asset.type !== 'video')) {
    return null
  }
  const src = asset.props?.src
  if (src === null || src === undefined || src === '') return null
  const id = typeof src === 'string' ? src.slice(src.lastIndexOf('/') + 1) : ''
  if (isAssetId(id) && src === assetPath(boardId, id)) return null
  return 'a picture must be uploaded to this board, not embedded or linked'
})

// [1] Without it a modified or outdated client could put a photo into the board as a data:
//     URL (megabytes in every sync, past the message limit, and the photo's EXIF location
//     with it) or point everyone's browser at another host. Pictures stored before this rule
//     keep their src: only records an update writes are judged.
