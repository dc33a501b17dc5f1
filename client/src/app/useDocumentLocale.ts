import { LOCALE_INFO, type Locale } from '@wijktafel/shared/light'
import { useLayoutEffect } from 'react'

/**
 * `<html lang dir>` follow the chosen language at once: screen readers switch voice, the
 * browser picks fonts and hyphenation, and everything outside tldraw runs right to left in
 * Arabic [1]. A layout effect, so the first paint after a switch is already mirrored.
 */
export function useDocumentLocale(locale: Locale): void {
  useLayoutEffect(() => {
    const html = document.documentElement
    html.lang = LOCALE_INFO[locale].speech
    html.dir = LOCALE_INFO[locale].dir
  }, [locale])
}

// [1] tldraw sets `dir` and `lang` on its own container from the locale it is given
// (TldrawUi.tsx); ours on <html> covers the start page, our dialogs (which the browser puts in
// the top layer) and anything rendered outside that container.
