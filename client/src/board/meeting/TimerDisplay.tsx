import { timerRemaining, type MeetingTimer } from '@wijktafel/shared'
import { Pause, Timer } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useT } from '../../app/useT'
import { useMeetingStore } from './meetingStore'

/** mm:ss, rounded up: "0:01" until the very end, then "0:00". */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  return `${minutes}:${String(seconds).padStart(2, '0')}`
}

/** Milliseconds left on the meeting's timer, re-rendering a few times a second while it runs. */
export function useTimerRemaining(timer: MeetingTimer | null): number | null {
  const [now, setNow] = useState(() => Date.now())
  const running = !!timer && 'endsAt' in timer
  useEffect(() => {
    if (!running) return
    setNow(Date.now())
    const interval = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(interval)
  }, [running, timer])
  return timer ? timerRemaining(timer, running ? now : 0) : null
}

/**
 * The meeting's countdown for everyone: a pictogram and mm:ss, ticking from the shared end
 * time (so a reload shows the same). At zero it pulses. Nothing when there is no timer.
 * `large` is for presentation mode and the meeting panel, `small` for the top bar.
 */
export function TimerDisplay({ size = 'small' }: { size?: 'large' | 'small' }) {
  const t = useT()
  const timer = useMeetingStore((s) => s.meeting.timer)
  const remaining = useTimerRemaining(timer)
  if (!timer || remaining === null) return null
  const paused = 'remainingMs' in timer
  const done = !paused && remaining === 0
  const label = done ? t('meeting.timer.done') : t('meeting.timer.label')
  const Icon = paused ? Pause : Timer
  return (
    <div
      className={`wt-timer wt-timer--${size}${done ? ' wt-timer--done' : ''}${paused ? ' wt-timer--paused' : ''}`}
      role="timer"
      aria-label={`${label}: ${formatRemaining(remaining)}`}
      data-testid="meeting-timer"
    >
      <Icon aria-hidden="true" size={size === 'large' ? 48 : 22} />
      <span className="wt-timer__time">{formatRemaining(remaining)}</span>
      {done && size === 'large' ? <span className="wt-timer__done">{label}</span> : null}
    </div>
  )
}
