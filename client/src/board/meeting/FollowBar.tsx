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
  if (following) {
    // In place of tldraw's small "Stop met volgen" at the top left, which a phone puts over
    // the board's title (hidden by meeting.css while this bar is there).
    return (
      <div className="wt-followbar wt-followbar--following" role="status" data-testid="follow-bar">
        <Eye aria-hidden="true" size={20} />
        <span className="wt-followbar__text">
          {t('meeting.follow.following').replace('{name}', name)}
        </span>
        <button
          type="button"
          className="wt-button wt-button--quiet wt-followbar__button"
          onClick={() => editor.stopFollowingUser()}
        >
          {t('meeting.follow.free')}
        </button>
      </div>
    )
  }
  return (
    <div className="wt-followbar" role="status" data-testid="follow-bar">
      <Eye aria-hidden="true" size={22} />
      <span className="wt-followbar__text">
        {t('meeting.follow.showing').replace('{name}', name)}
      </span>
      <button
        type="button"
        className="wt-button wt-followbar__button"
        onClick={() => leader && followAgain(editor, leader)}
      >
        {t('meeting.follow.again')}
      </button>
    </div>
  )
}
