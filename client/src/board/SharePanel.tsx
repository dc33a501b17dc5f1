import { shareableTokens } from '@wijktafel/shared'
import type { BoardTokens } from '@wijktafel/shared'
import { KeyRound, Link2, Pencil, Projector, RefreshCw } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { boardLink } from '../app/api'
import { useT } from '../app/useT'
import { useSession } from '../state/session'
import { useBoard } from './BoardContext'
import { RememberPrompt } from './forget/RememberPrompt'
import { LinkCard } from './LinkCard'
import { reopenWithOwnLink, rotateLinks, takeShowOwnLink } from './rotateLinks'
import './share.css'

type Confirm = 'links' | 'own' | null

/**
 * The "Delen" button and dialog. A facilitator and an editor see the link to take part
 * and the link to watch, each with a copy button and a QR code; a viewer sees nothing,
 * since links are derived one-way from the token (viewers cannot derive any). The
 * facilitator can replace the links (the old ones stop working at once), and its own too.
 */
export function SharePanel() {
  const t = useT()
  const { info, token } = useBoard()
  const dialog = useRef<HTMLDialogElement>(null)
  const confirmation = useRef<HTMLElement>(null)
  const facilitator = info.role === 'facilitator'
  // The links made in this tab since it opened; before that, the ones of the board's epoch.
  const [rotated, setRotated] = useState<Partial<BoardTokens> | null>(null)
  const [confirm, setConfirm] = useState<Confirm>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<'done' | 'failed' | null>(null)
  const [ownLink, setOwnLink] = useState(() => facilitator && showOwnLinkOnce(info.id))

  useEffect(() => {
    if (ownLink) dialog.current?.showModal()
  }, [ownLink])

  useEffect(() => {
    // On a phone the question opens below the links: bring it into view and read it first.
    confirmation.current?.scrollIntoView({ block: 'nearest' })
    confirmation.current?.focus()
  }, [confirm])

  if (info.role === 'viewer') return null
  const tokens = rotated ?? shareableTokens(info.role, token, info.linkEpoch ?? 0)

  async function rotate(own: boolean) {
    setBusy(true)
    setResult(null)
    try {
      const answer = await rotateLinks(info.id, token, own)
      const mine = answer.tokens.facilitator
      if (mine) {
        // Remembered (or not) on this device as the old link was; this tab reopens with it.
        useSession
          .getState()
          .rememberBoard({ id: info.id, title: info.title, role: 'facilitator', token: mine })
        reopenWithOwnLink(info.id, boardLink(info.id, mine))
        return
      }
      setRotated(answer.tokens)
      setResult('done')
    } catch {
      setResult('failed')
    } finally {
      setBusy(false)
      setConfirm(null)
    }
  }

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
      <dialog
        ref={dialog}
        className="wt-dialog"
        aria-labelledby="share-title"
        data-testid="share-dialog"
        // The new own link is shown once: closed, the dialog is the usual one again.
        onClose={() => setOwnLink(false)}
      >
        <h2 id="share-title">{t('share.title')}</h2>
        {ownLink && (
          <div className="wt-share-own" data-testid="own-link">
            <p className="wt-share-own__save" role="alert">
              <KeyRound aria-hidden="true" size={24} />
              {t('share.ownLinkSave')}
            </p>
            <LinkCard
              testId="facilitator-link"
              icon={KeyRound}
              label={t('share.ownLink')}
              hint={t('role.facilitator')}
              url={boardLink(info.id, token)}
            />
          </div>
        )}
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
        {result && (
          <p
            className={result === 'done' ? 'wt-share-rotate__done' : 'wt-error'}
            role={result === 'done' ? 'status' : 'alert'}
          >
            {t(result === 'done' ? 'share.rotate.done' : 'share.rotate.failed')}
          </p>
        )}
        {facilitator && confirm && (
          <section
            ref={confirmation}
            tabIndex={-1}
            className="wt-share-rotate__confirm"
            aria-labelledby="share-rotate-title"
          >
            <h3 id="share-rotate-title">
              {t(confirm === 'own' ? 'share.rotateOwn.title' : 'share.rotate.title')}
            </h3>
            <p>{t(confirm === 'own' ? 'share.rotateOwn.explain' : 'share.rotate.explain')}</p>
            <div className="wt-share-rotate__actions">
              <button
                type="button"
                className="wt-button wt-button--danger"
                disabled={busy}
                onClick={() => void rotate(confirm === 'own')}
              >
                <RefreshCw aria-hidden="true" size={20} />
                {t(confirm === 'own' ? 'share.rotateOwn.confirm' : 'share.rotate.confirm')}
              </button>
              <button type="button" className="wt-button" onClick={() => setConfirm(null)}>
                {t('record.cancel')}
              </button>
            </div>
          </section>
        )}
        {facilitator && !confirm && (
          <div className="wt-share-rotate">
            <button type="button" className="wt-button" onClick={() => setConfirm('links')}>
              <RefreshCw aria-hidden="true" size={20} />
              {t('share.rotate.button')}
            </button>
            <button
              type="button"
              className="wt-button wt-button--quiet"
              onClick={() => setConfirm('own')}
            >
              <KeyRound aria-hidden="true" size={20} />
              {t('share.rotateOwn.button')}
            </button>
          </div>
        )}
        <form method="dialog">
          <button type="submit" className="wt-button">
            {t(ownLink ? 'share.ownLinkDone' : 'share.close')}
          </button>
        </form>
      </dialog>
      {facilitator && !ownLink && <RememberPrompt />}
    </div>
  )
}

/** Read once per page load: React may run a state initialiser twice in development. */
const ownLinkShown = new Map<string, boolean>()
function showOwnLinkOnce(boardId: string): boolean {
  if (!ownLinkShown.has(boardId)) ownLinkShown.set(boardId, takeShowOwnLink(boardId))
  return ownLinkShown.get(boardId)!
}
