import { PHONE_TEXT, PROJECTOR_TEXT, zoomForText, type Insets } from './camera'

/** Narrower than this is a phone held in the hand, not a screen on a wall. */
const PHONE_WIDTH = 700

/**
 * The bottom-right corner where tldraw shows its licence button (96×32 at 8 px from the
 * edges, Watermark.tsx): no card and none of our controls may cover it [1].
 */
export const LICENCE_AREA = { w: 128, h: 56 }

export interface PresentLayout {
  phone: boolean
  /** Screen pixels taken by our bars and buttons; sections are shown inside the rest. */
  insets: Insets
  minZoom: number
  maxZoom: number
}

/**
 * Where presentation mode puts its controls, and so where the section goes: on a wall, a bar
 * on top, big previous/next buttons at the sides and a bottom bar; on a phone, a title on top
 * and every control in one row at the bottom, within reach of a thumb.
 */
export function presentLayout(screen: { w: number; h: number }): PresentLayout {
  if (screen.w < PHONE_WIDTH) {
    return {
      phone: true,
      insets: { top: 64, right: 8, bottom: 84, left: 8 },
      minZoom: zoomForText(PHONE_TEXT),
      maxZoom: 1.5,
    }
  }
  return {
    phone: false,
    insets: { top: 96, right: 112, bottom: 88, left: 112 },
    minZoom: zoomForText(PROJECTOR_TEXT),
    maxZoom: 2.5,
  }
}

// [1] The bottom inset (88) is taller than the licence area (56), so no section reaches it;
//     the bottom bar ends LICENCE_AREA.w before the right edge (present.css).
