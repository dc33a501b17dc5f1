import type { MessageKey } from '@wijktafel/shared'
import { useT } from '../app/useT'
import { useBoard } from './BoardContext'

const LABELS: Record<string, MessageKey> = {
  connected: 'status.connected',
  connecting: 'status.connecting',
  reconnecting: 'status.reconnecting',
  offline: 'status.offline',
  stopped: 'status.stopped',
}

/**
 * Always visible: whether what you do reaches the others right now. It says "connected" only
 * while the provider is synced and this tab writes to the board; a board saved by a newer
 * version (outdated, or close 4426) reads "new version", a stopped connection "stopped".
 */
export function ConnectionBadge() {
  const t = useT()
  const { connection, close, outdated } = useBoard().sync
  const reload = outdated || (connection === 'stopped' && close?.then === 'reload')
  const shown = reload ? 'outdated' : connection
  const label = reload ? t('status.outdated') : t(LABELS[connection] ?? 'status.connecting')
  // The code and the server's reason are for whoever helps; the person reads the notice.
  const title =
    close && connection !== 'connected' ? `${close.code} ${close.reason}`.trim() : undefined
  return (
    <span
      className={`wt-status wt-status--${shown === 'stopped' || reload ? 'refused' : shown}`}
      role="status"
      data-connection={shown}
      title={title}
    >
      <span className="wt-status__dot" aria-hidden="true" />
      {label}
    </span>
  )
}
