import { LOCALE_INFO } from '@wijktafel/shared'
import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useSession } from '../state/session'
import './coverPage.css'

/**
 * A view drawn as a page over the whole board (the outline, the impact overview): in
 * `document.body`, in the person's language and direction, its own scrolling. Keys, pointers
 * and the wheel stay on the page, so tldraw never takes them as canvas shortcuts or gestures;
 * Escape (when nothing inside used it) leaves the view.
 */
export function CoverPage({
  className,
  testId,
  onLeave,
  attributes,
  children,
}: {
  className: string
  testId: string
  onLeave: () => void
  /** Further `data-*` attributes for tests and styles. */
  attributes?: Record<`data-${string}`, string | boolean>
  children: ReactNode
}) {
  const locale = useSession((s) => s.locale)
  return createPortal(
    <div
      className={`wt-cover ${className}`}
      dir={LOCALE_INFO[locale].dir}
      lang={locale}
      data-testid={testId}
      {...attributes}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault()
          onLeave()
        }
      }}
      onPointerDown={(e) => e.stopPropagation()}
      onPointerUp={(e) => e.stopPropagation()}
      onWheel={(e) => e.stopPropagation()}
    >
      {children}
    </div>,
    document.body,
  )
}
