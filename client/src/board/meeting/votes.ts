import {
  ASSIGNMENT_SHAPE,
  DREAM_SHAPE,
  voteTotals,
  type MeetingState,
  type SectionRef,
} from '@wijktafel/shared'
import type { Editor, TLShapeId } from 'tldraw'

/** My dots in the open vote. */
export function myDots(meeting: MeetingState, myId: string | undefined): string[] {
  const ballot = myId ? meeting.ballots[myId] : undefined
  return ballot && meeting.vote && ballot.voteId === meeting.vote.id ? ballot.cards : []
}

/** Dots I may still place in the open vote, or null when there is none. */
export function dotsLeft(meeting: MeetingState, myId: string | undefined): number | null {
  if (!meeting.vote) return null
  return Math.max(0, meeting.vote.dots - myDots(meeting, myId).length)
}

/** The total on one card, once revealed; 0 before. */
export function revealedTotal(meeting: MeetingState, cardId: string): number {
  return meeting.vote?.revealed ? (voteTotals(meeting).get(cardId) ?? 0) : 0
}

/** How many people placed at least one dot. */
export function voterCount(meeting: MeetingState): number {
  const vote = meeting.vote
  if (!vote) return 0
  return Object.values(meeting.ballots).filter((b) => b.voteId === vote.id && b.cards.length > 0)
    .length
}

const CENTRE: readonly string[] = [DREAM_SHAPE, ASSIGNMENT_SHAPE]

/**
 * Is the card part of the section (present/sections.ts): inside its zone or participant, or,
 * for the centre of a belangenkaart, the dream and the assignment on that page.
 */
export function cardInSection(editor: Editor, cardId: TLShapeId, ref: SectionRef): boolean {
  const card = editor.getShape(cardId)
  if (!card) return false
  const base = editor.getShape(ref.shapeId as TLShapeId)
  if (base && CENTRE.includes(base.type)) {
    return CENTRE.includes(card.type) && card.parentId === base.parentId
  }
  if (!base) {
    // A page without sections is one section: every card on it.
    return ref.shapeId === `shape:${ref.pageId}` && editor.getAncestorPageId(card) === ref.pageId
  }
  return editor.hasAncestor(card, base.id)
}
