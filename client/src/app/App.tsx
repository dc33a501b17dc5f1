import { useEffect } from 'react'
import { BoardPage } from '../board/BoardPage'
import { useSession } from '../state/session'
import { StartPage } from './StartPage'

/** Two routes only: the start page and `/b/<boardId>#<token>`; no router needed. */
export function App() {
  const locale = useSession((s) => s.locale)
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  const match = /^\/b\/([^/]+)\/?$/.exec(location.pathname)
  if (match?.[1]) return <BoardPage boardId={decodeURIComponent(match[1])} />
  return <StartPage />
}
