import './meeting.css'
import { useEffect, useRef } from 'react'
import { useEditor, useToasts } from 'tldraw'
import { useT } from '../../app/useT'
import { useViewState } from '../view'
import { chime, primeChime } from './chime'
import { useMeetingStore } from './meetingStore'
import { registerStructureLock } from './structureLock'
import { useTimerRemaining } from './TimerDisplay'
import { useFollowLeader } from './useFollowLeader'
import { useShowLeaderSection } from './useLeaderSections'
import { useSectionFollowing } from './useSectionFollowing'
import { useMeetingActions, useMeetingBinding } from './useMeeting'

/** One notice per this long, however often someone tries to drag a zone. */
const NOTICE_EVERY_MS = 5_000

/**
 * Everything of the meeting that lives inside the editor (a child of <Tldraw>): the shared
 * meeting state, following the facilitator, the structure locks, the timer's end signal.
 */
export function MeetingLayer() {
  const editor = useEditor()
  const t = useT()
  const toasts = useToasts()
  useMeetingBinding()
  const actions = useMeetingActions()
  useEffect(() => useMeetingStore.setState({ actions }), [actions])
  // Presentation mode follows the facilitator's section itself (client/src/board/present).
  const canvas = useViewState().view === 'canvas'
  useFollowLeader(editor, canvas)
  useSectionFollowing(editor, canvas)
  useShowLeaderSection(editor, canvas)
  useTimerEnd()

  const lastNotice = useRef(0)
  const tRef = useRef(t)
  tRef.current = t
  useEffect(
    () =>
      registerStructureLock(editor, () => {
        const now = Date.now()
        if (now - lastNotice.current < NOTICE_EVERY_MS) return
        lastNotice.current = now
        const lead = useMeetingStore.getState().me?.role === 'facilitator'
        // After the side effect: a toast is UI state, not part of the refused change.
        queueMicrotask(() =>
          toasts.addToast({
            id: 'wt-structure-locked',
            title: tRef.current(lead ? 'meeting.structure.lockedLead' : 'meeting.structure.locked'),
            severity: 'info',
          }),
        )
      }),
    [editor, toasts],
  )

  // tldraw's lock toggle is the facilitator's: for anyone else it would only be refused.
  const role = useMeetingStore((s) => s.me?.role)
  useEffect(() => {
    if (!role || role === 'facilitator') return
    document.body.classList.add('wt-no-lock')
    return () => document.body.classList.remove('wt-no-lock')
  }, [role])

  useEffect(() => {
    // The first tap unlocks sound for the timer's chime (chime.ts).
    window.addEventListener('pointerdown', primeChime, { once: true, capture: true })
    return () => window.removeEventListener('pointerdown', primeChime, { capture: true })
  }, [])

  return null
}

/** A soft chime when a running timer reaches zero while this page is open (not on a reload after). */
function useTimerEnd() {
  const timer = useMeetingStore((s) => s.meeting.timer)
  const remaining = useTimerRemaining(timer)
  const armed = useRef<number | null>(null)
  const endsAt = timer && 'endsAt' in timer ? timer.endsAt : null
  useEffect(() => {
    if (endsAt === null || remaining === null) return
    if (remaining > 0) armed.current = endsAt
    else if (armed.current === endsAt) {
      armed.current = null
      chime()
    }
  }, [endsAt, remaining])
}
