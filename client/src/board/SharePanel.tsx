import { shareableTokens } from '@wijktafel/shared'
import { KeyRound, Link2, Pencil, Projector, RefreshCw, WifiOff } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { boardLink } from '../app/api'
import { useT } from '../app/useT'
import { useSession } from '../state/session'
import { useBoard } from './BoardContext'
import { RememberPrompt } from './forget/RememberPrompt'
import { LinkCard } from './LinkCard'
import {
  readBoard,
  reopenWithOwnLink,
  rotateAndCheck,
  takeShowOwnLink,
  type RotateOutcome,
} from './rotateLinks'
import './share.css'

type Confirm = 'links' | 'own' | null
/**
 * The links the dialog may show: of a link epoch the server just told (`stale` when it could
 * not be asked and this is the last one known), or none while asking or after a rotation
 * nobody answered [1].
 */
type Links = { epoch: number; stale: boolean } | 'loading' | 'unknown'
type Result = 'done' | 'failed' | 'unknown' | null

/**
 * The "Delen" button and dialog. A facilitator and an editor see the link to take part
 * and the link to watch, each with a copy button and a QR code; a viewer sees nothing,
 * since links are derived one-way from the token (viewers cannot derive any). The
 * facilitator also finds their own link (folded, it is not for the projector), can replace
 * the links (the old ones stop working at once), and its own too.
 */
export function SharePanel() {
  const t = useT()
  const { info, token } = useBoard()
  const dialog = useRef<HTMLDialogElement>(null)
  const confirmation = useRef<HTMLElement>(null)
  const facilitator = info.role === 'facilitator'
  const [links, setLinks] = useState<Links>({ epoch: info.linkEpoch ?? 0, stale: false })
  const [confirm, setConfirm] = useState<Confirm>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result>(null)
  /** A new own link sent to a server that never answered: it may be the only one now. */
  const [maybeOwn, setMaybeOwn] = useState<string | null>(null)
  const [ownLink, setOwnLink] = useState(() => facilitator && showOwnLinkOnce(info.id))
  const remembered = useSession((s) =>
    s.recent.some((b) => b.id === info.id && b.role === 'facilitator' && !b.tabOnly),
  )

  useEffect(() => {
    if (ownLink) open()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the new own link
  }, [ownLink])

  useEffect(() => {
    // On a phone the question opens below the links: bring it into view and read it first.
    confirmation.current?.scrollIntoView({ block: 'nearest' })
    confirmation.current?.focus()
  }, [confirm])

  if (info.role === 'viewer') return null

  /** Opens the dialog; a facilitator's links are read again: another tab may have replaced them [2]. */
  function open() {
    dialog.current?.showModal()
    if (!facilitator) return
    setLinks('loading')
    void readBoard(info.id, token).then((board) => {
      setLinks((last) => {
        if (typeof board === 'object') return { epoch: board.linkEpoch ?? 0, stale: false }
        const known = typeof last === 'object' ? last.epoch : (info.linkEpoch ?? 0)
        return { epoch: known, stale: true }
      })
    })
  }

  function keepOwnToken(mine: string) {
    // Remembered (or not) on this device as the old link was: sessionStorage or the list.
    useSession
      .getState()
      .rememberBoard({ id: info.id, title: info.title, role: 'facilitator', token: mine })
  }

  async function rotate(own: boolean) {
    setBusy(true)
    setResult(null)
    const epoch = typeof links === 'object' ? links.epoch : (info.linkEpoch ?? 0)
    const outcome: RotateOutcome = await rotateAndCheck({
      boardId: info.id,
      token,
      linkEpoch: epoch,
      own,
      saveOwnToken: keepOwnToken,
    })
    if (outcome.kind === 'own') {
      reopenWithOwnLink(info.id, boardLink(info.id, outcome.token)) // this tab reopens with it
      return
    }
    if (outcome.kind === 'unknown') {
      setLinks('unknown')
      setMaybeOwn(outcome.token ?? null)
    } else setLinks({ epoch: outcome.linkEpoch, stale: false })
    setResult(outcome.kind === 'done' ? 'done' : outcome.kind === 'unknown' ? 'unknown' : 'failed')
    setBusy(false)
    setConfirm(null)
  }

  const tokens = typeof links === 'object' ? shareableTokens(info.role, token, links.epoch) : {}
  return (
    <div className="wt-sharepanel">
      <button type="button" className="wt-button wt-button--primary" onClick={open}>
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
          <OwnLink
            testId="own-link"
            warning={t('share.ownLinkSave')}
            label={t('share.ownLink')}
            hint={t('role.facilitator')}
            url={boardLink(info.id, token)}
          />
        )}
        {links === 'loading' && (
          <p className="wt-share-links__loading" role="status">
            {t('share.linksLoading')}
          </p>
        )}
        {typeof links === 'object' && links.stale && (
          <p className="wt-share-links__stale" role="status">
            <WifiOff aria-hidden="true" size={20} />
            {t('share.linksStale')}
          </p>
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
            {t(RESULT_TEXT[result])}
          </p>
        )}
        {maybeOwn && (
          <OwnLink
            testId="maybe-own-link"
            warning={t('share.ownLinkMaybe')}
            label={t('share.ownLinkCurrent')}
            hint={t('share.ownLinkHint')}
            url={boardLink(info.id, maybeOwn)}
          />
        )}
        {facilitator && !ownLink && (
          <div className="wt-share-mine" data-testid="own-link-current">
            {!remembered && (
              <p className="wt-share-own__save">
                <KeyRound aria-hidden="true" size={24} />
                {t('share.ownLinkNotRemembered')}
              </p>
            )}
            <details>
              <summary>
                <KeyRound aria-hidden="true" size={20} />
                {t('share.ownLinkCurrent')}
              </summary>
              <LinkCard
                testId="facilitator-link"
                icon={KeyRound}
                label={t('share.ownLinkCurrent')}
                hint={t('share.ownLinkHint')}
                url={boardLink(info.id, token)}
              />
            </details>
          </div>
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

/** A facilitator link with its warning above it: the new one, or one that may be new. */
function OwnLink(props: {
  testId: string
  warning: string
  label: string
  hint: string
  url: string
}) {
  return (
    <div className="wt-share-own" data-testid={props.testId}>
      <p className="wt-share-own__save" role="alert">
        <KeyRound aria-hidden="true" size={24} />
        {props.warning}
      </p>
      <LinkCard
        testId={`${props.testId}-card`}
        icon={KeyRound}
        label={props.label}
        hint={props.hint}
        url={props.url}
      />
    </div>
  )
}

const RESULT_TEXT = {
  done: 'share.rotate.done',
  failed: 'share.rotate.failed',
  unknown: 'share.rotate.unknown',
} as const

/** Read once per page load: React may run a state initialiser twice in development. */
const ownLinkShown = new Map<string, boolean>()
function showOwnLinkOnce(boardId: string): boolean {
  if (!ownLinkShown.has(boardId)) ownLinkShown.set(boardId, takeShowOwnLink(boardId))
  return ownLinkShown.get(boardId)!
}

// [1] A rotation whose answer was lost may or may not have happened (rotateLinks.ts [1]):
//     rotateAndCheck reads the board again; only when nobody answers at all are no links
//     shown, rather than ones that may no longer work.
// [2] The editor and viewer links follow from the facilitator token and the board's link
//     epoch, which another tab or device of the facilitator may have moved on since this
//     page loaded. An editor's own token already carries its epoch: nothing to read.
