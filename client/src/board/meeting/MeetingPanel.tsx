import { MAX_VOTE_DOTS } from '@wijktafel/shared'
import {
  CalendarCheck,
  CircleDot,
  Eye,
  LayoutTemplate,
  Minus,
  Pause,
  Play,
  Plus,
  Radio,
  Square,
  Timer,
  Trash2,
  Users,
  X,
} from 'lucide-react'
import { useState, type ReactNode } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useT } from '../../app/useT'
import { setRoundsOpen, useImpactActions } from '../impact/useImpact'
import { type Section } from '../present/sections'
import { type FacilitatorActions } from './meetingActions'
import { useMeetingStore } from './meetingStore'
import { ParticipantsList } from './ParticipantsList'
import { SectionStepper } from './SectionStepper'
import { TimerDisplay } from './TimerDisplay'
import { useSections } from './useLeaderSections'
import { voterCount } from './votes'

const PRESET_MINUTES = [1, 3, 5, 10, 15]
const MINUTE = 60_000

/**
 * The meeting panel: for the facilitator, "Iedereen volgt mij" with the sections, the timer,
 * dot voting and the layout switch; for everyone, who is here.
 */
export function MeetingPanel({ onClose }: { onClose: () => void }) {
  const t = useT()
  const actions = useMeetingStore((s) => s.actions)
  const lead = actions?.role === 'facilitator' ? actions : null
  return (
    <div
      className="wt-meeting"
      role="dialog"
      aria-label={t('meeting.title')}
      data-testid="meeting-panel"
    >
      <div className="wt-meeting__head">
        <Users aria-hidden="true" size={24} />
        <h2>{t('meeting.title')}</h2>
        <button
          type="button"
          className="wt-button wt-button--quiet wt-meeting__close"
          onClick={onClose}
          aria-label={t('meeting.close')}
        >
          <X aria-hidden="true" size={24} />
        </button>
      </div>
      <div className="wt-meeting__body">
        {lead ? (
          <>
            <FollowBlock lead={lead} />
            <TimerBlock lead={lead} />
            <VoteBlock lead={lead} />
            <StructureBlock />
          </>
        ) : null}
        <RoundsBlock onOpen={onClose} />
        <Block icon={<Users size={22} />} title={t('meeting.people.title')}>
          <ParticipantsList onGo={onClose} />
        </Block>
      </div>
    </div>
  )
}

function Block({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <section className="wt-meeting__block">
      <h3>
        <span aria-hidden="true">{icon}</span>
        {title}
      </h3>
      {children}
    </section>
  )
}

