import { CloseCode, isRefusal } from '@wijktafel/shared'

/**
 * What a person needs to know about the link to the others:
 * - `connecting`: not yet synced with the server since the board was opened;
 * - `connected`: synced, what you do reaches the others;
 * - `reconnecting`: was connected, lost it, trying again (edits are kept and sent later);
 * - `offline`: the browser says there is no network.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline'

/** The server closed the connection on purpose; `code` is one of `CloseCode`. */
export interface Refusal {
  code: number
  reason: string
}

export interface ConnectionFacts {
  /** `navigator.onLine`. */
  online: boolean
  /** The provider is connected and synced right now. */
  synced: boolean
  /** The provider was synced at least once since the board was opened. */
  everSynced: boolean
}

export function connectionStateOf({
  online,
  synced,
  everSynced,
}: ConnectionFacts): ConnectionState {
  if (!online) return 'offline'
  if (synced) return 'connected'
  return everSynced ? 'reconnecting' : 'connecting'
}

/**
 * Whether a close is the server refusing us rather than a network hiccup. BAD_MESSAGE,
 * UPDATE_REJECTED, TOO_LARGE and RATE_LIMITED are final (y-websocket stops reconnecting for
 * 4400-4499); BOARD_GONE too.
 * STORAGE_FAILED is retried, but shown until a connection stays healthy for a while.
 */
export function refusalOf(code: number, reason: string): Refusal | undefined {
  if (
    isRefusal(code) ||
    code === CloseCode.BOARD_GONE ||
    code === CloseCode.TOO_LARGE ||
    code === CloseCode.RATE_LIMITED ||
    code === CloseCode.STORAGE_FAILED
  ) {
    return { code, reason }
  }
  return undefined
}

/** A refusal after which reconnecting with the same local state cannot succeed. */
export function isFinalRefusal(refusal: Refusal | undefined): boolean {
  return !!refusal && refusal.code !== CloseCode.STORAGE_FAILED
}
