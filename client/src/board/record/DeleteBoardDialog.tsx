import { Trash2 } from 'lucide-react'
import { useState } from 'react'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { useBoard } from '../BoardContext'
import { deleteBoard } from './api'
import { errorText } from './errorText'
import { RecordDialog } from './RecordDialog'

/**
 * Deleting the board, for the facilitator: the dialog names the board and says that its
 * versions and photos go too. Afterwards this device forgets the board and shows the start
 * page; everyone else's connection is closed with "this board no longer exists" (4404).
 */
export function DeleteBoardDialog(props: { open: boolean; onClose: () => void }) {
  const t = useT()
  const { info, token } = useBoard()
  const forgetBoard = useSession((s) => s.forgetBoard)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function onDelete() {
    setBusy(true)
    setError(null)
    try {
      await deleteBoard(info.id, token)
      forgetBoard(info.id)
      location.assign('/')
    } catch (err) {
      setError(errorText(t, err))
      setBusy(false)
    }
  }

  return (
    <RecordDialog
      open={props.open}
      onClose={props.onClose}
      title={t('record.delete.title')}
      id="delete-board"
    >
      <p>
        {t('record.delete.question')} <strong>{info.title}</strong>
      </p>
      <p>{t('record.delete.warning')}</p>
      {error && (
        <p className="wt-error" role="alert">
          {error}
        </p>
      )}
      <div className="wt-record__actions">
        <button
          type="button"
          className="wt-button wt-button--danger"
          disabled={busy}
          onClick={() => void onDelete()}
        >
          <Trash2 aria-hidden="true" size={20} />
          {busy ? t('record.busy') : t('record.delete.yes')}
        </button>
        <button type="button" className="wt-button" autoFocus onClick={props.onClose}>
          {t('record.cancel')}
        </button>
      </div>
    </RecordDialog>
  )
}
