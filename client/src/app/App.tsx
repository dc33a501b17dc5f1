import { BoardPage } from '../board/BoardPage'
import { useSession } from '../state/session'
import { StartPage } from './StartPage'
import { useDocumentLocale } from './useDocumentLocale'

/** Two routes only: the start page and `/b/<boardId>#<token>`; no router needed. */
export function App() {
  const locale = useSession((s) => s.locale)
  useDocumentLocale(locale)

  const match = /^\/b\/([^/]+)\/?$/.exec(location.pathname)
  if (match?.[1]) return <BoardPage boardId={decodeURIComponent(match[1])} />
  return <StartPage />
}
