import { isToken, type BoardInfo, type MessageKey } from '@wijktafel/shared'
import { Lock } from 'lucide-react'
import { useEffect, useState } from 'react'
import { ApiRequestError, getBoard } from '../app/api'
import { useT } from '../app/useT'
import { useSession } from '../state/session'
import { BoardCanvas } from './BoardCanvas'
import { NamePrompt } from './NamePrompt'

type LoadState =
  { kind: 'loading' } | { kind: 'error'; message: MessageKey } | { kind: 'ready'; info: BoardInfo }

/**
 * `/b/<boardId>#<token>`: checks the link with the server, asks a participant's name once,
 * then opens the canvas. Offline, a board opened before on this device still opens from
 * its local copy.
 */
export function BoardPage({ boardId }: { boardId: string }) {
  const t = useT()
  const token = decodeURIComponent(location.hash.slice(1))
  const [state, setState] = useState<LoadState>({ kind: 'loading' })
  const userName = useSession((s) => s.user.name)

  useEffect(() => {
    // A new link pasted into this tab changes only the fragment, which loads nothing: open
    // the board again with it (e.g. the new link after the old one was revoked, 4401).
    const reopen = () => location.reload()
    window.addEventListener('hashchange', reopen)
    return () => window.removeEventListener('hashchange', reopen)
  }, [])

  useEffect(() => {
    if (!isToken(token)) {
      setState({ kind: 'error', message: 'board.noToken' })
      return
    }
    let cancelled = false
    getBoard(boardId, token).then(
      (info) => {
        if (cancelled) return
        useSession
          .getState()
          .rememberBoard({ id: info.id, title: info.title, role: info.role, token })
        setState({ kind: 'ready', info })
      },
      (err: unknown) => {
        if (cancelled) return
        if (err instanceof ApiRequestError) {
          setState({
            kind: 'error',
            message: err.status === 404 ? 'board.notFound' : 'board.badLink',
          })
          return
        }
        // The server is unreachable: fall back to what this browser knew of the board.
        const known = useSession
          .getState()
          .recent.find((b) => b.id === boardId && b.token === token)
        if (known) {
          setState({
            kind: 'ready',
            info: { id: known.id, title: known.title, role: known.role, createdAt: '' },
          })
        } else setState({ kind: 'error', message: 'board.loadFailed' })
      },
    )
    return () => {
      cancelled = true
    }
  }, [boardId, token])

  if (state.kind === 'loading') {
    return (
      <main className="wt-center" aria-busy="true">
        <p>{t('board.loading')}</p>
      </main>
    )
  }
  if (state.kind === 'error') {
    return (
      <main className="wt-center">
        <div className="wt-card" role="alert">
          <Lock className="wt-big-icon" aria-hidden="true" size={56} />
          <p>{t(state.message)}</p>
          <a className="wt-button" href="/">
            {t('board.toStart')}
          </a>
        </div>
      </main>
    )
  }
  if (state.info.role !== 'viewer' && !userName) return <NamePrompt />
  return <BoardCanvas info={state.info} token={token} />
}
