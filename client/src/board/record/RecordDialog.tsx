import { X } from 'lucide-react'
import { useEffect, useRef, type ReactNode } from 'react'
import { useT } from '../../app/useT'

/**
 * A modal <dialog> as the app's other dialogs (SharePanel, SyncStoppedDialog): the browser
 * keeps the focus inside, Escape closes it, and the title labels it for screen readers.
 * Open while `open` is true; every way of closing calls `onClose`.
 */
export function RecordDialog(props: {
  open: boolean
  onClose: () => void
  title: string
  id: string
  className?: string
  children: ReactNode
}) {
  const t = useT()
  const { open, onClose, title, id, className, children } = props
  const dialog = useRef<HTMLDialogElement>(null)
  // Closed by the person (Escape, the close button) or by us because `open` went false:
  // only the first is news for the parent, which may already have opened the next dialog.
  const wanted = useRef(open)
  wanted.current = open

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])

  return (
    <dialog
      ref={dialog}
      className={`wt-dialog wt-record ${className ?? ''}`}
      aria-labelledby={`${id}-title`}
      data-testid={id}
      onClose={(e) => {
        // The close event is queued: a dialog opened again since then is not closed [1].
        if (wanted.current && !e.currentTarget.open) onClose()
      }}
      // Keys typed here are ours, not tldraw's shortcuts (tldraw listens on the document).
      onKeyDown={(e) => {
        if (e.currentTarget.open) e.stopPropagation()
      }}
    >
      <div className="wt-record__head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button
          type="button"
          className="wt-record__close"
          aria-label={t('record.close')}
          onClick={onClose}
        >
          <X aria-hidden="true" size={24} />
        </button>
      </div>
      {open && children}
    </dialog>
  )
}

// [1] Closing a <dialog> fires its 'close' event in a later task. Opened again before that
//     task runs (Ctrl+Shift+S right after saving a picture, on a busy machine), the late
//     event would close the dialog just shown.
