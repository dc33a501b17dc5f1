import {
  EMPTY_MEETING,
  readMeeting,
  YDOC_MEETING,
  type MeetingState,
  type Role,
} from '@wijktafel/shared'
import type * as Y from 'yjs'
import { create } from 'zustand'
import type { MeetingActions } from './meetingActions'

/**
 * The meeting of the open board as this tab reads it, outside React's tree on purpose: a
 * card's vote badge reads it too when tldraw renders the card into an image export, where
 * our board context is absent [1]. One board is open per tab, so one store is enough.
 */
export interface MeetingStore {
  meeting: MeetingState
  /** The person at this browser (voter and leader id) and the role of their link. */
  me: { id: string; role: Role } | null
  /** What this person may do (null for a viewer), for the cards' dot buttons (MeetingLayer). */
  actions: MeetingActions | null
  /** The facilitator's "Indeling aanpassen": structure can be moved only while it is on. */
  structureUnlocked: boolean
}

declare global {
  interface Window {
    /** The meeting store of the open board, for tests and debugging in the console. */
    wtMeeting?: typeof useMeetingStore
  }
}

export const useMeetingStore = create<MeetingStore>()(() => ({
  meeting: EMPTY_MEETING,
  me: null,
  actions: null,
  structureUnlocked: false,
}))

/**
 * Mirrors the doc's `meeting` map into the store until the returned function is called,
 * which empties it again. Malformed values are left out (readMeeting).
 */
export function bindMeeting(doc: Y.Doc, me: MeetingStore['me']): () => void {
  const map = doc.getMap<unknown>(YDOC_MEETING)
  const read = () => useMeetingStore.setState({ meeting: readMeeting(map.entries()), me })
  map.observe(read)
  read()
  if (typeof window !== 'undefined') window.wtMeeting = useMeetingStore
  return () => {
    map.unobserve(read)
    useMeetingStore.setState({ meeting: EMPTY_MEETING, me: null, structureUnlocked: false })
  }
}

// [1] tldraw renders an exported shape's component in a React root of its own (with the
//     editor's context, not ours). A zustand store is read the same way in both.
