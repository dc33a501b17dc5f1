import './meeting.css'
import { CircleDot, Plus } from 'lucide-react'
import { useEditor, useValue, type TLShape } from 'tldraw'
import { useT } from '../../app/useT'
import { useMeetingStore } from './meetingStore'
import { cardInSection, dotsLeft, myDots, revealedTotal } from './votes'

function stop(e: { stopPropagation(): void }) {
  e.stopPropagation()
}

/**
 * A card's part in the dot vote, drawn inside the card (CardView): while the vote is open,
 * my dots on it and a big button to add one (tapping one of my dots takes it back); others'
 * dots stay hidden. Once revealed, the total as a badge, on the board and in image exports
 * (it reads the meeting store, which an export's render can read too) [1].
 */
export function CardVote({ shape, exporting }: { shape: TLShape; exporting: boolean }) {
  const editor = useEditor()
  const t = useT()
  const vote = useMeetingStore((s) => s.meeting.vote)
  const total = useMeetingStore((s) => revealedTotal(s.meeting, shape.id))
  const mine = useMeetingStore(
    (s) => myDots(s.meeting, s.me?.id).filter((c) => c === shape.id).length,
  )
  const left = useMeetingStore((s) => dotsLeft(s.meeting, s.me?.id) ?? 0)
  const actions = useMeetingStore((s) => s.actions)
  const pageId = vote?.section.pageId
  const sectionId = vote?.section.shapeId
  const inSection = useValue(
    'card in vote',
    () =>
      !!pageId && !!sectionId && cardInSection(editor, shape.id, { pageId, shapeId: sectionId }),
    [editor, shape.id, pageId, sectionId],
  )
  if (!vote || !inSection) return null

  if (vote.revealed) {
    if (total === 0) return null
    return (
      <span
        className="wt-vote-total"
        data-testid="vote-total"
        title={t('meeting.vote.total').replace('{count}', String(total))}
      >
        <CircleDot aria-hidden="true" size={30} />
        {total}
      </span>
    )
  }
  if (exporting || !actions) return null
  return (
    <div className="wt-vote" onPointerDown={stop} onPointerUp={stop} onDoubleClick={stop}>
      {Array.from({ length: mine }, (_, i) => (
        <button
          key={i}
          type="button"
          className="wt-vote__dot wt-vote__dot--mine"
          aria-label={t('meeting.vote.remove')}
          title={t('meeting.vote.remove')}
          data-testid="vote-mine"
          onClick={() => actions.removeDot(shape.id)}
        />
      ))}
      {left > 0 ? (
        <button
          type="button"
          className="wt-vote__dot wt-vote__dot--add"
          aria-label={t('meeting.vote.place')}
          title={t('meeting.vote.place')}
          data-testid="vote-place"
          onClick={() => actions.placeDot(shape.id)}
        >
          <Plus aria-hidden="true" />
        </button>
      ) : null}
    </div>
  )
}

// [1] Sizes are in page units divided by the zoom (meeting.css), so the button is at least
//     44 screen pixels at any zoom a card can be read at.
