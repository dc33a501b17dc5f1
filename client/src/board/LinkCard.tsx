import { Check, Copy, type LucideIcon } from 'lucide-react'
import QRCode from 'qrcode'
import { useEffect, useId, useState } from 'react'
import { useT } from '../app/useT'

/** One shareable link: label, the link itself, a copy button and a scannable QR code. */
export function LinkCard(props: {
  testId: string
  icon: LucideIcon
  label: string
  hint: string
  url: string
}) {
  const t = useT()
  const id = useId()
  const [qr, setQr] = useState<string | null>(null)
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    let cancelled = false
    QRCode.toString(props.url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) => !cancelled && setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      (err: unknown) => console.warn('QR code could not be made', err),
    )
    return () => {
      cancelled = true
    }
  }, [props.url])

  async function copy() {
    await copyText(props.url, document.getElementById(id) as HTMLInputElement | null)
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }

  return (
    <section className="wt-linkcard" data-testid={props.testId}>
      <h3>
        <props.icon aria-hidden="true" size={24} />
        {props.label}
      </h3>
      <p>{props.hint}</p>
      {qr && <img className="wt-qr" src={qr} width={160} height={160} alt={`QR: ${props.label}`} />}
      <div className="wt-linkcard__row">
        <input
          id={id}
          readOnly
          value={props.url}
          aria-label={props.label}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="wt-button" onClick={copy}>
          {copied ? <Check aria-hidden="true" size={18} /> : <Copy aria-hidden="true" size={18} />}
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
    </section>
  )
}

// navigator.clipboard exists only in secure contexts; a meeting laptop reached over plain
// http on the local network is not one, so fall back to selecting the text and copying.
async function copyText(text: string, input: HTMLInputElement | null): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text)
      return
    } catch {
      // fall through to the selection fallback
    }
  }
  input?.select()
  document.execCommand('copy')
}
