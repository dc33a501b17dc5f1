import { Download, FileImage, Frame, LayoutGrid, MousePointer2 } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import type { Editor } from 'tldraw'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { saveBlob } from './download'
import { exportImage, type ImageFormat } from './exportImage'
import { exportFileName } from './fileNames'
import { errorText } from './errorText'
import { RecordDialog } from './RecordDialog'
import { exportSections } from './sections'

type What = 'page' | 'selection' | `section:${string}`

/**
 * "Bewaar als afbeelding": the current map, one of its sections, or the selection, as PNG
 * (1× or 2×) or SVG, named after board, map and date, with that line as a footer. `version`
 * is set when the picture is of a saved version: its name and date go into name and footer.
 */
export function ImageDialog(props: {
  editor: Editor
  boardTitle: string
  open: boolean
  onClose: () => void
  version?: { name: string; date: Date }
}) {
  const { editor, boardTitle, open, onClose, version } = props
  const t = useT()
  const locale = useSession((s) => s.locale)
  const hasSelection = open && editor.getSelectedShapeIds().length > 0
  const sections = useMemo(
    // The sections of the page shown now; found again each time the dialog opens.
    () => (open ? exportSections(editor, locale, t('record.image.section')) : []),
    [open, editor, locale],
  )
  const [what, setWhat] = useState<What>('page')
  const [format, setFormat] = useState<ImageFormat>('png1')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Each time it opens: the whole map (the page or its sections may have changed since);
  // the format stays as last chosen.
  useEffect(() => {
    if (open) setWhat('page')
  }, [open])
  const chosen: What = what === 'selection' && !hasSelection ? 'page' : what

  async function save() {
    setBusy(true)
    setError(null)
    try {
      const page = editor.getCurrentPage()
      const date = version?.date ?? new Date()
      const section = chosen.startsWith('section:')
        ? sections.find((s) => `section:${s.key}` === chosen)
        : undefined
      const part =
        chosen === 'selection' ? t('record.image.selection') : (section?.title ?? undefined)
      const ids =
        chosen === 'selection' ? editor.getSelectedShapeIds() : [...editor.getCurrentPageShapeIds()]
      const when = date.toLocaleDateString(locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      })
      const footer = [boardTitle, page.name, part, version?.name, when].filter(Boolean).join(' · ')
      const image = await exportImage(editor, ids, {
        format,
        footer,
        bounds: section?.bounds,
      })
      if (!image) throw new Error(t('record.image.empty'))
      const name = exportFileName(
        {
          board: boardTitle,
          map: page.name,
          part: [part, version?.name].filter(Boolean).join(' '),
        },
        date,
        format === 'svg' ? 'svg' : 'png',
      )
      saveBlob(image.blob, name)
      onClose()
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }

  const page = open ? editor.getCurrentPage().name : ''
  return (
    <RecordDialog open={open} onClose={onClose} title={t('record.image.title')} id="image-dialog">
      <form
        className="wt-record__form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <fieldset className="wt-choices">
          <legend>{t('record.image.what')}</legend>
          <Choice name="what" value="page" checked={chosen === 'page'} onPick={setWhat}>
            <LayoutGrid aria-hidden="true" size={22} />
            {t('record.image.page')} <b>{page}</b>
          </Choice>
          <Choice
            name="what"
            value="selection"
            checked={chosen === 'selection'}
            disabled={!hasSelection}
            onPick={setWhat}
          >
            <MousePointer2 aria-hidden="true" size={22} />
            {hasSelection ? t('record.image.selection') : t('record.image.noSelection')}
          </Choice>
          {sections.length > 0 && (
            <label className="wt-choice wt-choice--select">
              <Frame aria-hidden="true" size={22} />
              <span>{t('record.image.sectionOf')}</span>
              <select
                value={chosen.startsWith('section:') ? chosen : ''}
                onChange={(e) => setWhat((e.target.value || 'page') as What)}
              >
                <option value="">–</option>
                {sections.map((s) => (
                  <option key={s.key} value={`section:${s.key}`}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
        <fieldset className="wt-choices wt-choices--row">
          <legend>{t('record.image.format')}</legend>
          {(['png1', 'png2', 'svg'] as const).map((f) => (
            <Choice key={f} name="format" value={f} checked={format === f} onPick={setFormat}>
              <FileImage aria-hidden="true" size={22} />
              {t(`record.image.${f}`)}
            </Choice>
          ))}
        </fieldset>
        <p className="wt-record__hint">{t('record.image.hint')}</p>
        {error && (
          <p className="wt-error" role="alert">
            {error}
          </p>
        )}
        <div className="wt-record__actions">
          <button type="submit" className="wt-button wt-button--primary" disabled={busy}>
            <Download aria-hidden="true" size={20} />
            {busy ? t('record.busy') : t('record.image.save')}
          </button>
        </div>
      </form>
    </RecordDialog>
  )
}

function Choice<V extends string>(props: {
  name: string
  value: V
  checked: boolean
  disabled?: boolean
  onPick: (value: V) => void
  children: React.ReactNode
}) {
  return (
    <label className={`wt-choice${props.disabled ? ' wt-choice--disabled' : ''}`}>
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.checked}
        disabled={props.disabled}
        onChange={() => props.onPick(props.value)}
      />
      <span className="wt-choice__body">{props.children}</span>
    </label>
  )
}
