import { Languages } from 'lucide-react'
import { useSession } from '../state/session'
import { useT } from './useT'

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useT()
  const locale = useSession((s) => s.locale)
  const setLocale = useSession((s) => s.setLocale)
  const next = locale === 'nl' ? 'en' : 'nl'
  return (
    <button
      type="button"
      className={className ?? 'wt-button wt-button--quiet'}
      lang={next}
      onClick={() => setLocale(next)}
    >
      <Languages aria-hidden="true" size={20} />
      {t('language.switch')}
    </button>
  )
}
