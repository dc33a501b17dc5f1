import type { BoardInfo } from '@wijktafel/shared'
import { Download, RefreshCw } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useEditor, type Editor } from 'tldraw'
import { useT } from '../app/useT'
import { useBoard } from './BoardContext'
import { unsavedBoardFile } from './sync/unsavedBoardFile'
import './syncMessages.css'

/**
 * When this tab can no longer save (a final close in CLOSE_POLICY, or a board saved by a
 * newer version): a dialog says so in plain words and offers the records as this browser
 * has them, and a reload. "Alleen bekijken" closes it to a bar with the same two buttons;
 * the board stays visible and read-only.
 */
export function SyncStoppedDialog() {
  const t = useT()
  const editor = useEditor()
  const { info, sync } = useBoard()
  const { connection, close, outdated } = sync
  const stopped = connection === 'stopped' || outdated
  const reload = outdated || close?.then === 'reload'
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(true)

  useEffect(() => {
    const element = dialog.current
    if (stopped && open && element && !element.open) element.showModal()
  }, [stopped, open])

  if (!stopped) return null
  const message = connection === 'stopped' && close ? close.message : 'close.reload'
  const why = !close
    ? 'outdated'
    : close.reason
      ? `${close.code}: ${close.reason}`
      : `${close.code}`
  const buttons = [
    <button
      key="download"
      type="button"
      className={`wt-button${reload ? '' : ' wt-button--primary'}`}
      onClick={() => downloadUnsaved(editor, info, why)}
    >
      <Download aria-hidden="true" size={20} />
      {t('sync.download')}
    </button>,
    <button
      key="reload"
      type="button"
      className={`wt-button${reload ? ' wt-button--primary' : ''}`}
      onClick={() => location.reload()}
    >
      <RefreshCw aria-hidden="true" size={20} />
      {t('sync.reload')}
    </button>,
  ]
  if (reload) buttons.reverse()
  const title = t(reload ? 'sync.reload.title' : 'sync.stopped.title')

  return (
    <>
      <dialog
        ref={dialog}
        className="wt-dialog wt-stopped"
        aria-labelledby="wt-stopped-title"
        data-testid="sync-stopped"
        onClose={() => setOpen(false)}
      >
        <h2 id="wt-stopped-title">{title}</h2>
        <p>{t(message)}</p>
        <p className="wt-stopped__note">{t('sync.stopped.readOnly')}</p>
        <div className="wt-stopped__actions">
          {buttons}
          <form method="dialog">
            <button type="submit" className="wt-button wt-button--quiet">
              {t('sync.keepLooking')}
            </button>
          </form>
        </div>
        <p className="wt-stopped__code" lang="en">
          {why}
        </p>
      </dialog>
      {!open &&
        createPortal(
          <div className="wt-notices">
            <div className="wt-notice wt-notice--stopped" role="status">
              <strong>{title}</strong>
              <div className="wt-stopped__actions">{buttons}</div>
            </div>
          </div>,
          document.body,
        )}
    </>
  )
}

function downloadUnsaved(editor: Editor, board: BoardInfo, why: string): void {
  const file = unsavedBoardFile(editor.store, board, why)
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.name
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has the file once the click is handled; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
