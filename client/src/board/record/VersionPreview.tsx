import type { VersionDetailResponse as VersionContent } from '@wijktafel/shared'
import { ImageDown, X } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  Tldraw,
  type Editor,
  type TLRecord,
  type TLStoreSnapshot,
} from 'tldraw'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { WIJKTAFEL_EDITOR_SHAPE_UTILS, WIJKTAFEL_SHAPE_UTILS } from '../../shapes'
import { zoomToContent } from '../../shapes/tools/zoomToContent'
import { ImageDialog } from './ImageDialog'

/**
 * A saved version, full screen and read-only: the same cards as the live board, both maps
 * (tldraw's page menu switches between them), and "Bewaar als afbeelding" for the map shown.
 * Its own tldraw store, loaded from the version's records and migrated like any snapshot;
 * nothing here touches the live board.
 */
export function VersionPreview(props: {
  content: VersionContent
  boardTitle: string
  onClose: () => void
}) {
  const { content, boardTitle, onClose } = props
  const t = useT()
  const locale = useSession((s) => s.locale)
  const [editor, setEditor] = useState<Editor | null>(null)
  const [imageOpen, setImageOpen] = useState(false)
  const store = useMemo(() => {
    const records = Array.isArray(content.records)
      ? Object.fromEntries((content.records as TLRecord[]).map((r) => [r.id, r]))
      : (content.records as Record<string, TLRecord>)
    return createTLStore({
      shapeUtils: [...defaultShapeUtils, ...WIJKTAFEL_SHAPE_UTILS],
      bindingUtils: defaultBindingUtils,
      snapshot: { schema: content.schema, store: records } as TLStoreSnapshot,
    })
  }, [content])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !imageOpen) onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose, imageOpen])

  const when = new Date(content.version.createdAt).toLocaleString(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
  })
  return createPortal(
    <div
      className="wt-preview"
      role="dialog"
      aria-modal="true"
      aria-labelledby="wt-preview-title"
      data-testid="version-preview"
    >
      <div className="wt-preview__bar">
        <div className="wt-preview__name">
          <h2 id="wt-preview-title">{content.version.name}</h2>
          <span>
            {t('record.preview.readOnly')} · {when}
          </span>
        </div>
        <button
          type="button"
          className="wt-button"
          disabled={!editor}
          onClick={() => setImageOpen(true)}
        >
          <ImageDown aria-hidden="true" size={20} />
          {t('record.menu.image')}
        </button>
        <button type="button" className="wt-button wt-button--primary" onClick={onClose} autoFocus>
          <X aria-hidden="true" size={20} />
          {t('record.close')}
        </button>
      </div>
      <div className="wt-preview__canvas">
        <Tldraw
          store={store}
          shapeUtils={WIJKTAFEL_EDITOR_SHAPE_UTILS}
          locale={locale}
          components={{ SharePanel: null, TopPanel: null }}
          onMount={(e) => {
            e.updateInstanceState({ isReadonly: true })
            zoomToContent(e, { animation: { duration: 0 } })
            setEditor(e)
          }}
        />
      </div>
      {editor && (
        <ImageDialog
          editor={editor}
          boardTitle={boardTitle}
          open={imageOpen}
          onClose={() => setImageOpen(false)}
          version={{ name: content.version.name, date: new Date(content.version.createdAt) }}
        />
      )}
    </div>,
    document.body,
  )
}
