import type { MessageKey } from '@wijktafel/shared/light'
import { ApiRequestError } from './api'

/**
 * The words for a new board refused because this address made many just now (429
 * `too_many_boards`: the whole meeting behind one router shares the limit), with the wait
 * in whole minutes; null for any other error.
 */
export function tooManyBoardsText(err: unknown, t: (key: MessageKey) => string): string | null {
  if (!(err instanceof ApiRequestError) || err.code !== 'too_many_boards') return null
  const minutes = Math.max(1, Math.ceil((err.retryAfterSeconds ?? 60) / 60))
  if (minutes === 1) return t('start.tooManyBoards.oneMinute')
  return t('start.tooManyBoards').replace('{minutes}', String(minutes))
}
