import type { SectionRef } from '@wijktafel/shared'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useValue, type Editor, type TLPageId, type TLShapeId } from 'tldraw'
import { useMeeting } from '../meeting/useMeeting'
import { useMeetingStore } from '../meeting/meetingStore'
import { useSession } from '../../state/session'
import { presentLayout, type PresentLayout } from './layout'
import { shownShapes } from './focus'
import { boardSections, findSection, sectionParts, showSection, type Section } from './sections'

export interface Presentation {
  layout: PresentLayout
  pageId: TLPageId
  sections: Section[]
  /** Index of the section shown, -1 when the page has none. */
  index: number
  section: Section | undefined
  part: number
  parts: number
  /** The shapes shown (the section's frame and the cards of this part); null: all. */
  shown: TLShapeId[] | null
  /** The facilitator asks everyone to follow and this screen does. */
  following: boolean
  /** The facilitator asks everyone to follow, but this person stepped away. */
  canRejoin: boolean
  leaderName: string
  /** The section the facilitator shows (its shape id), followed or not. */
  leaderSection: string | null
  /** One step: the next part of this section or the next section (-1 back). */
  step(delta: 1 | -1): void
  goTo(index: number): void
  first(): void
  last(): void
  showPage(pageId: TLPageId): void
  rejoin(): void
}

interface Position {
  ref: SectionRef | null
  part: number
}

/**
 * The state of presentation mode: which section and part is shown, stepping, and following
 * the facilitator. The camera follows the position (showSection), and again whenever the
 * section changes shape or the window its size.
 */
export function usePresentation(editor: Editor): Presentation {
  const locale = useSession((s) => s.locale)
  const myId = useSession((s) => s.user.id)
  const screen = useValue('present screen', () => editor.getViewportScreenBounds().clone(), [
    editor,
  ])
  const layout = useMemo(() => presentLayout(screen), [screen.w, screen.h]) // eslint-disable-line react-hooks/exhaustive-deps
  const pageId = useValue('present page', () => editor.getCurrentPageId(), [editor])
  const sections = useValue('present sections', () => boardSections(editor, pageId, locale), [
    editor,
    pageId,
    locale,
  ])
  const [pos, setPos] = useState<Position>({ ref: null, part: 0 })
  const found = findSection(sections, pos.ref)
  const index = sections.length === 0 ? -1 : found ? sections.indexOf(found) : 0
  const section = sections[index]
  const partBoxes = section ? sectionParts(editor, section, layout) : []
  const parts = partBoxes.length
  const part = Math.min(pos.part, Math.max(0, parts - 1))
  const shown = section && partBoxes[part] ? shownShapes(editor, section, partBoxes[part]) : null

  // Following: the facilitator's section is shown until this person steps themselves [1].
  const { follow } = useMeeting()
  const leading = !!follow && follow.leaderId === myId
  const [steppedAway, setSteppedAway] = useState<number | null>(null)
  const followSince = follow?.since ?? null
  const followed = follow?.section ?? null
  const following = !!followed && !leading && steppedAway !== followSince
  useEffect(() => {
    if (!following || !followed) return
    if (
      followed.pageId !== editor.getCurrentPageId() &&
      editor.getPage(followed.pageId as TLPageId)
    ) {
      editor.setCurrentPage(followed.pageId as TLPageId)
    }
    setPos((p) =>
      p.ref?.pageId === followed.pageId && p.ref.shapeId === followed.shapeId
        ? p
        : { ref: followed, part: 0 },
    )
  }, [editor, following, followed?.pageId, followed?.shapeId]) // eslint-disable-line react-hooks/exhaustive-deps

  // The facilitator presenting on their own screen leads the others with each step.
  const moved = useRef(false)
  useEffect(() => {
    if (!moved.current || !leading || !section) return
    const actions = useMeetingStore.getState().actions
    if (actions?.role === 'facilitator') actions.setFollowSection(section.ref)
  }, [leading, section?.ref.pageId, section?.ref.shapeId]) // eslint-disable-line react-hooks/exhaustive-deps

  const userMoved = useCallback(() => {
    moved.current = true
    if (followSince !== null) setSteppedAway(followSince)
  }, [followSince])

  const goTo = useCallback(
    (i: number, partIndex = 0) => {
      const target = sections[Math.max(0, Math.min(sections.length - 1, i))]
      if (!target) return
      userMoved()
      setPos({ ref: target.ref, part: partIndex })
    },
    [sections, userMoved],
  )

  const step = useCallback(
    (delta: 1 | -1) => {
      if (!section) return
      const next = part + delta
      if (next >= 0 && next < parts) {
        userMoved()
        setPos({ ref: section.ref, part: next })
        return
      }
      const to = index + delta
      if (to < 0 || to >= sections.length) return
      const partsThere = sectionParts(editor, sections[to]!, layout).length
      goTo(to, delta > 0 ? 0 : partsThere - 1)
    },
    [editor, section, part, parts, index, sections, layout, goTo, userMoved],
  )

  const showPage = useCallback(
    (id: TLPageId) => {
      userMoved()
      editor.setCurrentPage(id)
      setPos({ ref: null, part: 0 })
    },
    [editor, userMoved],
  )

  // The camera: moved by stepping only, never by a drag or the wheel (the camera is locked).
  const boundsKey = section
    ? `${section.bounds.x},${section.bounds.y},${section.bounds.w},${section.bounds.h}`
    : ''
  useLayoutEffect(() => {
    if (section) showSection(editor, section, { ...layout, part })
  }, [editor, section?.ref.shapeId, boundsKey, part, layout, pageId]) // eslint-disable-line react-hooks/exhaustive-deps

  return {
    layout,
    pageId,
    sections,
    index,
    section,
    part,
    parts,
    shown,
    following,
    canRejoin: !!followed && !leading && !following,
    leaderName: follow?.name ?? '',
    leaderSection: followed?.shapeId ?? null,
    step,
    goTo: (i) => goTo(i),
    first: () => goTo(0),
    last: () => goTo(sections.length - 1),
    showPage,
    rejoin: () => setSteppedAway(null),
  }
}

// [1] A step of one's own ends following for this screen only (the facilitator's request
//     stays); "Volg de begeleider" takes it up again. A new request (a new `since`) is followed
//     again, so a projector that strayed joins the next round. When the facilitator follows
//     with no section (their free camera), presentation mode stays on the section it shows:
//     a projector that jumped to every place the facilitator pans to would be restless.
