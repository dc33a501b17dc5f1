import { MonitorX } from 'lucide-react'
import { useRef, useState } from 'react'
import { useT } from '../../app/useT'
import type { RecentBoard } from '../../state/session'
import { forgetBoardOnDevice } from './forgetBoard'
import './forget.css'

/**
 * The start page's "forget" button on one recent board: asks, then removes the board's
 * links, offline copies and photos from this device (forgetBoard.ts). The board is not
 * open here, so its copy can be deleted at once [1].
 */
export function ForgetRecentButton({ board }: { board: RecentBoard }) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  const [failed, setFailed] = useState(false)
  const label = t('forget.recent').replace('{title}', board.title)

  async function forget() {
    const done = await forgetBoardOnDevice(board.id)
    if (done) dialog.current?.close()
    else setFailed(true)
  }

  return (
    <>
      <button
        type="button"
        className="wt-recent__forget"
        aria-label={label}
        title={label}
        data-testid={`forget-${board.id}`}
        onClick={() => {
          setFailed(false)
          dialog.current?.showModal()
        }}
      >
        <MonitorX aria-hidden="true" size={22} />
      </button>
      <dialog ref={dialog} className="wt-dialog" aria-labelledby={`forget-${board.id}-title`}>
        <h2 id={`forget-${board.id}-title`}>{t('forget.title')}</h2>
        <p dir="auto">
          <strong>{board.title}</strong>
        </p>
        <p>{t('forget.explain')}</p>
        {failed && (
          <p className="wt-error" role="alert">
            {t('forget.failed')}
          </p>
        )}
        <div className="wt-forget__actions">
          <button
            type="button"
            className="wt-button wt-button--danger"
            onClick={() => void forget()}
          >
            <MonitorX aria-hidden="true" size={20} />
            {t('forget.confirm')}
          </button>
          <button type="button" className="wt-button" onClick={() => dialog.current?.close()}>
            {t('record.cancel')}
          </button>
        </div>
      </dialog>
    </>
  )
}

// [1] A board open in another tab keeps its copy open: the deletion waits a few seconds
//     for it, then says to close that tab (forget.failed). The links are gone either way.
