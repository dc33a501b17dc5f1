import { timerRemaining } from '@wijktafel/shared'
import { Pause, Timer } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useT } from '../../app/useT'
import { useMeeting } from '../meeting/useMeeting'

/** m:ss, rounded up, so "0:01" shows until the very end. */
function clock(ms: number): string {
  const total = Math.ceil(ms / 1000)
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`
}

/**
 * The meeting's countdown, large, when the facilitator runs one: ticking each second from
 * the shared end time, so every screen and a reload show the same. At zero it says so.
 */
export function PresentTimer({ large }: { large: boolean }) {
  const t = useT()
  const { timer } = useMeeting()
  const [now, setNow] = useState(() => Date.now())
  const running = !!timer && 'endsAt' in timer
  useEffect(() => {
    if (!running) return
    setNow(Date.now())
    const interval = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(interval)
  }, [running, timer])
  if (!timer) return null
  const remaining = timerRemaining(timer, now)
  const done = running && remaining === 0
  const label = done ? t('present.timer.done') : t('present.timer')
  const Icon = running ? Timer : Pause
  return (
    <div
      className={`wt-present__timer${large ? ' wt-present__timer--large' : ''}${done ? ' wt-present__timer--done' : ''}`}
      role="timer"
      aria-label={`${label}: ${clock(remaining)}`}
      data-testid="present-timer"
    >
      <Icon aria-hidden="true" size={large ? 44 : 26} />
      <span>{done ? label : clock(remaining)}</span>
    </div>
  )
}
