import {
  ChartColumnIncreasing,
  FileJson,
  History,
  ImageDown,
  MonitorX,
  Save,
  Sheet,
  Trash2,
} from 'lucide-react'
import { useEffect, useState } from 'react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { useBoard } from '../BoardContext'
import { ForgetBoardDialog } from '../forget/ForgetBoardDialog'
import { InfographicDialog } from '../impact/infographic/InfographicDialog'
import { download } from './api'
import { DeleteBoardDialog } from './DeleteBoardDialog'
import { saveBlob } from './download'
import { ImageDialog } from './ImageDialog'
import { errorText } from './errorText'
import { RecordDialog } from './RecordDialog'
import './record.css'
import { VersionsPanel } from './VersionsPanel'

type Open = 'menu' | 'image' | 'infographic' | 'versions' | 'delete' | 'forget' | null

/**
 * "Bewaren": our menu for keeping what the table agreed. Everyone with a link saves pictures
 * of the map (also with Ctrl/Cmd+Shift+S), sees the versions and downloads the board as
 * JSON and the action list as CSV; only the facilitator saves, restores and deletes [1].
 */
export function BoardMenu() {
  const t = useT()
  const editor = useEditor()
  const { info, token } = useBoard()
  const [open, setOpen] = useState<Open>(null)
  const [error, setError] = useState<string | null>(null)
  const locale = useSession((s) => s.locale)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.code === 'KeyS') {
        e.preventDefault()
        setOpen('image')
      }
    }
    // Capture: the shortcut works wherever the focus is, a closed dialog's button included.
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [])

  async function fetchFile(file: 'export.json' | 'actions.csv') {
    setError(null)
    try {
      const { blob, name } = await download(info.id, token, file, locale)
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
          {item(
            <ChartColumnIncreasing aria-hidden="true" size={24} />,
            t('record.menu.infographic'),
            () => setOpen('infographic'),
          )}
          {item(<History aria-hidden="true" size={24} />, t('record.menu.versions'), () =>
            setOpen('versions'),
          )}
          {item(
            <FileJson aria-hidden="true" size={24} />,
            t('record.menu.json'),
            () => void fetchFile('export.json'),
          )}
          {item(
            <Sheet aria-hidden="true" size={24} />,
            t('record.menu.csv'),
            () => void fetchFile('actions.csv'),
          )}
          {item(<MonitorX aria-hidden="true" size={24} />, t('forget.button'), () =>
            setOpen('forget'),
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
      <InfographicDialog open={open === 'infographic'} onClose={() => setOpen(null)} />
      <VersionsPanel open={open === 'versions'} onClose={() => setOpen(null)} />
      <ForgetBoardDialog open={open === 'forget'} onClose={() => setOpen(null)} />
      {info.role === 'facilitator' && (
        <DeleteBoardDialog open={open === 'delete'} onClose={() => setOpen(null)} />
      )}
    </>
  )
}

// [1] What each role may do is the server's decision (it answers 403 otherwise); the menu
//     shows a person only what will work for them. Viewers read too: their browser already
//     holds every record of the board, and a council member with the viewing link may
//     keep the pictures, a version or the action list (server/src/http/boardFileApi.ts [1]).
