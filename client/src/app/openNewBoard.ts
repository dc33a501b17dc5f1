import type { CreateBoardResponse } from '@wijktafel/shared'
import { useSession } from '../state/session'
import { boardLink } from './api'

/**
 * A board this browser just made (created on the start page or imported from a file): kept
 * in the recent list with its facilitator link, the only place that link is kept, then opened.
 */
export function openNewBoard(board: CreateBoardResponse): void {
  const token = board.tokens.facilitator
  useSession
    .getState()
    .rememberBoard({ id: board.id, title: board.title, role: 'facilitator', token })
  location.assign(boardLink(board.id, token))
}
