import { Hand } from 'lucide-react'
import { useState, type FormEvent } from 'react'
import { useT } from '../app/useT'
import { useSession } from '../state/session'

/** Asked once per browser; the name is shown at the person's cursor and nowhere stored. */
export function NamePrompt() {
  const t = useT()
  const setName = useSession((s) => s.setName)
  const [name, setValue] = useState('')

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (name.trim()) setName(name)
  }

  return (
    <main className="wt-center">
      <form className="wt-card" onSubmit={onSubmit}>
        <h1>
          <Hand aria-hidden="true" size={32} />
          {t('name.title')}
        </h1>
        <p id="name-hint">{t('name.hint')}</p>
        <label htmlFor="user-name">{t('name.label')}</label>
        <input
          id="user-name"
          dir="auto"
          value={name}
          maxLength={40}
          autoComplete="nickname"
          aria-describedby="name-hint"
          onChange={(e) => setValue(e.target.value)}
          autoFocus
        />
        <button type="submit" className="wt-button wt-button--primary" disabled={!name.trim()}>
          {t('name.ok')}
        </button>
      </form>
    </main>
  )
}
