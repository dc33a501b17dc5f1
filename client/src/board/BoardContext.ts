import type { BoardInfo } from '@wijktafel/shared'
import { createContext, useContext } from 'react'
import type { BoardSyncState } from './sync/useBoardSync'

/** What the panels around the canvas need to know about the open board. */
export interface BoardContextValue {
  info: BoardInfo
  token: string
  /**
   * How the link to the others is doing; what the badge, notices and dialog show. `room` is
   * the board's Y.Doc and awareness once shown: the meeting (client/src/board/meeting) reads it.
   */
  sync: Omit<BoardSyncState, 'store'>
}

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard() outside a board')
  return value
}
