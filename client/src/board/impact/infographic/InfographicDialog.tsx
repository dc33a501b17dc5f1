import { LOCALE_INFO } from '@wijktafel/shared'
import { Download, Languages, Monitor, ScrollText } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useT } from '../../../app/useT'
import { saveBlob } from '../../record/download'
import { errorText } from '../../record/errorText'
import { exportFileName, isoDate } from '../../record/fileNames'
import { RecordDialog } from '../../record/RecordDialog'
import { useImpactSummary } from '../useImpactSummary'
import { INFOGRAPHIC_FORMATS, type InfographicFormat, type InfographicLocale } from './layout'
import { infographicSvg, renderInfographic } from './render'
import './infographic.css'

/**
 * "Infographic maken": one picture of the board's impact for the newsletter and the council,
 * A4 portrait for print or 16:9 for a screen, in Dutch or English whatever language the app
 * is in, with a preview of exactly what will be saved. Opened from the impact view and from
 * the Bewaren menu.
 */
export function InfographicDialog(props: { open: boolean; onClose: () => void }) {
  const t = useT()
  return (
    <RecordDialog
      open={props.open}
      onClose={props.onClose}
      title={t('impact.infographic')}
      id="infographic-dialog"
      className="wt-infographic-dialog"
    >
      <InfographicForm onDone={props.onClose} />
    </RecordDialog>
  )
}

// The choices stay as last made while the tab is open.
let lastFormat: InfographicFormat = 'a4'
let lastLocale: InfographicLocale = 'nl'

function InfographicForm({ onDone }: { onDone: () => void }) {
  const t = useT()
  const summary = useImpactSummary()
  const [format, setFormat] = useState<InfographicFormat>(lastFormat)
  const [locale, setLocale] = useState<InfographicLocale>(lastLocale)
  const [preview, setPreview] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const date = isoDate(new Date())
  lastFormat = format
  lastLocale = locale

  useEffect(() => {
    let cancelled = false
    let url: string | null = null
    infographicSvg(summary, { format, locale, date })
      .then((g) => {
        if (cancelled) return
        url = URL.createObjectURL(new Blob([g.svg], { type: 'image/svg+xml' }))
        setPreview(url)
      })
      .catch((err: unknown) => !cancelled && setError(errorText(t, err)))
    return () => {
      cancelled = true
      if (url) URL.revokeObjectURL(url)
    }
  }, [summary, format, locale, date])

  async function save() {
    setBusy(true)
    setError(null)
    try {
      const { blob } = await renderInfographic(summary, { format, locale, date })
      const part = `infographic ${format === 'a4' ? 'a4' : '16x9'} ${locale}`
      saveBlob(blob, exportFileName({ board: summary.title, part }, new Date(), 'png'))
      onDone()
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
    }
  }

  const size = INFOGRAPHIC_FORMATS[format]
  return (
    <form
      className="wt-record__form wt-infographic-form"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <fieldset className="wt-choices wt-choices--row">
        <legend>{t('infographic.format')}</legend>
        <Choice name="format" value="a4" checked={format === 'a4'} onPick={setFormat}>
          <ScrollText aria-hidden="true" size={22} />
          {t('infographic.a4')}
        </Choice>
        <Choice name="format" value="wide" checked={format === 'wide'} onPick={setFormat}>
          <Monitor aria-hidden="true" size={22} />
          {t('infographic.wide')}
        </Choice>
      </fieldset>
      <fieldset className="wt-choices wt-choices--row">
        <legend>
          <Languages aria-hidden="true" size={18} /> {t('infographic.language')}
        </legend>
        {(['nl', 'en'] as const).map((l) => (
          <Choice key={l} name="language" value={l} checked={locale === l} onPick={setLocale}>
            <span lang={l}>{LOCALE_INFO[l].name}</span>
          </Choice>
        ))}
      </fieldset>
      <figure className="wt-infographic-preview" data-format={format}>
        {preview ? (
          <img
            src={preview}
            alt={t('infographic.preview')}
            width={size.width}
            height={size.height}
            data-testid="infographic-preview"
          />
        ) : (
          <span>{t('infographic.busy')}</span>
        )}
      </figure>
      {error && (
        <p className="wt-error" role="alert">
          {error}
        </p>
      )}
      <div className="wt-record__actions">
        <button
          type="submit"
          className="wt-button wt-button--primary"
          disabled={busy}
          data-testid="infographic-download"
        >
          <Download aria-hidden="true" size={20} />
          {busy ? t('infographic.busy') : t('infographic.download')}
        </button>
      </div>
    </form>
  )
}

function Choice<V extends string>(props: {
  name: string
  value: V
  checked: boolean
  onPick: (value: V) => void
  children: React.ReactNode
}) {
  return (
    <label className="wt-choice">
      <input
        type="radio"
        name={props.name}
        value={props.value}
        checked={props.checked}
        onChange={() => props.onPick(props.value)}
      />
      <span className="wt-choice__body">{props.children}</span>
    </label>
  )
}
