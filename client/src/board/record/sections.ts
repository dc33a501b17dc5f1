import type { Box, Editor, TLShapeId } from 'tldraw'

export interface ExportSection {
  id: TLShapeId
  title: string
  bounds: Box
}

/**
 * The titled areas of the current map (the zones of the templates: the shared-interest
 * zone, a partner's lane, an agreement section), each a part someone may want as a picture.
 */
export function exportSections(editor: Editor, untitled: string): ExportSection[] {
  const sections: ExportSection[] = []
  for (const shape of editor.getCurrentPageShapesSorted()) {
    if (shape.type !== 'wt-zone') continue
    const bounds = editor.getShapePageBounds(shape.id)
    if (!bounds) continue
    const title = (shape.props as { title?: string }).title?.trim()
    sections.push({ id: shape.id, title: title || untitled, bounds })
  }
  return sections
}
