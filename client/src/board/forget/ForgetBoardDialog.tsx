import { Download, MonitorX } from 'lucide-react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { useBoard } from '../BoardContext'
import { RecordDialog } from '../record/RecordDialog'
import { saveBlob } from '../record/download'
import { unsavedBoardFile } from '../sync/unsavedBoardFile'
import { forgetAfterLeaving } from './forgetBoard'
import './forget.css'

/**
 * "Vergeet dit bord op dit apparaat", from the Bewaren menu: asks first, says so when this
 * tab holds changes the server may not have (not connected right now [1]) and offers them
 * as a download, then removes the board from this device and goes to the start page.
 */
export function ForgetBoardDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT()
  const editor = useEditor()
  const { info, sync } = useBoard()
  const unsaved = sync.connection !== 'connected' && info.role !== 'viewer'

  function download() {
    const file = unsavedBoardFile(editor.store, info, 'forget this board on this device')
    saveBlob(new Blob([file.text], { type: 'application/json' }), file.name)
  }

  return (
    <RecordDialog open={open} onClose={onClose} title={t('forget.title')} id="forget-board">
      <p>{t('forget.explain')}</p>
      {unsaved && (
        <div className="wt-forget__unsaved" role="alert">
          <p>{t('forget.unsaved')}</p>
          <button type="button" className="wt-button wt-button--primary" onClick={download}>
            <Download aria-hidden="true" size={20} />
            {t('sync.download')}
          </button>
        </div>
      )}
      <div className="wt-forget__actions">
        <button
          type="button"
          className="wt-button wt-button--danger"
          onClick={() => forgetAfterLeaving(info.id)}
        >
          <MonitorX aria-hidden="true" size={20} />
          {t('forget.confirm')}
        </button>
        <button type="button" className="wt-button" onClick={onClose}>
          {t('record.cancel')}
        </button>
      </div>
    </RecordDialog>
  )
}

// [1] y-websocket has no acknowledgements (sync/offlineCopy.ts [1]): while the badge says
//     "Verbonden" every change has been sent to a server that stores before it passes on;
//     in any other state some may not have arrived, so the download comes first.
