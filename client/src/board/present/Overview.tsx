import { X } from 'lucide-react'
import { useEffect, useRef } from 'react'
import type { Editor, TLPageId } from 'tldraw'
import { useT } from '../../app/useT'
import { Pictogram } from '../../shapes/common/Pictogram'
import { MapSwitch } from './MapSwitch'
import { sectionTitle, type Section } from './sections'

/**
 * Every section of the map as a big tile with its number, pictogram and title; a tap shows
 * it. The other map of the board is one tap away above the tiles.
 */
export function Overview({
  editor,
  sections,
  current,
  pageId,
  namesHidden,
  onPick,
  onPage,
  onClose,
}: {
  editor: Editor
  sections: Section[]
  current: number
  pageId: TLPageId
  namesHidden: boolean
  onPick: (index: number) => void
  onPage: (pageId: TLPageId) => void
  onClose: () => void
}) {
  const t = useT()
  const currentTile = useRef<HTMLButtonElement>(null)
  useEffect(() => currentTile.current?.focus(), [])
  return (
    <div
      className="wt-present__overview"
      role="dialog"
      aria-modal="true"
      aria-label={t('present.overview.title')}
      data-testid="present-overview"
    >
      <div className="wt-present__overview-head">
        <h2>{t('present.overview.title')}</h2>
        <MapSwitch editor={editor} pageId={pageId} onPick={onPage} big />
        <button
          type="button"
          className="wt-present__tool"
          onClick={onClose}
          aria-label={t('share.close')}
        >
          <X aria-hidden="true" size={32} />
        </button>
      </div>
      {sections.length === 0 ? <p className="wt-present__empty">{t('present.empty')}</p> : null}
      <ol className="wt-present__tiles">
        {sections.map((s, i) => (
          <li key={s.ref.shapeId}>
            <button
              type="button"
              ref={i === current ? currentTile : undefined}
              className="wt-present__tile"
              aria-current={i === current ? 'step' : undefined}
              onClick={() => onPick(i)}
            >
              <span className="wt-present__tile-number">{i + 1}</span>
              {s.icon ? <Pictogram name={s.icon} size={56} /> : null}
              <span className="wt-present__tile-title">{sectionTitle(s, namesHidden)}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  )
}
