import { describe, expect, it } from 'vitest'
import { localeOfLang, speechLangFor, voiceFor } from './readAloud'

describe('the language a card is read in', () => {
  it('is Arabic for Arabic script, whatever the app’s language', () => {
    expect(speechLangFor('حديقة للأطفال', 'nl')).toBe('ar')
    expect(speechLangFor('Speeltuin bij de school, حديقة', 'en')).toBe('ar')
  })

  it('is the person’s language otherwise', () => {
    expect(speechLangFor('Een bankje bij de school', 'nl')).toBe('nl-NL')
    expect(speechLangFor('Okulun yanında bir bank', 'tr')).toBe('tr-TR')
    expect(speechLangFor('A bench by the school', 'en')).toBe('en-GB')
  })

  it('names the app language of a speech tag', () => {
    expect(localeOfLang('ar')).toBe('ar')
    expect(localeOfLang('nl-NL')).toBe('nl')
    expect(localeOfLang('de-DE')).toBeUndefined()
  })
})

describe('the voice for a language', () => {
  const voice = (lang: string) => ({ lang, name: lang }) as SpeechSynthesisVoice
  it('takes the exact tag first, then the language, else none', () => {
    const voices = [voice('en-US'), voice('nl-BE'), voice('nl-NL'), voice('ar_SA')]
    expect(voiceFor(voices, 'nl-NL')?.lang).toBe('nl-NL')
    expect(voiceFor(voices, 'en-GB')?.lang).toBe('en-US')
    expect(voiceFor(voices, 'ar')?.lang).toBe('ar_SA')
    expect(voiceFor(voices, 'tr-TR')).toBeUndefined()
    expect(voiceFor([], 'nl-NL')).toBeUndefined()
  })
})
