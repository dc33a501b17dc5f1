import { Eye } from 'lucide-react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { setViewState } from '../view'
import { useMeetingStore } from './meetingStore'
import { followAgain, useLeaderHere, useLeaderUserId } from './useFollowLeader'

/**
 * "<Naam> laat iets zien" on a view that covers the board (the list a phone opens first, the
 * impact overview): following is a thing of the map, so a person reading the list would miss
 * that the facilitator shows something. "Bekijk" goes to the map and follows [1].
 */
export function CoverFollowBar() {
  const editor = useEditor()
  const t = useT()
  const follow = useMeetingStore((s) => s.meeting.follow)
  const leader = useLeaderUserId()
  const here = useLeaderHere(editor, leader)
  // The leader sees nothing here, and a free camera can only be followed while they are here.
  if (!follow || !leader || !(here || follow.section)) return null
  const name = follow.name || t('meeting.people.noName')
  return (
    <div className="wt-cover-follow" role="status" data-testid="cover-follow">
      <Eye aria-hidden="true" size={22} />
      <span>{t('meeting.follow.showing').replace('{name}', name)}</span>
      <button
        type="button"
        className="wt-button wt-cover-follow__button"
        onClick={() => {
          setViewState({ view: 'canvas' })
          followAgain(editor, leader)
        }}
      >
        {t('meeting.follow.look')}
      </button>
    </div>
  )
}

// [1] Not automatic: a resident typing an interest in the list keeps their place; the bar
//     says what happens and the choice is theirs, as "Volg weer" is on the map.
