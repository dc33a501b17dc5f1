import { Map as MapIcon } from 'lucide-react'
import { useValue, type Editor, type TLPageId } from 'tldraw'
import { useT } from '../../app/useT'

/** The board's maps (pages), when it has more than one: the belangenkaart and the partnerschapskaart. */
export function MapSwitch({
  editor,
  pageId,
  onPick,
  big = false,
}: {
  editor: Editor
  pageId: TLPageId
  onPick: (pageId: TLPageId) => void
  big?: boolean
}) {
  const t = useT()
  const pages = useValue(
    'present pages',
    () => editor.getPages().map((p) => ({ id: p.id, name: p.name })),
    [editor],
  )
  if (pages.length < 2) return null
  return (
    <div
      className={`wt-present__maps${big ? ' wt-present__maps--big' : ''}`}
      role="group"
      aria-label={t('present.maps')}
    >
      {pages.map((page) => (
        <button
          key={page.id}
          type="button"
          className="wt-present__map"
          aria-pressed={page.id === pageId}
          onClick={() => page.id !== pageId && onPick(page.id)}
        >
          <MapIcon aria-hidden="true" size={big ? 32 : 24} />
          <span>{page.name}</span>
        </button>
      ))}
    </div>
  )
}
