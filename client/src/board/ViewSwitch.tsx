import type { MessageKey } from '@wijktafel/shared'
import {
  Check,
  ChevronDown,
  List,
  Map as MapIcon,
  Presentation,
  Route,
  TrendingUp,
  type LucideIcon,
} from 'lucide-react'
import { useEffect, useId, useRef, useState } from 'react'
import { useT } from '../app/useT'
import { useMediaQuery } from './useMediaQuery'
import { setViewState, useViewState, type View } from './view'

interface ViewButton {
  view: View
  icon: LucideIcon
  label: MessageKey
  hint: MessageKey
}

/**
 * The views a person can switch to, in this order. A view is listed once its layer exists
 * inside <Tldraw> (BoardCanvas.tsx); a link may still name any view of VIEWS [1].
 */
const VIEW_BUTTONS: readonly ViewButton[] = [
  { view: 'canvas', icon: MapIcon, label: 'view.canvas', hint: 'view.canvas.hint' },
  { view: 'outline', icon: List, label: 'view.outline', hint: 'view.outline.hint' },
  { view: 'present', icon: Presentation, label: 'present.open', hint: 'present.open.hint' },
  { view: 'road', icon: Route, label: 'view.road', hint: 'view.road.hint' },
  { view: 'impact', icon: TrendingUp, label: 'view.impact', hint: 'view.impact.hint' },
]

/** Wide enough for every view as its own button beside the rest of the top panel [2]. */
const ROW_QUERY = '(min-width: 1600px)'

/**
 * Kaart, Lijst, Presenteren (and the road and impact views once they exist): a row of
 * buttons with pictogram and name on a wide screen, elsewhere one button that names the view
 * shown and opens the list of views. Switching keeps the board's link and token.
 */
export function ViewSwitch() {
  const row = useMediaQuery(ROW_QUERY)
  return row ? <ViewRow /> : <ViewMenu />
}

function ViewRow() {
  const t = useT()
  const { view } = useViewState()
  return (
    <div className="wt-views wt-views--row" role="group" aria-label={t('view.menu')}>
      {VIEW_BUTTONS.map((b) => (
        <button
          key={b.view}
          type="button"
          className="wt-button wt-button--small wt-views__button"
          aria-pressed={b.view === view}
          title={t(b.hint)}
          data-view={b.view}
          onClick={() => setViewState({ view: b.view })}
        >
          <b.icon aria-hidden="true" size={20} />
          {t(b.label)}
        </button>
      ))}
    </div>
  )
}

function ViewMenu() {
  const t = useT()
  const { view } = useViewState()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const listId = useId()
  const current = VIEW_BUTTONS.find((b) => b.view === view) ?? VIEW_BUTTONS[0]!

  // A tap or click anywhere else closes the list, as a menu does.
  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onDown, true)
    root.current?.querySelector<HTMLButtonElement>('[aria-current="true"]')?.focus()
    return () => document.removeEventListener('pointerdown', onDown, true)
  }, [open])

  function choose(next: View) {
    setOpen(false)
    setViewState({ view: next })
  }

  return (
    <div
      className="wt-views wt-views--menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !open) return
        e.stopPropagation() // [3]
        setOpen(false)
        toggle.current?.focus()
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="wt-button wt-button--small wt-views__toggle"
        aria-expanded={open}
        aria-controls={listId}
        aria-label={`${t('view.menu')}: ${t(current.label)}`}
        title={t('view.menu')}
        onClick={() => setOpen((o) => !o)}
      >
        <current.icon aria-hidden="true" size={20} />
        <span className="wt-views__current">{t(current.label)}</span>
        <ChevronDown aria-hidden="true" size={18} />
      </button>
      {open ? (
        <ul id={listId} className="wt-views__list" aria-label={t('view.menu')}>
          {VIEW_BUTTONS.map((b) => (
            <li key={b.view}>
              {/* Named by its label, the hint read as its description. */}
              <button
                type="button"
                className="wt-views__item"
                aria-current={b.view === view ? 'true' : undefined}
                aria-labelledby={`${listId}-${b.view}`}
                aria-describedby={`${listId}-${b.view}-hint`}
                data-view={b.view}
                onClick={() => choose(b.view)}
              >
                <b.icon aria-hidden="true" size={22} />
                <span className="wt-views__text">
                  <span className="wt-views__label" id={`${listId}-${b.view}`}>
                    {t(b.label)}
                  </span>
                  <span className="wt-views__hint" id={`${listId}-${b.view}-hint`}>
                    {t(b.hint)}
                  </span>
                </span>
                {b.view === view ? <Check aria-hidden="true" size={20} /> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

// [1] Each view is a layer of its own: client/src/board/outline, present, road and impact. A
//     view added to VIEWS gets its button here once its layer shows something; a button for
//     a view nobody shows would only show the canvas again under another name.
// [2] Below this width the title, role, connection state, meeting, keeping and language
//     buttons take the room between tldraw's menu and Delen; five view buttons beside them
//     would push the panel onto a second row over the canvas.
// [3] The list closes and the focus returns to its button; the Escape goes no further, so
//     tldraw does not also drop the selection on the canvas behind it.
