import { useEffect, useRef } from 'react'

export interface PresentKeys {
  next(): void
  previous(): void
  first(): void
  last(): void
  overview(): void
  escape(): void
}

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar'])
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp'])

/**
 * The keys of presentation mode, on the window before tldraw sees them (capture), so an
 * arrow never nudges a card and Space never pans: arrows, PageUp/PageDown (what a presenter
 * clicker sends) and Space step, Home and End jump, O opens the overview, Escape leaves.
 */
export function usePresentKeys(keys: PresentKeys): void {
  const latest = useRef(keys)
  latest.current = keys
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)))
        return
      const k = latest.current
      let act: (() => void) | null = null
      if (NEXT.has(e.key)) act = k.next
      else if (PREVIOUS.has(e.key)) act = k.previous
      else if (e.key === 'Home') act = k.first
      else if (e.key === 'End') act = k.last
      else if (e.key === 'o' || e.key === 'O') act = k.overview
      else if (e.key === 'Escape') act = k.escape
      if (!act) return
      // A focused button would take Space or Enter as a click as well: one step, not two.
      e.preventDefault()
      e.stopPropagation()
      if (!e.repeat || e.key !== 'Escape') act()
    }
    window.addEventListener('keydown', onKey, { capture: true })
    return () => window.removeEventListener('keydown', onKey, { capture: true })
  }, [])
}
