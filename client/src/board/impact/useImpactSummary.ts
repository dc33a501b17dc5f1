import { useMemo } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useBoard } from '../BoardContext'
import { cardsFromRecords } from './cards'
import { buildSummary, type ImpactSummary } from './summary'
import { useImpact } from './useImpact'

/**
 * The open board's impact summary, live: recomputed when a card or the impact map changes.
 * The board's title is the one the server knows (the share panel's), the same as in file
 * names of pictures.
 */
export function useImpactSummary(): ImpactSummary {
  const editor = useEditor()
  const { info } = useBoard()
  const impact = useImpact()
  const records = useValue('impact records', () => editor.store.query.records('shape').get(), [
    editor,
  ])
  const pages = useValue('impact pages', () => editor.getPages(), [editor])
  const cards = useMemo(
    () => cardsFromRecords([...pages, ...records], info.title),
    [pages, records, info.title],
  )
  return useMemo(() => buildSummary(cards, impact), [cards, impact])
}
