import type { MessageKey } from '@wijktafel/shared'
import { useT } from '../app/useT'
import { useBoard } from './BoardContext'

const LABELS: Record<string, MessageKey> = {
  connected: 'status.connected',
  connecting: 'status.connecting',
  reconnecting: 'status.reconnecting',
  offline: 'status.offline',
}

/** Always visible: whether what you do reaches the others right now. */
export function ConnectionBadge() {
  const t = useT()
  const { connection, refusal, outdated } = useBoard()
  const state = outdated ? 'refused' : refusal ? 'refused' : connection
  const label = outdated
    ? t('status.outdated')
    : refusal
      ? t('status.refused')
      : t(LABELS[connection] ?? 'status.connecting')
  return (
    <span
      className={`wt-status wt-status--${state}`}
      role="status"
      data-connection={connection}
      title={refusal ? `${refusal.code}: ${refusal.reason}` : undefined}
    >
      <span className="wt-status__dot" aria-hidden="true" />
      {label}
    </span>
  )
}
