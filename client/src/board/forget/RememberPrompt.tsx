import { KeyRound } from 'lucide-react'
import { useState } from 'react'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { useBoard } from '../BoardContext'
import { markRememberAsked, rememberAsked } from './rememberChoice'
import './forget.css'

/**
 * A facilitator link this device does not keep (state/session.ts [1]) and this tab has not
 * asked about: "Moet dit apparaat jouw link als gespreksleider onthouden?", once per tab. A
 * quiet panel in a corner, not a modal: the meeting can start before anyone answers.
 */
export function RememberPrompt() {
  const t = useT()
  const { info, token } = useBoard()
  const tabOnly = useSession((s) =>
    s.recent.some((b) => b.id === info.id && b.role === 'facilitator' && b.tabOnly),
  )
  const [ask, setAsk] = useState(() => !rememberAsked(info.id))

  if (!ask || !tabOnly) return null
  function answer(remember: boolean) {
    markRememberAsked(info.id)
    const session = useSession.getState()
    session.rememberBoard({ id: info.id, title: info.title, role: 'facilitator', token })
    session.setRemembered(info.id, remember)
    setAsk(false)
  }

  return (
    <section
      className="wt-remember-prompt"
      aria-labelledby="remember-title"
      data-testid="remember-prompt"
    >
      <h2 id="remember-title">
        <KeyRound aria-hidden="true" size={22} /> {t('remember.question')}
      </h2>
      <p className="wt-remember__hint">{t('remember.hint')}</p>
      <div className="wt-forget__actions">
        <button type="button" className="wt-button wt-button--primary" onClick={() => answer(true)}>
          {t('remember.yes')}
        </button>
        <button type="button" className="wt-button" onClick={() => answer(false)}>
          {t('remember.no')}
        </button>
      </div>
    </section>
  )
}
