import { FileUp } from 'lucide-react'
import { useState, type ChangeEvent } from 'react'
import { ApiRequestError } from '../../app/api'
import { tooManyBoardsText } from '../../app/tooManyBoards'
import { useT } from '../../app/useT'
import { importBoard } from './api'
import './record.css'
import { openNewBoard } from '../../app/openNewBoard'

/**
 * "Bord uit bestand" on the start page: a file saved with "Download bord (JSON)" becomes a
 * new board, opened as its facilitator, with its links remembered as a new board's are.
 * A file the server refuses creates nothing; the person reads why in plain words, and the
 * server's own sentence under it for whoever helps them.
 */
export function ImportBoard() {
  const t = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ text: string; detail?: string } | null>(null)

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0]
    event.target.value = '' // the same file may be chosen again after a fix
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const board = await importBoard(file)
      openNewBoard(board)
    } catch (err) {
      setBusy(false)
      const tooMany = tooManyBoardsText(err, t)
      if (tooMany) {
        setError({ text: tooMany })
      } else if (err instanceof ApiRequestError) {
        const key =
          err.status === 413
            ? 'record.import.tooBig'
            : err.code === 'newer_format' || err.code === 'newer_schema'
              ? 'record.import.newer'
              : err.status === 400
                ? 'record.import.invalid'
                : 'record.import.failed'
        setError({ text: t(key), detail: err.message })
      } else {
        setError({ text: t('record.error.offline') })
      }
    }
  }

  return (
    <section className="wt-card" aria-labelledby="import-title">
      <h2 id="import-title">{t('record.import.title')}</h2>
      <p className="wt-record__hint">{t('record.import.hint')}</p>
      <label className={`wt-button wt-filebutton${busy ? ' wt-filebutton--busy' : ''}`}>
        <FileUp aria-hidden="true" size={22} />
        {busy ? t('record.import.busy') : t('record.import.choose')}
        <input
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => void onFile(e)}
          data-testid="import-file"
        />
      </label>
      {error && (
        <div className="wt-error wt-import-error" role="alert">
          <p>{error.text}</p>
          {error.detail && (
            <p className="wt-import-error__detail" lang="en">
              {error.detail}
            </p>
          )}
        </div>
      )}
    </section>
  )
}
