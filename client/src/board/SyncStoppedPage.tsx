import type { MessageKey } from '@wijktafel/shared'
import { RefreshCw } from 'lucide-react'
import { useT } from '../app/useT'
import type { ServerClose } from './sync/useBoardSync'
import './syncMessages.css'

/**
 * Instead of the canvas when the connection stopped before the board could be shown (no
 * offline copy yet): nothing of this person's is on it, so there is nothing to download.
 */
export function SyncStoppedPage({ close }: { close: ServerClose | undefined }) {
  const t = useT()
  const reload = close?.then === 'reload'
  const message: MessageKey = close?.message ?? 'close.otherRefusal'
  return (
    <main className="wt-center">
      <div className="wt-card" role="alert" data-testid="sync-stopped">
        <h1>{t(reload ? 'sync.reload.title' : 'sync.stopped.title')}</h1>
        <p>{t(message)}</p>
        <button
          type="button"
          className="wt-button wt-button--primary"
          onClick={() => location.reload()}
        >
          <RefreshCw aria-hidden="true" size={20} />
          {t('sync.reload')}
        </button>
        {close && (
          <p className="wt-stopped__code" lang="en">
            {close.reason ? `${close.code}: ${close.reason}` : close.code}
          </p>
        )}
      </div>
    </main>
  )
}
