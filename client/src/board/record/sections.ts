import type { Locale } from '@wijktafel/shared'
import type { Box, Editor } from 'tldraw'
import { boardSections } from '../present/sections'

export interface ExportSection {
  key: string
  title: string
  bounds: Box
}

/**
 * The parts of the current map someone may want as a picture: the same sections as
 * presentation mode shows one by one (the centre, each participant, the shared interest;
 * the banner, the lanes, the agreements), in reading order. A page without sections has
 * none here: "this map" is the whole of it.
 */
export function exportSections(editor: Editor, locale: Locale, untitled: string): ExportSection[] {
  return boardSections(editor, editor.getCurrentPageId(), locale)
    .filter((section) => section.kind !== 'page')
    .map((section) => ({
      key: `${section.ref.shapeId}-${section.kind}`,
      title: section.title || untitled,
      bounds: section.bounds,
    }))
}
