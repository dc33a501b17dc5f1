import type { VersionDetailResponse as VersionContent, VersionInfo } from '@wijktafel/shared'
import { Save } from 'lucide-react'
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { useBoard } from '../BoardContext'
import { deleteVersion, getVersion, listVersions, restoreVersion, saveVersion } from './api'
import { errorText } from './errorText'
import { RecordDialog } from './RecordDialog'
import { makeThumbnail } from './thumbnail'
import { VersionPreview } from './VersionPreview'
import { VersionRow } from './VersionRow'

/**
 * "Versies": the board's saved versions, newest first. Everyone with a link sees them and
 * can open one read-only (and save its pictures there); the facilitator also saves a new
 * one, restores one and deletes one.
 */
export function VersionsPanel(props: { open: boolean; onClose: () => void }) {
  const t = useT()
  const editor = useEditor()
  const { info, token } = useBoard()
  const locale = useSession((s) => s.locale)
  const userName = useSession((s) => s.user.name)
  const facilitator = info.role === 'facilitator'
  const [versions, setVersions] = useState<VersionInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [name, setName] = useState('')
  const [confirm, setConfirm] = useState<{ id: string; action: 'restore' | 'delete' } | null>(null)
  const [preview, setPreview] = useState<VersionContent | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    try {
      setVersions(await listVersions(info.id, token))
    } catch (err) {
      setError(errorText(t, err))
    }
  }, [info.id, token])

  useEffect(() => {
    if (!props.open) return
    setName(
      `${t('record.versions.defaultName')} ${new Date().toLocaleDateString(locale, { day: 'numeric', month: 'long' })}`,
    )
    setError(null)
    setNotice(null)
    setConfirm(null)
    void refresh()
    // t and locale only shape the default name when the panel opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open, refresh])

  async function run(work: () => Promise<string | null>) {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      setNotice(await work())
      await refresh()
    } catch (err) {
      setError(errorText(t, err))
    } finally {
      setBusy(false)
      setConfirm(null)
    }
  }

  function onSave(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim().slice(0, 80)
    if (!trimmed) return
    void run(async () => {
      const thumbnail = (await makeThumbnail(editor)) ?? undefined
      await saveVersion(info.id, token, {
        name: trimmed,
        createdBy: userName || undefined,
        thumbnail,
      })
      return t('record.versions.saved')
    })
  }

  return (
    <>
      <RecordDialog
        open={props.open && !preview}
        onClose={props.onClose}
        title={t('record.versions.title')}
        id="versions-panel"
        className="wt-versions"
      >
        {facilitator && (
          <form className="wt-versions__save" onSubmit={onSave}>
            <label htmlFor="version-name">{t('record.versions.nameLabel')}</label>
            <div className="wt-versions__saverow">
              <input
                id="version-name"
                value={name}
                maxLength={80}
                onChange={(e) => setName(e.target.value)}
                required
              />
              <button
                type="submit"
                className="wt-button wt-button--primary"
                disabled={busy || !name.trim()}
              >
                <Save aria-hidden="true" size={20} />
                {t('record.versions.save')}
              </button>
            </div>
          </form>
        )}
        <div role="status" className="wt-record__status">
          {notice && <p className="wt-record__notice">{notice}</p>}
        </div>
        {error && (
          <p className="wt-error" role="alert">
            {error}
          </p>
        )}
        {versions === null && !error && <p>{t('record.busy')}</p>}
        {versions?.length === 0 && <p className="wt-record__hint">{t('record.versions.none')}</p>}
        <ul className="wt-versions__list">
          {versions?.map((v) => (
            <VersionRow
              key={v.id}
              version={v}
              facilitator={facilitator}
              busy={busy}
              asking={confirm?.id === v.id ? confirm.action : null}
              onAsk={(action) => setConfirm(action ? { id: v.id, action } : null)}
              onView={() =>
                void run(async () => {
                  const content = await getVersion(info.id, token, v.id)
                  // Keys pressed in the preview must not reach the live board's shortcuts.
                  editor.blur()
                  setPreview(content)
                  return null
                })
              }
              onConfirmed={(action) =>
                void run(async () => {
                  if (action === 'restore') {
                    await restoreVersion(info.id, token, v.id)
                    return t('record.versions.restored')
                  }
                  await deleteVersion(info.id, token, v.id)
                  return t('record.versions.deleted')
                })
              }
            />
          ))}
        </ul>
      </RecordDialog>
      {preview && (
        <VersionPreview
          content={preview}
          boardTitle={info.title}
          onClose={() => setPreview(null)}
        />
      )}
    </>
  )
}
