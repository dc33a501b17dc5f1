import { CloseCode } from '@wijktafel/shared'
import type { Rule } from './Rule.js'

/** The rule's name: a board file import runs it alone on the state it stores. */
export const BOARD_SIZE_RULE = 'board size'

/**
 * A board may not grow past `maxBoardBytes` (close code 4413). Free while the stored bytes
 * stay under the limit; past it the board is measured [1].
 */
export function boardSizeRule(maxBoardBytes: number): Rule {
  return {
    name: BOARD_SIZE_RULE,
    check({ size }) {
      if (size.storedBytes <= maxBoardBytes) return null
      const after = size.after()
      // An oversized board (say, after the limit was lowered) may still shrink.
      if (after <= maxBoardBytes || after <= size.before()) return null
      return {
        reason: `board too large (limit ${maxBoardBytes} bytes)`,
        code: CloseCode.TOO_LARGE,
      }
    },
  }
}

// [1] The store's bytes (state plus log, with this update) are never less than the board's
//     size, so under the limit nothing needs measuring. Past it, the shadow (which holds the
//     update) is encoded: the exact size after the update. An accepted update then has the
//     room compact its log (RoomStorage), so the next ones are cheap again; near the limit,
//     every (maxBoardBytes - board size) bytes of updates pay one encode.
