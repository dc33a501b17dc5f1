import { Eye, Presentation } from 'lucide-react'
import { LanguageSwitch } from '../app/LanguageSwitch'
import { useT } from '../app/useT'
import { useBoard } from './BoardContext'
import { ConnectionBadge } from './ConnectionBadge'
import { MeetingBar } from './meeting/MeetingBar'
import { openPresentation } from './present/actions'
import { BoardMenu } from './record/BoardMenu'
import { SyncNotices } from './SyncNotices'
import { SyncStoppedDialog } from './SyncStoppedDialog'

/**
 * The board's title, your role and the connection state, centred above the canvas; with
 * them the notices about the connection and the dialog when this tab can no longer save.
 */
export function BoardTopPanel() {
  const t = useT()
  const { info } = useBoard()
  return (
    <div className="wt-toppanel">
      <h1 className="wt-toppanel__title" title={info.title}>
        {info.title}
      </h1>
      <span className={`wt-role wt-role--${info.role}`}>
        {info.role === 'viewer' && <Eye aria-hidden="true" size={16} />}
        {info.role === 'viewer' ? t('status.readOnly') : t(`role.${info.role}`)}
      </span>
      <ConnectionBadge />
      <MeetingBar />
      <BoardMenu />
      <button
        type="button"
        className="wt-button wt-button--small wt-button--quiet wt-present-open"
        onClick={openPresentation}
        title={t('present.open.hint')}
      >
        <Presentation aria-hidden="true" size={20} />
        {t('present.open')}
      </button>
      <LanguageSwitch className="wt-button wt-button--small wt-button--quiet" />
      <SyncNotices />
      <SyncStoppedDialog />
    </div>
  )
}
