import {
  MAX_TITLE_LENGTH,
  parseCreateBoardRequest,
  type BoardTemplate,
} from '@wijktafel/shared/light'
import { useEffect, useState, type FormEvent } from 'react'
import { ForgetRecentButton } from '../board/forget/ForgetRecentButton'
import { finishPendingForget } from '../board/forget/forgetBoard'
import { ImportBoard } from '../board/record/ImportBoard'
import { useSession } from '../state/session'
import { boardLink, createBoard } from './api'
import { tooManyBoardsText } from './tooManyBoards'
import { LanguageSwitch } from './LanguageSwitch'
import { prefetchBoardOnIntent } from './lazyBoard'
import { TemplatePicker } from './TemplatePicker'
import { useT } from './useT'
import { openNewBoard } from './openNewBoard'
import './startPage.css'

export function StartPage() {
  const t = useT()
  const recent = useSession((s) => s.recent)
  const locale = useSession((s) => s.locale)
  const [template, setTemplate] = useState<BoardTemplate>('both')
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // Off unless asked: on a shared laptop the next person must not find the link [2].
  const [remember, setRemember] = useState(false)
  const [forgetFailed, setForgetFailed] = useState(false)

  useEffect(() => {
    // The board page asked to forget a board: its offline copy is closed now.
    void finishPendingForget().then((done) => setForgetFailed(done === false))
  }, [])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const parsed = parseCreateBoardRequest({ title, template, locale })
    if (!parsed.ok) {
      // The parser's sentences are for developers, in English; a person reads ours [1].
      setError(t(title.trim() ? 'start.failed' : 'start.titleMissing'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const board = await createBoard(parsed.value)
      openNewBoard(board, remember)
    } catch (err) {
      setError(
        tooManyBoardsText(err, t) ??
          t(err instanceof TypeError ? 'record.error.offline' : 'start.failed'),
      )
      setBusy(false)
    }
  }

  return (
    <main className="wt-start" {...prefetchBoardOnIntent}>
      <header className="wt-start__header">
        <h1>
          <img src="/favicon.svg" alt="" width={48} height={48} /> {t('app.name')}
        </h1>
        <LanguageSwitch />
      </header>
      <p className="wt-start__tagline">{t('app.tagline')}</p>
      <form className="wt-card" onSubmit={onSubmit} noValidate>
        <h2>{t('start.title')}</h2>
        <label htmlFor="board-title">{t('start.titleLabel')}</label>
        <input
          id="board-title"
          name="title"
          value={title}
          maxLength={MAX_TITLE_LENGTH}
          placeholder={t('start.titlePlaceholder')}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'board-title-error' : undefined}
          autoFocus
        />
        {error && (
          <p id="board-title-error" className="wt-error" role="alert">
            {error}
          </p>
        )}
        <TemplatePicker value={template} onChange={setTemplate} />
        <div className="wt-remember">
          <label className="wt-remember__label">
            <input
              type="checkbox"
              checked={remember}
              onChange={(e) => setRemember(e.target.checked)}
              aria-describedby="remember-hint"
            />
            {t('remember.label')}
          </label>
          <p id="remember-hint" className="wt-remember__hint">
            {t('remember.hint')}
          </p>
        </div>
        <button type="submit" className="wt-button wt-button--primary" disabled={busy}>
          {busy ? t('start.creating') : t('start.create')}
        </button>
      </form>
      <ImportBoard />
      {forgetFailed && (
        <p className="wt-error" role="alert">
          {t('forget.failed')}
        </p>
      )}
      {recent.length > 0 && (
        <section className="wt-card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('start.recent')}</h2>
          <ul className="wt-recent">
            {recent.map((b) => (
              <li key={`${b.id}-${b.role}`}>
                <a href={boardLink(b.id, b.token)}>{b.title}</a>{' '}
                <span className="wt-role">{t(`role.${b.role}`)}</span>
                <ForgetRecentButton board={b} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  )
}

// [1] Only an empty name can reach the parser's refusal: the input's maxLength and the fixed
// template and language choices keep out the rest. A failed request (fetch's TypeError when
// there is no network) gets the same words as the other places that talk to the server.
// [2] "Onthoud mij op dit apparaat" (remember.label): unticked, the facilitator link lives in
// this tab only (state/session.ts [1]); an imported board asks on its page (RememberPrompt).
