import { useSession } from '../state/session'
import { LazyBoardPage } from './lazyBoard'
import { StartPage } from './StartPage'
import { useDocumentLocale } from './useDocumentLocale'
import { boardIdOf } from './route'

/** Two routes only: the start page and `/b/<boardId>#<token>`; no router needed. */
export function App() {
  const locale = useSession((s) => s.locale)
  useDocumentLocale(locale)

  const boardId = boardIdOf(location.pathname)
  if (boardId) return <LazyBoardPage boardId={boardId} />
  return <StartPage />
}
