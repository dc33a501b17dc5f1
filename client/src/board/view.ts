import { useSyncExternalStore } from 'react'

/**
 * How a board is shown, from the link: no parameter the canvas, `?view=present` presentation
 * mode, `?view=outline` the board as a structured list (client/src/board/outline),
 * `?view=road` the road from today to the dream and `?view=impact` the impact overview
 * (client/src/board/impact). One list, so a view is a word here and a component, not another
 * parameter [1].
 */
export const VIEWS = ['canvas', 'present', 'outline', 'road', 'impact'] as const
export type View = (typeof VIEWS)[number]

/** Views drawn as a page over the whole board (the top panel and the canvas are behind them). */
const COVERING_VIEWS: ReadonlySet<View> = new Set(['outline', 'impact'])
export function coversBoard(view: View): boolean {
  return COVERING_VIEWS.has(view)
}

export const VIEW_PARAM = 'view'
/** `&names=hidden`: residents' names are not shown (presentation mode's "namen verbergen"). */
export const NAMES_PARAM = 'names'

export interface ViewState {
  view: View
  namesHidden: boolean
}

type Where = Pick<Location, 'search'>

/**
 * The view a link asks for; an unknown or missing value is the default: the canvas, or the
 * outline on a phone (`defaultView`). A link that names a view, `?view=canvas` included, wins.
 */
export function readView(location: Where, fallback: View = 'canvas'): View {
  const value = new URLSearchParams(location.search).get(VIEW_PARAM)
  return (VIEWS as readonly string[]).includes(value ?? '') ? (value as View) : fallback
}

/** Narrower than this, a board opens in the outline: a map is a postage stamp there [2]. */
export const NARROW_SCREEN_PX = 600

/** The view a link without `view` opens in on a screen this wide. */
export function defaultView(screenWidth: number): View {
  return screenWidth < NARROW_SCREEN_PX ? 'outline' : 'canvas'
}

export function readNamesHidden(location: Where): boolean {
  return new URLSearchParams(location.search).get(NAMES_PARAM) === 'hidden'
}

export function readViewState(location: Where, fallback: View = 'canvas'): ViewState {
  return { view: readView(location, fallback), namesHidden: readNamesHidden(location) }
}

/**
 * The address for a view: the same path and token (the hash), with `view` and `names` set or
 * removed. The default view (the canvas; the outline where a phone opened the board) and
 * shown names leave no parameter behind; any other view, the canvas included, is written.
 */
export function viewHref(
  location: Pick<Location, 'pathname' | 'search' | 'hash'>,
  next: ViewState,
  fallback: View = 'canvas',
) {
  const params = new URLSearchParams(location.search)
  if (next.view === fallback) params.delete(VIEW_PARAM)
  else params.set(VIEW_PARAM, next.view)
  if (next.namesHidden && next.view !== 'canvas') params.set(NAMES_PARAM, 'hidden')
  else params.delete(NAMES_PARAM)
  const search = params.toString()
  return `${location.pathname}${search ? `?${search}` : ''}${location.hash}`
}

const listeners = new Set<() => void>()
let current: ViewState | null = null
/** The default of this tab, fixed when the board first asks: turning a phone keeps the view. */
let fallback: View | null = null

function tabDefault(): View {
  fallback ??= defaultView(window.innerWidth)
  return fallback
}

function snapshot(): ViewState {
  const next = readViewState(window.location, tabDefault())
  if (!current || current.view !== next.view || current.namesHidden !== next.namesHidden) {
    current = next
  }
  return current
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

/**
 * Switches the view in place: the address changes without a new history entry
 * (replaceState), so Back still leaves the board rather than stepping out of presentation.
 */
export function setViewState(next: Partial<ViewState>): void {
  const state = { ...snapshot(), ...next }
  history.replaceState(history.state, '', viewHref(window.location, state, tabDefault()))
  for (const listener of listeners) listener()
}

/** The view of this tab, re-rendering when it changes. */
export function useViewState(): ViewState {
  return useSyncExternalStore(subscribe, snapshot)
}

// [1] The view is in the query, not in the hash: the hash is the board's token, and a token
//     must never be mixed with other words that people copy and paste.
// [2] On a 390 px phone a whole map shows its cards a few pixels high; the outline reads and
//     edits the same board as a list (client/src/board/outline). The default is taken once
//     per tab, from the screen the board opened on: a phone turned sideways (844 px) stays in
//     the view it shows, and "Kaart" on a phone writes `?view=canvas`, so a reload keeps it.
