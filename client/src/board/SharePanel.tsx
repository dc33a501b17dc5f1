import { shareableTokens } from '@wijktafel/shared'
import { Link2, Pencil, Projector } from 'lucide-react'
import { useRef } from 'react'
import { boardLink } from '../app/api'
import { useT } from '../app/useT'
import { useBoard } from './BoardContext'
import { LinkCard } from './LinkCard'
import './share.css'

/**
 * The "Delen" button and dialog. A facilitator and an editor see the link to take part
 * and the link to watch, each with a copy button and a QR code; a viewer sees nothing,
 * since links are derived one-way from the token (viewers cannot derive any).
 */
export function SharePanel() {
  const t = useT()
  const { info, token } = useBoard()
  const dialog = useRef<HTMLDialogElement>(null)
  if (info.role === 'viewer') return null
  const tokens = shareableTokens(info.role, token)

  return (
    <div className="wt-sharepanel">
      <button
        type="button"
        className="wt-button wt-button--primary"
        onClick={() => dialog.current?.showModal()}
      >
        <Link2 aria-hidden="true" size={20} />
        {t('share.button')}
      </button>
      <dialog ref={dialog} className="wt-dialog" aria-labelledby="share-title">
        <h2 id="share-title">{t('share.title')}</h2>
        <div className="wt-share-links">
          {tokens.editor && (
            <LinkCard
              testId="editor-link"
              icon={Pencil}
              label={t('share.editorLink')}
              hint={t('share.editorHint')}
              url={boardLink(info.id, tokens.editor)}
            />
          )}
          {tokens.viewer && (
            <LinkCard
              testId="viewer-link"
              icon={Projector}
              label={t('share.viewerLink')}
              hint={t('share.viewerHint')}
              url={boardLink(info.id, tokens.viewer)}
            />
          )}
        </div>
        <form method="dialog">
          <button type="submit" className="wt-button">
            {t('share.close')}
          </button>
        </form>
      </dialog>
    </div>
  )
}
