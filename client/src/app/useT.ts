import { translate, type MessageKey } from '@wijktafel/shared/light'
import { useSession } from '../state/session'

/** The translation function for the current locale. */
export function useT(): (key: MessageKey) => string {
  const locale = useSession((s) => s.locale)
  return (key) => translate(locale, key)
}
