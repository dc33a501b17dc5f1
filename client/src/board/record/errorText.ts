import type { MessageKey } from '@wijktafel/shared'
import { ApiRequestError } from '../../app/api'

/**
 * What went wrong, in plain words: the server's sentences are for developers (and in
 * English), so a person reads ours, chosen by the answer's status.
 */
export function errorText(t: (key: MessageKey) => string, error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 403) return t('record.error.forbidden')
    if (error.status === 404) return t('record.error.notFound')
    return t('record.error.other')
  }
  if (error instanceof TypeError) return t('record.error.offline') // fetch: no network
  return error instanceof Error && error.message ? error.message : t('record.error.other')
}
