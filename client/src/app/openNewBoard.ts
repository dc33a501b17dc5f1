import type { CreateBoardResponse } from '@wijktafel/shared'
import { markRememberAsked } from '../board/forget/rememberChoice'
import { useSession } from '../state/session'
import { boardLink } from './api'

/**
 * A board this browser just made (created on the start page or imported from a file): kept
 * in the recent list with its facilitator link, then opened. The link stays on this device
 * only when the facilitator ticked "Onthoud mij op dit apparaat" (`remember`); without an
 * answer (an import) the board page asks once.
 */
export function openNewBoard(board: CreateBoardResponse, remember?: boolean): void {
  const token = board.tokens.facilitator
  const session = useSession.getState()
  session.rememberBoard({ id: board.id, title: board.title, role: 'facilitator', token })
  session.setRemembered(board.id, remember ?? false)
  if (remember !== undefined) markRememberAsked(board.id)
  location.assign(boardLink(board.id, token))
}
