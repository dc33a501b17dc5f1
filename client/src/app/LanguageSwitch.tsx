import { LOCALE_INFO, LOCALES, isLocale } from '@wijktafel/shared/light'
import { Languages } from 'lucide-react'
import { useId } from 'react'
import { useSession } from '../state/session'
import { useT } from './useT'

/**
 * The four languages in a native menu, each written in itself ("Türkçe", "العربية"), so a
 * person finds theirs without reading the current one [1]. The choice takes effect at once:
 * our words, the page's direction and tldraw's menus (App.tsx, BoardCanvas.tsx).
 */
export function LanguageSwitch({
  small = false,
  className = '',
}: {
  /** The board's top panel: smaller type, a quieter border. */
  small?: boolean
  className?: string
}) {
  const t = useT()
  const id = useId()
  const locale = useSession((s) => s.locale)
  const setLocale = useSession((s) => s.setLocale)
  return (
    <span className={`wt-language${small ? ' wt-language--small' : ''} ${className}`.trim()}>
      <label htmlFor={id} title={t('language.switch')}>
        <Languages aria-hidden="true" size={20} />
        <span className="wt-visually-hidden">{t('language.switch')}</span>
      </label>
      <select
        id={id}
        value={locale}
        lang={locale}
        onChange={(e) => {
          if (isLocale(e.currentTarget.value)) setLocale(e.currentTarget.value)
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l} dir={LOCALE_INFO[l].dir}>
            {LOCALE_INFO[l].name}
          </option>
        ))}
      </select>
    </span>
  )
}

// [1] A native <select> rather than a custom menu: phones show their own large picker, screen
// readers and keyboards know it, and it needs no focus management of ours.
