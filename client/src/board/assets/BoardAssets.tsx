import { DEFAULT_MAX_ASSET_BYTES, translate, type MessageKey } from '@wijktafel/shared'
import { useEffect } from 'react'
import { useEditor, useToasts } from 'tldraw'
import { useSession } from '../../state/session'
import type { AssetRefusal } from './AssetRefusedError'
import { createBoardAssetStore } from './createBoardAssetStore'
import { registerBoardContentHandlers } from './registerBoardContentHandlers'

const MESSAGES: Record<AssetRefusal, { title: MessageKey; hint: MessageKey }> = {
  type: { title: 'assets.wrongType', hint: 'assets.wrongType.hint' },
  size: { title: 'assets.tooBig', hint: 'assets.tooBig.hint' },
  upload: { title: 'assets.uploadFailed', hint: 'assets.uploadFailed.hint' },
  tooMany: { title: 'assets.tooMany', hint: 'assets.tooMany.hint' },
}

const BUSY_TOAST = 'wt-assets-busy'

/**
 * Rendered inside `<Tldraw>`: photos and files go through our server, pasted links stay
 * links, and a file that cannot go on the board is explained in one of tldraw's toasts
 * (in the page's language) [1].
 */
export function BoardAssets({ boardId, token }: { boardId: string; token: string }) {
  const editor = useEditor()
  const toasts = useToasts()

  useEffect(() => {
    const maxBytes = DEFAULT_MAX_ASSET_BYTES
    const t = (key: MessageKey) =>
      translate(useSession.getState().locale, key)
        .replace('{size}', `${Math.round(maxBytes / 1024 / 1024)} MB`)
        .replace('{count}', String(editor.options.maxFilesAtOnce))
    let busy = 0
    registerBoardContentHandlers(editor, {
      assets: createBoardAssetStore({ boardId, token, maxBytes }),
      maxBytes,
      onRefused(error) {
        const { title, hint } = MESSAGES[error.reason]
        if (error.reason === 'upload') console.warn('A picture could not be stored', error.cause)
        // One toast per reason: ten refused files say it once.
        toasts.addToast({
          id: `wt-assets-${error.reason}`,
          severity: 'error',
          title: t(title),
          description: t(hint),
          closeLabel: t('assets.dismiss'),
        })
      },
      onBusy() {
        if (busy++ === 0) {
          toasts.addToast({
            id: BUSY_TOAST,
            severity: 'info',
            title: t('assets.adding'),
            keepOpen: true,
          })
        }
        let done = false
        return () => {
          if (done) return
          done = true
          if (--busy === 0) toasts.removeToast(BUSY_TOAST)
        }
      },
    })
  }, [editor, toasts, boardId, token])

  return null
}

// [1] The browser checks against the default MAX_ASSET_BYTES; a server configured lower
//     answers 413, which is told the same way. Registering in an effect runs after tldraw's
//     own handlers were registered (a layout effect of <Tldraw>), so ours win.
