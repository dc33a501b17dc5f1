import type { MessageKey } from '../i18n/messages.js'

/**
 * WebSocket close codes the sync server uses, plus the two the browser reports for a lost
 * connection (1006) and an internal error (1011). The 4xxx codes mirror HTTP statuses so they
 * read naturally in logs; the reason string is always a short English sentence.
 */
export const CloseCode = {
  /** Server shutting down or room evicted; the client reconnects. */
  GOING_AWAY: 1001,
  /** No close frame: the network dropped, or the server could not be reached at all [1]. */
  CONNECTION_LOST: 1006,
  /** ws closes with this itself when a frame exceeds the maximum message size. */
  MESSAGE_TOO_BIG: 1009,
  /** A bug in the server; only that connection is closed. */
  INTERNAL_ERROR: 1011,
  /** A frame that is not a valid y-websocket message (text frame, bad varint, unknown type). */
  BAD_MESSAGE: 4400,
  /** The link this connection came in with was replaced by new links ("Nieuwe links maken"). */
  LINK_REVOKED: 4401,
  /** The board was deleted while connected. */
  BOARD_GONE: 4404,
  /** An update would grow the board past its maximum size, or a presence update is too big. */
  TOO_LARGE: 4413,
  /** A Yjs update that could not be applied. */
  UPDATE_REJECTED: 4422,
  /** The client declared an older schema than the board's (`schema` query parameter). */
  RELOAD_NEEDED: 4426,
  /** The connection sent more messages per second than the server allows. */
  RATE_LIMITED: 4429,
  /** The server could not store an update; nothing was accepted. */
  STORAGE_FAILED: 4503,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** The reason the server gives with `RELOAD_NEEDED`. */
export const RELOAD_NEEDED_REASON = 'reload: this board was saved by a newer version'

/**
 * What a client does after its connection closed with a code:
 * - `then`: `reconnect` (at most `retries` closes with this code in a row [2]), `stop`
 *   (stay disconnected, read-only, offer the unsaved work as a download), or `reload` (reload
 *   the page once, for a newer app; then stop);
 * - `offlineCopy`: `keep` the IndexedDB copy as it is, or `quarantine` it: keep it under its
 *   name and open a fresh one next time, because resending it would be refused again [3];
 * - `message`: what the person is told, in plain words with what to do.
 */
export interface ClosePolicy {
  then: 'reconnect' | 'stop' | 'reload'
  retries: number
  offlineCopy: 'keep' | 'quarantine'
  message: MessageKey
}

const retry = (message: MessageKey, retries = Infinity): ClosePolicy => ({
  then: 'reconnect',
  retries,
  offlineCopy: 'keep',
  message,
})
const stop = (message: MessageKey, offlineCopy: ClosePolicy['offlineCopy']): ClosePolicy => ({
  then: 'stop',
  retries: 0,
  offlineCopy,
  message,
})

/** The one policy: the client's reconnect decision and the messages it shows read this. */
export const CLOSE_POLICY: Readonly<Record<CloseCode, ClosePolicy>> = {
  [CloseCode.GOING_AWAY]: retry('close.goingAway'),
  [CloseCode.CONNECTION_LOST]: retry('close.connectionLost'),
  [CloseCode.MESSAGE_TOO_BIG]: stop('close.messageTooBig', 'quarantine'), // [4]
  [CloseCode.INTERNAL_ERROR]: retry('close.internalError', 3),
  [CloseCode.BAD_MESSAGE]: stop('close.badMessage', 'quarantine'),
  [CloseCode.BOARD_GONE]: stop('close.boardGone', 'quarantine'),
  [CloseCode.LINK_REVOKED]: stop('close.linkRevoked', 'keep'), // [5]
  [CloseCode.TOO_LARGE]: stop('close.tooLarge', 'quarantine'),
  [CloseCode.UPDATE_REJECTED]: stop('close.updateRejected', 'quarantine'),
  [CloseCode.RELOAD_NEEDED]: {
    then: 'reload',
    retries: 0,
    offlineCopy: 'keep',
    message: 'close.reload',
  },
  [CloseCode.RATE_LIMITED]: retry('close.rateLimited', 3),
  [CloseCode.STORAGE_FAILED]: retry('close.storageFailed'),
}

/** Codes outside the table: 4400-4499 is a deliberate refusal (as y-websocket reads it). */
const OTHER_REFUSAL = stop('close.otherRefusal', 'keep')
const OTHER_CLOSE = retry('close.connectionLost')

export function closePolicyOf(code: number): ClosePolicy {
  if (Object.hasOwn(CLOSE_POLICY, code)) return CLOSE_POLICY[code as CloseCode]
  return code >= 4400 && code < 4500 ? OTHER_REFUSAL : OTHER_CLOSE
}

/**
 * Whether to reconnect after the `inARow`-th close with `code` since the last connection
 * that stayed healthy (1 for the first). What y-websocket's `shouldReconnect` answers.
 */
export function shouldReconnect(code: number, inARow: number): boolean {
  const policy = closePolicyOf(code)
  return policy.then === 'reconnect' && inARow <= policy.retries
}

// [1] The browser reports 1006 itself; a refused upgrade (401, 404, 429, 503) looks the same
//     to a page, so it is retried with y-websocket's backoff (at most 2.5 s apart).
// [2] A close that comes back every time (a server bug on our update, a client stuck over the
//     rate limit) must not loop for ever: past `retries` the client stops as for a refusal.
// [3] An offline copy may hold changes the server never acknowledged: it is never deleted.
// [4] y-websocket's default retries 1009 and resends the same oversized update every time.
// [5] The link is gone for good, so reconnecting cannot help; the board itself is fine, so
//     the copy is kept as it is: opened again with the new link, it syncs what it holds.
