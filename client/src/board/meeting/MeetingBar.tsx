import './meeting.css'
import { CircleDot, Users } from 'lucide-react'
import { useState } from 'react'
import { useT } from '../../app/useT'
import { useViewState } from '../view'
import { FollowBar } from './FollowBar'
import { MeetingPanel } from './MeetingPanel'
import { useMeetingStore } from './meetingStore'
import { TimerDisplay } from './TimerDisplay'
import { dotsLeft } from './votes'

/**
 * The meeting in the top panel, for everyone: the timer, how many dots I have left while a
 * vote is open, the button that opens the meeting panel (the participants list; for the
 * facilitator also follow, timer, vote and the layout switch), and the follow bar.
 */
export function MeetingBar() {
  const t = useT()
  const [open, setOpen] = useState(false)
  const left = useMeetingStore((s) => (s.actions ? dotsLeft(s.meeting, s.me?.id) : null))
  const vote = useMeetingStore((s) => s.meeting.vote)
  const canvas = useViewState().view === 'canvas'
  return (
    <>
      <TimerDisplay size="small" />
      {vote && !vote.revealed && left !== null ? (
        <span className="wt-dotsleft" data-testid="dots-left">
          <CircleDot aria-hidden="true" size={20} />
          {left === 0
            ? t('meeting.vote.noneLeft')
            : left === 1
              ? t('meeting.vote.leftOne')
              : t('meeting.vote.left').replace('{count}', String(left))}
        </span>
      ) : null}
      <button
        type="button"
        className="wt-button wt-button--small wt-meetingbutton"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-label={t('meeting.button')}
        title={t('meeting.button')}
        data-testid="meeting-button"
      >
        <Users aria-hidden="true" size={22} />
        <span className="wt-meetingbutton__label">{t('meeting.button')}</span>
      </button>
      {open ? <MeetingPanel onClose={() => setOpen(false)} /> : null}
      {/* A row of its own in the top panel, so it never covers the panel's buttons. */}
      {canvas ? <FollowBar /> : null}
    </>
  )
}
