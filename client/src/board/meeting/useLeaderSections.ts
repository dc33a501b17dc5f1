import type { SectionRef } from '@wijktafel/shared'
import { useEffect } from 'react'
import { useValue, type Editor, type TLPageId } from 'tldraw'
import { useSession } from '../../state/session'
import { boardSections, findSection, showSection, type Section } from '../present/sections'
import { useMeetingStore } from './meetingStore'

/** Screen pixels kept free for the top bar and the toolbar when the leader shows a section. */
export const LEADER_INSETS = { top: 190, right: 24, bottom: 150, left: 24 }

/** The sections of the current page, live. */
export function useSections(editor: Editor): Section[] {
  const locale = useSession((s) => s.locale)
  return useValue(
    'meeting sections',
    () => boardSections(editor, editor.getCurrentPageId(), locale),
    [editor, locale],
  )
}

/** The section a ref points at, on any page. */
export function sectionOf(editor: Editor, ref: SectionRef, locale: 'nl' | 'en' = 'nl') {
  return findSection(boardSections(editor, ref.pageId as TLPageId, locale), ref)
}

/**
 * On the leader's own screen: whenever the followed section changes (from the meeting panel,
 * the follow bar or another facilitator tab), show it; the followers follow the camera.
 */
export function useShowLeaderSection(editor: Editor, enabled = true): void {
  const leading = useMeetingStore(
    (s) => enabled && !!s.me && !!s.meeting.follow && s.meeting.follow.leaderId === s.me.id,
  )
  const pageId = useMeetingStore((s) => s.meeting.follow?.section?.pageId ?? null)
  const shapeId = useMeetingStore((s) => s.meeting.follow?.section?.shapeId ?? null)
  useEffect(() => {
    if (!leading || !pageId || !shapeId) return
    const section = sectionOf(editor, { pageId, shapeId })
    if (!section) return
    if (editor.getCurrentPageId() !== pageId) editor.setCurrentPage(pageId as TLPageId)
    showSection(editor, section, { insets: LEADER_INSETS, animation: { duration: 400 } })
  }, [editor, leading, pageId, shapeId])
}
