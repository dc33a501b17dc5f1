import { LOCALE_INFO, LOCALES, type Locale } from '@wijktafel/shared'

/** Arabic script (Arabic, Arabic Supplement and Extended-A, presentation forms A and B). */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/

/**
 * The language a card's text is read in: Arabic when it is written in Arabic script [1],
 * otherwise the language the person chose for the app.
 */
export function speechLangFor(text: string, locale: Locale): string {
  return ARABIC.test(text) ? LOCALE_INFO.ar.speech : LOCALE_INFO[locale].speech
}

/** The app's language that speaks `lang` ('ar', 'nl-NL'), for naming it to the person. */
export function localeOfLang(lang: string): Locale | undefined {
  const primary = lang.toLowerCase().split('-')[0]
  return LOCALES.find((l) => LOCALE_INFO[l].speech.toLowerCase().split('-')[0] === primary)
}

/** What happened when a text was given to the browser to read. */
export type ReadAloudResult =
  /** Speaking, with a voice for the language. */
  | 'speaking'
  /** Given to the browser, but it lists no voice for this language: maybe silence. */
  | 'no-voice'
  /** This browser has no speech synthesis at all. */
  | 'unsupported'

export interface ReadAloudOptions {
  /** Called once when the reading ends, is stopped or fails. */
  onEnd?: () => void
}

let current: SpeechSynthesisUtterance | null = null

/**
 * Reads `text` aloud in `lang` with the browser's speech synthesis, stopping anything read
 * before. Tells whether the browser can read and whether it has a voice for that language,
 * so the caller can say so in plain words instead of failing silently [2].
 */
export function readAloud(
  text: string,
  lang: string,
  { onEnd }: ReadAloudOptions = {},
): ReadAloudResult {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return 'unsupported'
  stopReading()
  const utterance = new SpeechSynthesisUtterance(text)
  utterance.lang = lang
  const voice = voiceFor(synth.getVoices(), lang)
  if (voice) utterance.voice = voice
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    if (current === utterance) current = null
    onEnd?.()
  }
  utterance.onend = end
  utterance.onerror = end
  current = utterance
  synth.speak(utterance)
  return voice ? 'speaking' : 'no-voice'
}

/** Stops what is being read aloud, if anything. */
export function stopReading(): void {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined
  const was = current
  current = null
  synth?.cancel()
  // Browsers do not always fire `end` on cancel; the reader's button must not stay pressed.
  was?.onend?.(new Event('end') as SpeechSynthesisEvent)
}

/** The voice for a language: the exact tag first ('nl-NL'), then the language ('nl'). */
export function voiceFor(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
): SpeechSynthesisVoice | undefined {
  const want = lang.toLowerCase()
  const primary = want.split('-')[0]
  const norm = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-')
  return (
    voices.find((v) => norm(v) === want) ?? voices.find((v) => norm(v).split('-')[0] === primary)
  )
}

// [1] A card is written in the language of the person who typed it, not of the person reading:
//     Arabic next to Dutch on one board is the common case. Script is the one sign a browser
//     can tell for sure; Turkish and Dutch share the Latin script, so those follow the app.
// [2] `getVoices()` is empty on many Linux browsers and on some phones until voices load.
//     Such a browser may still speak with a default voice, so the text is handed over anyway
//     and the person is told that there may be no sound.
