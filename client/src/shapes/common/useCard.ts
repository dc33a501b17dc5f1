import { translate, type Locale, type MessageKey } from '@wijktafel/shared'
import { useCallback } from 'react'
import { useEditor, useIsEditing, useSvgExportContext, type TLShape } from 'tldraw'
import { useSession } from '../../state/session'

export interface CardState<S extends TLShape> {
  /** The card is in tldraw's editing state: its text fields are inputs. */
  editing: boolean
  /** Rendered into an image export rather than on the canvas. */
  exporting: boolean
  locale: Locale
  t: (key: MessageKey) => string
  /** Writes some props of this card (one store change, synced like any other). */
  update: (props: Partial<S['props']>) => void
}

/**
 * The little state every card component needs. Cheap on purpose (ENGINEERING.md: heavy
 * per-card hooks make large boards lag): one boolean signal, one store selector, one context.
 */
export function useCard<S extends TLShape>(shape: S): CardState<S> {
  const editor = useEditor()
  const editing = useIsEditing(shape.id)
  const exporting = useSvgExportContext() !== null
  const locale = useSession((s) => s.locale)
  const t = useCallback((key: MessageKey) => translate(locale, key), [locale])
  const { id, type } = shape
  const update = useCallback(
    (props: Partial<S['props']>) => {
      editor.updateShape({ id, type, props } as Parameters<typeof editor.updateShape>[0])
    },
    [editor, id, type],
  )
  return { editing, exporting, locale, t, update }
}

/** Stops a pointer or key event from reaching the canvas while a card is being edited. */
export function stopEvent(e: { stopPropagation(): void }) {
  e.stopPropagation()
}
