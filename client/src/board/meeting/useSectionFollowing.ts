import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { react, useValue, type Editor, type TLPageId } from 'tldraw'
import { useSession } from '../../state/session'
import { PHONE_TEXT, zoomForText } from '../present/camera'
import { boardSections, findSection, showSection, type Insets } from '../present/sections'
import { useMeetingStore } from './meetingStore'
import { useFollowingLeader, useLeaderUserId } from './useFollowLeader'

/** Card text of at least 11 px (body text 13 px): a section as wide as a phone allows [1]. */
const MIN_ZOOM = zoomForText(PHONE_TEXT)
/** A lone card is not blown up past this. */
const MAX_ZOOM = 1.5
/** Screen pixels between the section and our bars. */
const GAP = 8
/** Screen pixels of height (and width) a section needs to be shown between the bars. */
const MIN_STAGE = 160
/** How often the bars are looked for again while following. */
const RECHECK_MS = 1000
/** Used until the bars are measured (a phone's top panel and card palette). */
const FALLBACK: Insets = { top: 190, right: GAP, bottom: 200, left: GAP }

/**
 * On a follower's canvas while the facilitator shows a section: that section fitted to this
 * screen, clear of our bars, again when the facilitator steps on, the window changes size or
 * the bars do. A camera move that is not ours (wheel, pinch, hand tool, keyboard zoom, a
 * page change) is the person looking around themselves: following stops and the follow bar
 * offers "Volg weer" [2].
 */
export function useSectionFollowing(editor: Editor, enabled = true): void {
  const leader = useLeaderUserId(enabled)
  const pageId = useMeetingStore((s) => s.meeting.follow?.section?.pageId ?? null)
  const shapeId = useMeetingStore((s) => s.meeting.follow?.section?.shapeId ?? null)
  const locale = useSession((s) => s.locale)
  const following = useFollowingLeader(editor, leader)
  const active = !!leader && following && !!pageId && !!shapeId
  const section = useValue(
    'followed section',
    () =>
      active
        ? findSection(boardSections(editor, pageId as TLPageId, locale), { pageId, shapeId })
        : undefined,
    [editor, active, pageId, shapeId, locale],
  )
  const screen = useValue(
    'follow screen',
    () => {
      const { w, h } = editor.getViewportScreenBounds()
      return `${w}x${h}`
    },
    [editor],
  )
  const insets = useBarInsets(editor, active)
  // The camera this hook set last; any other is the person's own.
  const mine = useRef<{ pageId: string; x: number; y: number; z: number } | null>(null)

  const b = section?.bounds
  const boundsKey = b ? `${b.x},${b.y},${b.w},${b.h}` : ''
  useLayoutEffect(() => {
    if (!active || !section || !leader || !pageId) return
    editor.run(
      () => {
        editor.stopFollowingUser() // so setCamera and setCurrentPage are not "stepping out"
        if (editor.getCurrentPageId() !== pageId) editor.setCurrentPage(pageId as TLPageId)
        showSection(editor, section, {
          insets: roomFor(editor, insets),
          minZoom: MIN_ZOOM,
          maxZoom: MAX_ZOOM,
        })
        const { x, y, z } = editor.getCamera()
        mine.current = { pageId, x, y, z }
        editor.updateInstanceState({ followingUserId: leader })
      },
      { history: 'ignore' },
    )
  }, [editor, active, leader, pageId, section?.ref.shapeId, boundsKey, screen, insets]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!active) return
    return react('own camera move ends section following', () => {
      const camera = editor.getCamera()
      const page = editor.getCurrentPageId()
      const set = mine.current
      if (!set) return
      const same =
        page === set.pageId &&
        Math.abs(camera.x - set.x) < 0.5 &&
        Math.abs(camera.y - set.y) < 0.5 &&
        Math.abs(camera.z - set.z) < 0.001
      if (!same) editor.stopFollowingUser()
    })
  }, [editor, active])
}

