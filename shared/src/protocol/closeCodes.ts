/**
 * WebSocket close codes the sync server uses. The 4xxx codes mirror HTTP statuses so
 * they read naturally in logs; the reason string is always a short English sentence.
 */
export const CloseCode = {
  /** Server shutting down or room evicted; the client reconnects. */
  GOING_AWAY: 1001,
  /** ws closes with this itself when a frame exceeds the maximum message size. */
  MESSAGE_TOO_BIG: 1009,
  /** A frame that is not a valid y-websocket message (text frame, bad varint, unknown type). */
  BAD_MESSAGE: 4400,
  /** A Yjs update that could not be applied. */
  UPDATE_REJECTED: 4422,
  /** The board was deleted while connected. */
  BOARD_GONE: 4404,
  /** An update would grow the board past its maximum size, or a presence update is too big. */
  TOO_LARGE: 4413,
  /** The connection sent more messages per second than the server allows. */
  RATE_LIMITED: 4429,
  /** The server could not store an update; nothing was accepted. */
  STORAGE_FAILED: 4503,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** Close codes after which reconnecting with the same client state would fail again. */
export function isRefusal(code: number): boolean {
  return code === CloseCode.BAD_MESSAGE || code === CloseCode.UPDATE_REJECTED
}
