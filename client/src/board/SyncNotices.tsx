import { CloseCode } from '@wijktafel/shared'
import { AlertTriangle, X } from 'lucide-react'
import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { useT } from '../app/useT'
import { useBoard } from './BoardContext'
import './syncMessages.css'

/** How long a notice about a change the server put back stays (longer while pointed at). */
const NOTICE_MS = 15_000

/**
 * Short, non-blocking notices under the top bar: a change of yours the server put back
 * (the connection stays up), or why the connection is being tried again. Read aloud by
 * screen readers; a stopped connection gets the dialog instead (SyncStoppedDialog).
 */
export function SyncNotices() {
  const t = useT()
  const { connection, close, notice, outdated } = useBoard().sync
  const [hidden, setHidden] = useState<number | undefined>()
  const [hovered, setHovered] = useState(false)

  useEffect(() => {
    if (!notice || hovered) return
    const timer = setTimeout(() => setHidden(notice.id), NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice, hovered])

  // A plain network loss is said by the badge alone; a server's reason deserves a sentence.
  const retrying =
    close?.then === 'reconnect' &&
    close.code !== CloseCode.CONNECTION_LOST &&
    (connection === 'reconnecting' || connection === 'connecting')
  const showNotice = notice && notice.id !== hidden
  if (connection === 'stopped' || outdated) return null // SyncStoppedDialog says it all

  // On the page itself, not in tldraw's top bar: a phone gives that bar only part of its width.
  return createPortal(
    <div className="wt-notices" aria-live="polite">
      {retrying && (
        <div className="wt-notice wt-notice--retry" role="status">
          <p>{t(close.message)}</p>
        </div>
      )}
      {showNotice && (
        <div
          className="wt-notice wt-notice--refused"
          role="status"
          data-notice={notice.kind}
          onPointerEnter={() => setHovered(true)}
          onPointerLeave={() => setHovered(false)}
        >
          <AlertTriangle className="wt-notice__icon" aria-hidden="true" size={22} />
          <div className="wt-notice__text">
            <strong>{t('sync.refused.title')}</strong>
            <p>{t(notice.hint)}</p>
            {notice.detail && (
              <p className="wt-notice__detail">
                {t('sync.fromServer')}: <span lang="en">{notice.detail}</span>
              </p>
            )}
          </div>
          <button
            type="button"
            className="wt-notice__close"
            aria-label={t('sync.dismiss')}
            title={t('sync.dismiss')}
            onClick={() => setHidden(notice.id)}
          >
            <X aria-hidden="true" size={20} />
          </button>
        </div>
      )}
    </div>,
    document.body,
  )
}