function FollowBlock({ lead }: { lead: FacilitatorActions }) {
  const t = useT()
  const following = useMeetingStore(
    (s) => !!s.meeting.follow && s.meeting.follow.leaderId === s.me?.id,
  )
  const someoneElse = useMeetingStore(
    (s) => !!s.meeting.follow && s.meeting.follow.leaderId !== s.me?.id,
  )
  return (
    <Block icon={<Radio size={22} />} title={t('meeting.follow.title')}>
      <div className="wt-meeting__row">
        {following || someoneElse ? (
          <button type="button" className="wt-button" onClick={() => lead.stopFollow()}>
            <Square aria-hidden="true" size={20} />
            {t('meeting.follow.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="wt-button wt-button--primary"
            onClick={() => lead.startFollow(null)}
            data-testid="follow-start"
          >
            <Radio aria-hidden="true" size={20} />
            {t('meeting.follow.start')}
          </button>
        )}
      </div>
      {following ? <SectionStepper /> : null}
    </Block>
  )
}

function TimerBlock({ lead }: { lead: FacilitatorActions }) {
  const t = useT()
  const timer = useMeetingStore((s) => s.meeting.timer)
  return (
    <Block icon={<Timer size={22} />} title={t('meeting.timer.title')}>
      <TimerDisplay size="large" />
      <div className="wt-meeting__row">
        {PRESET_MINUTES.map((n) => (
          <button
            key={n}
            type="button"
            className="wt-button wt-meeting__chip"
            onClick={() => lead.startTimer(n * MINUTE)}
          >
            {t('meeting.timer.minutes').replace('{n}', String(n))}
          </button>
        ))}
      </div>
      {timer ? (
        <div className="wt-meeting__row">
          <button type="button" className="wt-button" onClick={() => lead.addTime(MINUTE)}>
            <Plus aria-hidden="true" size={20} />
            {t('meeting.timer.addMinute')}
          </button>
          {'endsAt' in timer ? (
            <button type="button" className="wt-button" onClick={() => lead.pauseTimer()}>
              <Pause aria-hidden="true" size={20} />
              {t('meeting.timer.pause')}
            </button>
          ) : (
            <button type="button" className="wt-button" onClick={() => lead.resumeTimer()}>
              <Play aria-hidden="true" size={20} />
              {t('meeting.timer.resume')}
            </button>
          )}
          <button type="button" className="wt-button" onClick={() => lead.stopTimer()}>
            <Square aria-hidden="true" size={20} />
            {t('meeting.timer.stop')}
          </button>
        </div>
      ) : null}
    </Block>
  )
}

/** The section of the (first) selected card, if any. */
function useSelectedSection(sections: readonly Section[]): Section | undefined {
  const editor = useEditor()
  const selected = useValue('selected', () => editor.getOnlySelectedShapeId(), [editor])
  if (!selected) return undefined
  return sections.find(
    (s) =>
      s.ref.shapeId === selected ||
      s.cards.includes(selected) ||
      editor.hasAncestor(selected, s.ref.shapeId as never),
  )
}

function VoteBlock({ lead }: { lead: FacilitatorActions }) {
  const t = useT()
  const editor = useEditor()
  const vote = useMeetingStore((s) => s.meeting.vote)
  const voters = useMeetingStore((s) => voterCount(s.meeting))
  const followed = useMeetingStore((s) => s.meeting.follow?.section?.shapeId)
  const sections = useSections(editor)
  const fromSelection = useSelectedSection(sections)
  const [picked, setPicked] = useState<string | null>(null)
  const [dots, setDots] = useState(3)
  const chosen =
    sections.find((s) => s.ref.shapeId === picked) ??
    fromSelection ??
    sections.find((s) => s.ref.shapeId === followed) ??
    sections[0]

  if (vote) {
    const title = sections.find((s) => s.ref.shapeId === vote.section.shapeId)?.title ?? ''
    return (
      <Block icon={<CircleDot size={22} />} title={t('meeting.vote.title')}>
        <p className="wt-meeting__status">
          {vote.revealed
            ? t('meeting.vote.revealed')
            : t('meeting.vote.running').replace('{title}', title)}
          {' · '}
          {voters === 1
            ? t('meeting.vote.voterOne')
            : t('meeting.vote.voters').replace('{count}', String(voters))}
        </p>
        <div className="wt-meeting__row">
          {!vote.revealed ? (
            <button
              type="button"
              className="wt-button wt-button--primary"
              onClick={() => lead.revealVote()}
              data-testid="vote-reveal"
            >
              <Eye aria-hidden="true" size={20} />
              {t('meeting.vote.reveal')}
            </button>
          ) : null}
          <button
            type="button"
            className="wt-button"
            onClick={() => lead.clearVote()}
            data-testid="vote-clear"
          >
            <Trash2 aria-hidden="true" size={20} />
            {t('meeting.vote.clear')}
          </button>
        </div>
      </Block>
    )
  }
  return (
    <Block icon={<CircleDot size={22} />} title={t('meeting.vote.title')}>
      <label className="wt-meeting__field">
        <span>{t('meeting.vote.section')}</span>
        <select
          value={chosen?.ref.shapeId ?? ''}
          onChange={(e) => setPicked(e.target.value)}
          data-testid="vote-section"
        >
          {sections.map((s) => (
            <option key={s.ref.shapeId} value={s.ref.shapeId}>
              {s.title || '…'}
              {s === fromSelection ? ` (${t('meeting.vote.selectedSection')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="wt-meeting__field">
        <span>{t('meeting.vote.dots')}</span>
        <div className="wt-meeting__stepper">
          <button
            type="button"
            className="wt-button"
            onClick={() => setDots((n) => Math.max(1, n - 1))}
            disabled={dots <= 1}
            aria-label={t('meeting.vote.fewer')}
          >
            <Minus aria-hidden="true" size={20} />
          </button>
          <output data-testid="vote-dots">{dots}</output>
          <button
            type="button"
            className="wt-button"
            onClick={() => setDots((n) => Math.min(MAX_VOTE_DOTS, n + 1))}
            disabled={dots >= MAX_VOTE_DOTS}
            aria-label={t('meeting.vote.more')}
          >
            <Plus aria-hidden="true" size={20} />
          </button>
        </div>
      </div>
      <div className="wt-meeting__row">
        <button
          type="button"
          className="wt-button wt-button--primary"
          disabled={!chosen}
          onClick={() => chosen && lead.openVote(chosen.ref, dots)}
          data-testid="vote-open"
        >
          <CircleDot aria-hidden="true" size={20} />
          {t('meeting.vote.open')}
        </button>
      </div>
    </Block>
  )
}

/** Evaluation rounds (client/src/board/impact): started by the facilitator, walked by all. */
function RoundsBlock({ onOpen }: { onOpen: () => void }) {
  const t = useT()
  if (!useImpactActions()) return null
  return (
    <Block icon={<CalendarCheck size={22} />} title={t('round.title')}>
      <div className="wt-meeting__row">
        <button
          type="button"
          className="wt-button"
          onClick={() => {
            onOpen()
            setRoundsOpen(true)
          }}
          data-testid="rounds-open"
        >
          <CalendarCheck aria-hidden="true" size={20} />
          {t('round.open')}
        </button>
      </div>
    </Block>
  )
}

function StructureBlock() {
  const t = useT()
  const unlocked = useMeetingStore((s) => s.structureUnlocked)
  return (
    <Block icon={<LayoutTemplate size={22} />} title={t('meeting.structure.title')}>
      <label className="wt-switch">
        <input
          type="checkbox"
          checked={unlocked}
          onChange={(e) => useMeetingStore.setState({ structureUnlocked: e.target.checked })}
          data-testid="structure-toggle"
        />
        <span>{t('meeting.structure.hint')}</span>
      </label>
    </Block>
  )
}
