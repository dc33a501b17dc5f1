import { RotateCw, WifiOff } from 'lucide-react'
import {
  Component,
  lazy,
  Suspense,
  useMemo,
  useState,
  type ReactNode,
  type SyntheticEvent,
} from 'react'
import './lazyBoard.css'
import { useT } from './useT'

/**
 * The board (`/b/...`: tldraw, the card kit, Yjs, the exports) is a separate chunk of about
 * 700 kB gzip; the start page loads without it [1]. Loaded once, shared by every caller.
 */
type BoardModule = typeof import('../board/BoardPage')

let pending: Promise<BoardModule> | null = null
const RELOADED_KEY = 'wijktafel.boardCodeReloaded'

/** A failed download of the board's code, not an error inside the board. */
class BoardCodeError extends Error {
  constructor(cause: unknown) {
    super('The board code could not be loaded', { cause })
    this.name = 'BoardCodeError'
  }
}

export function loadBoard(): Promise<BoardModule> {
  pending ??= import('../board/BoardPage').then(
    (module) => {
      tabStorage((storage) => storage.removeItem(RELOADED_KEY))
      return module
    },
    (err: unknown) => {
      pending = null // the next attempt asks again [2]
      throw new BoardCodeError(err)
    },
  )
  return pending
}

/** Starts downloading the board's code in the background; a failure shows when it is opened. */
export function prefetchBoard(): void {
  loadBoard().catch(() => undefined)
}

/**
 * Spread on the start page's `<main>`: typing a title or choosing a file to import, and
 * pointing at or tabbing to a board link, fetch the board while the person is still busy [3].
 */
export const prefetchBoardOnIntent = {
  onInput: prefetchBoard,
  onPointerOver: prefetchOnBoardLink,
  onFocus: prefetchOnBoardLink,
}

function prefetchOnBoardLink(event: SyntheticEvent) {
  const target = event.target
  if (target instanceof Element && target.closest('a[href*="/b/"]')) prefetchBoard()
}

/** `/b/<boardId>`: the same loading text as the board's own, then the board. */
export function LazyBoardPage({ boardId }: { boardId: string }) {
  const [attempt, setAttempt] = useState(0)
  // A lazy component keeps its first failure for good; a retry needs a new one.
  const Page = useMemo(
    () =>
      lazy(() =>
        loadBoard().then(
          (module) => ({ default: module.BoardPage }),
          async (err: unknown) => {
            // Still "Bord laden…" while we look; a reload never settles this promise.
            if (await reloadOnceIfStale()) return new Promise<never>(() => undefined)
            throw err
          },
        ),
      ),
    [attempt],
  )
  return (
    <BoardCodeBoundary key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
      <Suspense fallback={<BoardLoading />}>
        <Page boardId={boardId} />
      </Suspense>
    </BoardCodeBoundary>
  )
}

/**
 * `use(sessionStorage)`, or undefined when the browser blocks storage (Chrome's "block all
 * cookies" makes even reading `sessionStorage` throw).
 */
function tabStorage<T>(use: (storage: Storage) => T): T | undefined {
  try {
    return use(sessionStorage)
  } catch {
    return undefined
  }
}

/** Matches BoardPage's own loading state, so nothing moves when one replaces the other. */
function BoardLoading() {
  const t = useT()
  return (
    <main className="wt-center" aria-busy="true">
      <p>{t('board.loading')}</p>
    </main>
  )
}

function BoardCodeFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT()
  return (
    <main className="wt-center">
      <div className="wt-card wt-board-code-failed" role="alert">
        <WifiOff className="wt-big-icon" aria-hidden="true" size={56} />
        <p>{t('board.codeFailed')}</p>
        <p className="wt-board-code-failed__actions">
          <button type="button" className="wt-button wt-button--primary" onClick={onRetry}>
            <RotateCw aria-hidden="true" size={22} />
            {t('board.retry')}
          </button>
          <a className="wt-button" href="/">
            {t('board.toStart')}
          </a>
        </p>
      </div>
    </main>
  )
}

interface BoundaryProps {
  onRetry: () => void
  children: ReactNode
}

/** Shows BoardCodeFailed for a failed download; any other error goes on up. */
class BoardCodeBoundary extends Component<BoundaryProps, { failed: unknown }> {
  override state: { failed: unknown } = { failed: null }

  static getDerivedStateFromError(error: unknown) {
    return { failed: error }
  }

  override render() {
    const { failed } = this.state
    if (failed === null) return this.props.children
    if (!(failed instanceof BoardCodeError)) throw failed
    return <BoardCodeFailed onRetry={this.props.onRetry} />
  }
}

/**
 * The server answers but the board's code is gone: this page is older than the last deploy
 * (its chunk names no longer exist). Reload once to get the new page; never twice in a row,
 * so a broken deploy shows the message instead of a reload loop [4].
 */
async function reloadOnceIfStale(): Promise<boolean> {
  // Without storage a reload could not be counted: never reload, show the message [5].
  if (tabStorage((storage) => storage.getItem(RELOADED_KEY)) !== null) return false
  const reachable = await fetch('/healthz', { cache: 'no-store' }).then(
    (response) => response.ok,
    () => false,
  )
  if (!reachable) return false
  const counted = tabStorage((storage) => {
    storage.setItem(RELOADED_KEY, '1')
    return true
  })
  if (!counted) return false
  location.reload()
  return true
}

// [1] App.tsx renders this for `/b/...`; main.tsx starts the download as early as it can for
// a board link, and vite/boardPreload.ts adds modulepreload links for the board's chunks
// from index.html, so a direct board link loads the entry and the board in parallel.
// [2] Chromium fetches a module again after a failed dynamic import (the HTML standard no
// longer caches failed fetches in the module map), so "Opnieuw proberen" works once the
// network is back; tests/e2e/start-page.test.ts proves it.
// [3] Not on idle: a person who only imports or only reads the start page should not pay
// 700 kB; the service worker precaches the board after the first visit anyway (vite.config).
// [4] /healthz is neither precached nor cached by the service worker, so it says whether the
// server is really there; offline, the message and the retry button stay.
// [5] A blocked storage used to throw inside loadBoard's success handler, so the board page
// could not open at all, with no "Opnieuw proberen" either.
