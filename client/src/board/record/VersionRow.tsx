import type { VersionInfo } from '@wijktafel/shared'
import { Bot, Eye, History, Trash2, Undo2 } from 'lucide-react'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { VersionThumbnail } from './VersionThumbnail'

export type VersionAction = 'restore' | 'delete'

/**
 * One saved version in the list: its picture, name, time (in the reader's locale) and who
 * saved it; an automatic one has a pictogram and says why it was kept. The facilitator's
 * restore and delete first ask, in the row itself, what will happen.
 */
export function VersionRow(props: {
  version: VersionInfo
  facilitator: boolean
  busy: boolean
  asking: VersionAction | null
  onAsk: (action: VersionAction | null) => void
  onView: () => void
  onConfirmed: (action: VersionAction) => void
}) {
  const { version: v, facilitator, busy, asking } = props
  const t = useT()
  const locale = useSession((s) => s.locale)
  const when = new Date(v.createdAt).toLocaleString(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const auto = v.kind === 'auto'
  // An automatic version's stored name is English; the reader gets the reason in their words.
  const title = auto && v.reason ? t(`record.versions.reason.${v.reason}`) : v.name

  return (
    <li className={`wt-version${auto ? ' wt-version--auto' : ''}`} data-testid="version">
      <VersionThumbnail version={v} />
      <div className="wt-version__text">
        <strong className="wt-version__name">
          {auto && <Bot aria-label={t('record.versions.auto')} role="img" size={18} />}
          <span>{title}</span>
        </strong>
        <span>{when}</span>
        {v.createdBy && <span>{v.createdBy}</span>}
      </div>
      <div className="wt-version__actions">
        <button type="button" className="wt-button" disabled={busy} onClick={props.onView}>
          <Eye aria-hidden="true" size={20} />
          {t('record.versions.view')}
        </button>
        {facilitator && (
          <>
            <button
              type="button"
              className="wt-button"
              disabled={busy}
              onClick={() => props.onAsk('restore')}
            >
              <Undo2 aria-hidden="true" size={20} />
              {t('record.versions.restore')}
            </button>
            <button
              type="button"
              className="wt-button wt-button--danger"
              disabled={busy}
              aria-label={`${t('record.versions.delete')}: ${title}`}
              title={t('record.versions.delete')}
              onClick={() => props.onAsk('delete')}
            >
              <Trash2 aria-hidden="true" size={20} />
            </button>
          </>
        )}
      </div>
      {asking && (
        <div className="wt-confirm" role="group" aria-label={title}>
          <p>
            {asking === 'restore'
              ? t('record.versions.confirmRestore')
              : t('record.versions.confirmDelete')}
          </p>
          <div className="wt-record__actions">
            <button
              type="button"
              className={`wt-button ${asking === 'delete' ? 'wt-button--danger wt-button--solid' : 'wt-button--primary'}`}
              autoFocus
              disabled={busy}
              onClick={() => props.onConfirmed(asking)}
            >
              {asking === 'restore' ? (
                <History aria-hidden="true" size={20} />
              ) : (
                <Trash2 aria-hidden="true" size={20} />
              )}
              {asking === 'restore'
                ? t('record.versions.restoreYes')
                : t('record.versions.deleteYes')}
            </button>
            <button type="button" className="wt-button" onClick={() => props.onAsk(null)}>
              {t('record.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  )
}
