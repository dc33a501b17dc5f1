import { canWrite, type MeetingState } from '@wijktafel/shared'
import { useEffect, useMemo } from 'react'
import { useSession } from '../../state/session'
import { useBoard } from '../BoardContext'
import { createMeetingActions, type MeetingActions } from './meetingActions'
import { bindMeeting, useMeetingStore } from './meetingStore'

export type { FacilitatorActions, MeetingActions, VoterActions } from './meetingActions'

/** The meeting of the open board, live; EMPTY_MEETING while the board loads. */
export function useMeeting(): MeetingState {
  return useMeetingStore((s) => s.meeting)
}

/**
 * What this person may do in the meeting: null for a viewer (or a tab that can no longer
 * save); the facilitator's actions (`role: 'facilitator'`) only for the facilitator.
 */
export function useMeetingActions(): MeetingActions | null {
  const { info, sync } = useBoard()
  const user = useSession((s) => s.user)
  const doc = sync.room?.doc
  const role = sync.readOnly || !canWrite(info.role) ? 'viewer' : info.role
  return useMemo(
    () => (doc ? createMeetingActions(doc, { id: user.id, name: user.name, role }) : null),
    [doc, user.id, user.name, role],
  )
}

/** Keeps the meeting store in step with the open board's doc (mounted once, MeetingLayer). */
export function useMeetingBinding(): void {
  const { info, sync } = useBoard()
  const userId = useSession((s) => s.user.id)
  const doc = sync.room?.doc
  useEffect(() => {
    if (!doc) return
    return bindMeeting(doc, { id: userId, role: info.role })
  }, [doc, userId, info.role])
}
