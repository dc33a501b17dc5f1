import { ChevronLeft, ChevronRight } from 'lucide-react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { findSection } from '../present/sections'
import { useMeetingStore } from './meetingStore'
import { useSections } from './useLeaderSections'

/**
 * Previous / next section for the facilitator while everyone follows them: sets
 * `follow.section`, which moves the facilitator's camera (and so everyone's) and the
 * projector in presentation mode. Before the first step it shows the free view.
 */
export function SectionStepper({ compact = false }: { compact?: boolean }) {
  const editor = useEditor()
  const t = useT()
  const actions = useMeetingStore((s) => s.actions)
  const section = useMeetingStore((s) => s.meeting.follow?.section ?? null)
  const sections = useSections(editor)
  if (actions?.role !== 'facilitator' || sections.length === 0) return null
  const current = findSection(sections, section)
  const index = current ? sections.indexOf(current) : -1
  const go = (next: number) => {
    const target = sections[next]
    if (target) actions.setFollowSection(target.ref)
  }
  return (
    <div className={`wt-stepper${compact ? ' wt-stepper--compact' : ''}`}>
      <button
        type="button"
        className="wt-button wt-button--quiet wt-stepper__button"
        onClick={() => go(index - 1)}
        disabled={index <= 0}
        aria-label={t('meeting.follow.previous')}
        title={t('meeting.follow.previous')}
      >
        <ChevronLeft aria-hidden="true" size={26} className="wt-flip-rtl" />
      </button>
      <span className="wt-stepper__title" data-testid="follow-section">
        {current ? current.title || '…' : t('meeting.follow.free')}
        {current ? (
          <small>
            {t('meeting.follow.sectionOf')
              .replace('{n}', String(index + 1))
              .replace('{count}', String(sections.length))}
          </small>
        ) : null}
      </span>
      <button
        type="button"
        className="wt-button wt-button--quiet wt-stepper__button"
        onClick={() => go(index + 1)}
        disabled={index >= sections.length - 1}
        aria-label={t('meeting.follow.next')}
        title={t('meeting.follow.next')}
      >
        <ChevronRight aria-hidden="true" size={26} className="wt-flip-rtl" />
      </button>
    </div>
  )
}