/**
 * Screen pixels our bars cover: the top panel (without a follow bar that goes when following
 * resumes) and tldraw's bottom area with the card palette. Measured, and again whenever
 * they or the window change size.
 */
function useBarInsets(editor: Editor, active: boolean): Insets {
  const [insets, setInsets] = useState<Insets>(FALLBACK)
  useEffect(() => {
    if (!active) return
    const container = editor.getContainer()
    const observer = new ResizeObserver(() => measure())
    observer.observe(container)
    const measure = () => {
      // The bars themselves: tldraw's layout zones keep their size when a bar in them grows.
      // Observing an element twice is a no-op; a bar that came later is observed from now on.
      for (const el of container.querySelectorAll(`${TOP_BARS}, .tlui-layout__bottom`)) {
        observer.observe(el)
      }
      const next = measureBars(container)
      setInsets((prev) =>
        prev.top === next.top && prev.bottom === next.bottom && prev.left === next.left
          ? prev
          : next,
      )
    }
    measure()
    // Bars that come later or are mounted again [3].
    const timer = window.setInterval(measure, RECHECK_MS)
    return () => {
      observer.disconnect()
      window.clearInterval(timer)
    }
  }, [editor, active])
  return insets
}

/**
 * The insets, unless the bars leave almost nothing between them (a phone held sideways):
 * then the section is fitted to the whole screen and shows between and around the bars [4].
 */
function roomFor(editor: Editor, insets: Insets): Insets {
  const { w, h } = editor.getViewportScreenBounds()
  const free = Math.min(w - insets.left - insets.right, h - insets.top - insets.bottom)
  return free >= MIN_STAGE ? insets : { top: GAP, right: GAP, bottom: GAP, left: GAP }
}

/** What covers the top of the canvas: tldraw's menus, our top panel, the share button. */
const TOP_BARS = '.tlui-layout__top__left > *, .wt-toppanel, .tlui-layout__top__right > *'

function measureBars(container: HTMLElement): Insets {
  const frame = container.getBoundingClientRect()
  const top = container.querySelector('.tlui-layout__top')
  const bottom = container.querySelector('.tlui-layout__bottom')
  if (!top || !bottom) return FALLBACK
  let topEdge = 0
  for (const el of top.querySelectorAll(TOP_BARS)) {
    const r = el.getBoundingClientRect()
    if (r.height > 0) topEdge = Math.max(topEdge, r.bottom - frame.top)
  }
  const bar = top.querySelector('.wt-followbar:not(.wt-followbar--lead)')
  if (bar) topEdge -= bar.getBoundingClientRect().height
  const bottomEdge = frame.bottom - bottom.getBoundingClientRect().top
  return {
    top: Math.round(topEdge + GAP),
    right: GAP,
    bottom: Math.round(Math.max(0, bottomEdge) + GAP),
    left: GAP,
  }
}

// [1] As presentLayout (present/layout.ts) on a phone: a participant area (640 wide) across a
//     390 px screen at zoom 0.58, where a card's vote buttons are 44 px too. A section taller
//     than the free room is shown as presentation mode shows it, in its first part (its cards
//     from the top, the title band dropped when it costs a part); a wider one in its first
//     column. The rest is a pan away, which stops following; "Volg weer" comes back here.
// [2] Our own moves are made with tldraw's following flag off (setCamera and setCurrentPage
//     would end following) and without animation, and the camera they leave is remembered.
//     A resize moves no camera while the flag is on (tldraw keeps the camera when following),
//     and the next fit is ours again.
// [3] A ResizeObserver sees the elements it was given grow and shrink, not elements that
//     come later or replace them (tldraw's helper buttons, a panel React mounts again). A
//     look once a second (a few getBoundingClientRect calls) catches those; an unchanged
//     result renders nothing.
// [4] On a 844×390 phone held sideways the top panel reaches down to 170 px and the card
//     palette starts at 250 px: 80 px between them. Fitting into that would show the section
//     at a zoom near 0; the whole screen at least shows it at a readable size.
