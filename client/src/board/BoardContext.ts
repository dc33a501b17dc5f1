import type { BoardInfo } from '@wijktafel/shared'
import { createContext, useContext } from 'react'
import type { ConnectionState, Refusal } from './sync/useBoardSync'

/** What the panels around the canvas need to know about the open board. */
export interface BoardContextValue {
  info: BoardInfo
  token: string
  connection: ConnectionState
  refusal: Refusal | undefined
  /** Someone saved the board with a newer version of Wijktafel: this tab must reload. */
  outdated: boolean
}

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard() outside a board')
  return value
}
