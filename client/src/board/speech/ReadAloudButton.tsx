import { LOCALE_INFO, translate, type Locale } from '@wijktafel/shared'
import { Volume2 } from 'lucide-react'
import { useEffect, useId, useRef, useState } from 'react'
import { useSession } from '../../state/session'
import { localeOfLang, readAloud, speechLangFor, stopReading } from './readAloud'
import './speech.css'

/**
 * "Voorlezen": reads the card's text aloud in the card's language; pressed again, it stops.
 * When the browser cannot read, or has no voice for the language, a short sentence says so.
 */
export function ReadAloudButton({ text, className }: { text: string; className?: string }) {
  const locale = useSession((s) => s.locale)
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
  const [speaking, setSpeaking] = useState(false)
  const [message, setMessage] = useState('')
  const messageId = useId()
  const speakingRef = useRef(false)
  speakingRef.current = speaking
  // A card that goes away (deleted, the outline closed) stops its own reading.
  useEffect(
    () => () => {
      if (speakingRef.current) stopReading()
    },
    [],
  )

  const toggle = () => {
    if (speaking) {
      stopReading()
      setSpeaking(false)
      return
    }
    const words = text.trim()
    if (!words) {
      setMessage(t('speech.empty'))
      return
    }
    const lang = speechLangFor(words, locale)
    // Starting another card's reading ends this one's through its onEnd [1].
    const result = readAloud(words, lang, { onEnd: () => setSpeaking(false) })
    if (result === 'unsupported') {
      setMessage(t('speech.unsupported'))
      return
    }
    setSpeaking(true)
    setMessage(result === 'no-voice' ? noVoice(locale, lang) : '')
  }

  return (
    <span className={`wt-read-aloud${className ? ` ${className}` : ''}`}>
      <button
        type="button"
        className="wt-read-aloud__button"
        aria-pressed={speaking}
        aria-describedby={message ? messageId : undefined}
        title={speaking ? t('speech.stop') : t('speech.read')}
        onClick={toggle}
        data-testid="read-aloud"
      >
        <Volume2 aria-hidden="true" size={22} />
        <span>{speaking ? t('speech.stop') : t('speech.read')}</span>
      </button>
      <span id={messageId} className="wt-read-aloud__message" role="status">
        {message}
      </span>
    </span>
  )
}

function noVoice(locale: Locale, lang: string): string {
  const spoken = localeOfLang(lang)
  const language = spoken ? LOCALE_INFO[spoken].name : lang
  return translate(locale, 'speech.noVoice').replace('{language}', language)
}

// [1] The browser reads one text at a time: readAloud stops the text read before and calls its
//     onEnd, so only one button shows as pressed.
