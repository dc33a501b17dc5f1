import { Eye, Radio, X } from 'lucide-react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { useMeetingStore } from './meetingStore'
import { SectionStepper } from './SectionStepper'
import { followAgain, useFollowingLeader, useLeaderHere, useLeaderUserId } from './useFollowLeader'

/**
 * The bar at the top of the canvas while the facilitator asks everyone to follow them. A
 * follower who stepped out sees "<Naam> laat iets zien" and a big "Volg weer"; the
 * facilitator sees that everyone follows them, the section they show with previous/next,
 * and stop.
 */
export function FollowBar() {
  const editor = useEditor()
  const t = useT()
  const follow = useMeetingStore((s) => s.meeting.follow)
  const me = useMeetingStore((s) => s.me)
  const actions = useMeetingStore((s) => s.actions)
  const leader = useLeaderUserId()
  const here = useLeaderHere(editor, leader)
  const following = useFollowingLeader(editor, leader)
  if (!follow || !me) return null

  if (follow.leaderId === me.id) {
    return (
      <div className="wt-followbar wt-followbar--lead" role="status" data-testid="follow-bar">
        <Radio aria-hidden="true" size={22} />
        <span className="wt-followbar__text">{t('meeting.follow.on')}</span>
        {actions?.role === 'facilitator' ? (
          <>
            <SectionStepper compact />
            <button
              type="button"
              className="wt-button wt-button--quiet wt-followbar__button"
              onClick={() => actions.stopFollow()}
            >
              <X aria-hidden="true" size={22} />
              {t('meeting.follow.stop')}
            </button>
          </>
        ) : null}
      </div>
    )
  }
  // A section can be followed without the leader's presence; their camera cannot.
  if (!(here || follow.section)) return null
  const name = follow.name || t('meeting.people.noName')
  // Following: a quiet row with a way out, in place of tldraw's small "Stop met volgen" that
  // a phone puts over the board's title (hidden by meeting.css while this row is there).
  // Stepped out: who shows something, and a big way back.
  const bar = following
    ? {
        modifier: ' wt-followbar--following',
        text: 'meeting.follow.following' as const,
        button: 'meeting.follow.free' as const,
        quiet: ' wt-button--quiet',
        onClick: () => editor.stopFollowingUser(),
      }
    : {
        modifier: '',
        text: 'meeting.follow.showing' as const,
        button: 'meeting.follow.again' as const,
        quiet: '',
        onClick: () => leader && followAgain(editor, leader),
      }
  return (
    <div className={`wt-followbar${bar.modifier}`} role="status" data-testid="follow-bar">
      <Eye aria-hidden="true" size={following ? 20 : 22} />
      <span className="wt-followbar__text">{t(bar.text).replace('{name}', name)}</span>
      <button
        type="button"
        className={`wt-button${bar.quiet} wt-followbar__button`}
        onClick={bar.onClick}
      >
        {t(bar.button)}
      </button>
    </div>
  )
}
