import { FileJson, History, ImageDown, Save, Sheet, Trash2 } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { useBoard } from '../BoardContext'
import { download } from './api'
import { DeleteBoardDialog } from './DeleteBoardDialog'
import { saveBlob } from './download'
import { ImageDialog } from './ImageDialog'
import { errorText } from './errorText'
import { RecordDialog } from './RecordDialog'
import './record.css'
import { VersionsPanel } from './VersionsPanel'

type Open = 'menu' | 'image' | 'versions' | 'delete' | null

/**
 * "Bewaren": our menu for keeping what the table agreed. Everyone saves pictures of the
 * map (also with Ctrl/Cmd+Shift+S); editors and the facilitator also see the versions,
 * the board as JSON and the action list as CSV; only the facilitator deletes the board [1].
 */
export function BoardMenu() {
  const t = useT()
  const editor = useEditor()
  const { info, token } = useBoard()
  const [open, setOpen] = useState<Open>(null)
  const [error, setError] = useState<string | null>(null)
  const participant = info.role !== 'viewer'

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.code === 'KeyS') {
        e.preventDefault()
        setOpen('image')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  async function fetchFile(file: 'export.json' | 'actions.csv') {
    setError(null)
    try {
      const { blob, name } = await download(info.id, token, file)
      saveBlob(blob, name)
      setOpen(null)
    } catch (err) {
      setError(errorText(t, err))
    }
  }

  const item = (
    icon: React.ReactNode,
    label: string,
    onClick: () => void,
    extra?: { danger?: boolean; kbd?: string },
  ) => (
    <li>
      <button
        type="button"
        className={`wt-menuitem${extra?.danger ? ' wt-menuitem--danger' : ''}`}
        onClick={onClick}
      >
        {icon}
        <span>{label}</span>
        {extra?.kbd && <kbd>{extra.kbd}</kbd>}
      </button>
    </li>
  )
  const mac = /Mac|iPhone|iPad/.test(navigator.platform)

  return (
    <>
      <button
        type="button"
        className="wt-button wt-button--small wt-record-button"
        onClick={() => setOpen('menu')}
        aria-haspopup="dialog"
        title={t('record.menu.button')}
      >
        <Save aria-hidden="true" size={18} />
        <span className="wt-record-button__label">{t('record.menu.button')}</span>
      </button>
      <RecordDialog
        open={open === 'menu'}
        onClose={() => setOpen(null)}
        title={t('record.menu.title')}
        id="board-menu"
        className="wt-boardmenu"
      >
        <ul className="wt-menu">
          {item(
            <ImageDown aria-hidden="true" size={24} />,
            t('record.menu.image'),
            () => setOpen('image'),
            { kbd: mac ? '⌘⇧S' : 'Ctrl+Shift+S' },
          )}
          {participant &&
            item(<History aria-hidden="true" size={24} />, t('record.menu.versions'), () =>
              setOpen('versions'),
            )}
          {participant &&
            item(
              <FileJson aria-hidden="true" size={24} />,
              t('record.menu.json'),
              () => void fetchFile('export.json'),
            )}
          {participant &&
            item(
              <Sheet aria-hidden="true" size={24} />,
              t('record.menu.csv'),
              () => void fetchFile('actions.csv'),
            )}
          {info.role === 'facilitator' &&
            item(
              <Trash2 aria-hidden="true" size={24} />,
              t('record.menu.delete'),
              () => setOpen('delete'),
              { danger: true },
            )}
        </ul>
        {error && (
          <p className="wt-error" role="alert">
            {error}
          </p>
        )}
      </RecordDialog>
      <ImageDialog
        editor={editor}
        boardTitle={info.title}
        open={open === 'image'}
        onClose={() => setOpen(null)}
      />
      {participant && <VersionsPanel open={open === 'versions'} onClose={() => setOpen(null)} />}
      {info.role === 'facilitator' && (
        <DeleteBoardDialog open={open === 'delete'} onClose={() => setOpen(null)} />
      )}
    </>
  )
}

// [1] What each role may do is the server's decision (it answers 403 otherwise); the menu
//     shows a person only what will work for them. A viewer (the projector) saves pictures
//     of what it shows, nothing more.
