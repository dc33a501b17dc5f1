import { useMeetingBinding } from './useMeeting'

/**
 * Everything of the meeting that lives inside the editor (a child of <Tldraw>): the shared
 * meeting state, following the facilitator, the structure locks.
 */
export function MeetingLayer() {
  useMeetingBinding()
  return null
}
