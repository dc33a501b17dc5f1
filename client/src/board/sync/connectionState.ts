import {
  closePolicyOf,
  shouldReconnect,
  type ClosePolicy,
  type MessageKey,
} from '@wijktafel/shared'

/**
 * What a person needs to know about the link to the others:
 * - `connecting`: not yet synced with the server since the board was opened;
 * - `connected`: synced, what you do reaches the others;
 * - `reconnecting`: was connected, lost it, trying again (edits are kept and sent later);
 * - `offline`: the browser says there is no network;
 * - `stopped`: the connection will not be tried again (CLOSE_POLICY); the board is read-only.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'stopped'

export interface ConnectionFacts {
  /** `navigator.onLine`. */
  online: boolean
  /** The provider is connected and synced right now. */
  synced: boolean
  /** The provider was synced at least once since the board was opened. */
  everSynced: boolean
  /** A close said not to reconnect. */
  stopped: boolean
}

export function connectionStateOf({
  online,
  synced,
  everSynced,
  stopped,
}: ConnectionFacts): ConnectionState {
  if (stopped) return 'stopped'
  if (!online) return 'offline'
  if (synced) return 'connected'
  return everSynced ? 'reconnecting' : 'connecting'
}

/** A close of the connection by the server or the network, judged by CLOSE_POLICY. */
export interface ServerClose {
  code: number
  reason: string
  /** What the client does now; `stop` too once a retried close came too often in a row. */
  then: ClosePolicy['then']
  offlineCopy: ClosePolicy['offlineCopy']
  /** What the person is told. */
  message: MessageKey
}

/** Judges the `inARow`-th close with `code` since the last connection that stayed healthy. */
export function judgeClose(code: number, reason: string, inARow: number): ServerClose {
  const policy = closePolicyOf(code)
  const gaveUp = policy.then === 'reconnect' && !shouldReconnect(code, inARow)
  return {
    code,
    reason,
    then: gaveUp ? 'stop' : policy.then,
    offlineCopy: policy.offlineCopy,
    message: gaveUp ? 'close.gaveUp' : policy.message,
  }
}

/** Whether two closes tell the person the same; a retry failing the same way changes nothing. */
export function isSameClose(a: ServerClose, b: ServerClose | undefined): boolean {
  return (
    !!b &&
    a.code === b.code &&
    a.reason === b.reason &&
    a.then === b.then &&
    a.message === b.message
  )
}

/** Counts closes with the same code in a row; a healthy connection starts over. */
export class CloseStreak {
  private code: number | undefined
  private count = 0

  /** Records a close; returns how many closes with this code came in a row, this one included. */
  record(code: number): number {
    this.count = code === this.code ? this.count + 1 : 1
    this.code = code
    return this.count
  }

  reset(): void {
    this.code = undefined
    this.count = 0
  }
}
