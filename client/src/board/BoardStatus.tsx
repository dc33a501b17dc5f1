import { Eye } from 'lucide-react'
import { useT } from '../app/useT'
import './boardStatus.css'
import { useBoard } from './BoardContext'
import { ConnectionBadge } from './ConnectionBadge'
import { CoverFollowBar } from './meeting/CoverFollowBar'
import { SyncNotices } from './SyncNotices'
import { SyncStoppedDialog } from './SyncStoppedDialog'
import { coversBoard, type View } from './view'

/** Your role on this board: Gespreksleider, Deelnemer or "Alleen kijken" with an eye. */
export function RoleChip() {
  const t = useT()
  const { info } = useBoard()
  return (
    <span className={`wt-role wt-role--${info.role}`} data-testid="role">
      {info.role === 'viewer' && <Eye aria-hidden="true" size={16} />}
      {info.role === 'viewer' ? t('status.readOnly') : t(`role.${info.role}`)}
    </span>
  )
}

/**
 * The notices about the connection and the dialog when this tab can no longer save, shown
 * once, by whatever is in front: the top panel over the canvas, or a view that covers the
 * board (the outline, the impact overview) [1].
 */
export function ConnectionMessages({ view, by }: { view: View; by: 'panel' | 'cover' }) {
  if (coversBoard(view) !== (by === 'cover')) return null
  return (
    <>
      <SyncNotices />
      <SyncStoppedDialog />
    </>
  )
}

/**
 * Who and where, on a view that covers the board: its title, your role and the connection
 * state, so "Verbonden" is in sight in every view (the badge never lies, and never hides).
 */
export function CoverStatus({ view, title = true }: { view: View; title?: boolean }) {
  const { info } = useBoard()
  return (
    <div className="wt-cover-status" data-testid="cover-status">
      {title && (
        <p className="wt-cover-status__title" dir="auto" title={info.title}>
          {info.title}
        </p>
      )}
      <RoleChip />
      <ConnectionBadge />
      <ConnectionMessages view={view} by="cover" />
      <CoverFollowBar />
    </div>
  )
}

// [1] A view that covers the board makes the board `inert` (the outline) or hides it: a
//     notice or the stopped dialog left in the covered top panel could be neither seen nor
//     answered, and a person would keep typing into a tab that no longer saves.
