import { ar } from './ar.js'
import { en } from './en.js'
import { nl, type MessageKey } from './nl.js'
import { tr } from './tr.js'

export type { MessageKey }
export const LOCALES = ['nl', 'en', 'tr', 'ar'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'nl'

/**
 * What the app needs to know about a language besides its words: its own name (shown in the
 * language menu, so a person finds theirs without reading Dutch), its writing direction, the
 * BCP 47 tag for the browser's speech synthesis and whether a native speaker has checked it.
 */
export interface LocaleInfo {
  /** The language's name in itself: "Nederlands", "English", "Türkçe", "العربية". */
  readonly name: string
  readonly dir: 'ltr' | 'rtl'
  /** For `SpeechSynthesisUtterance.lang` and `<html lang>`. */
  readonly speech: string
  /** False until a native speaker has reviewed the catalogue (see the README). */
  readonly reviewed: boolean
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  nl: { name: 'Nederlands', dir: 'ltr', speech: 'nl-NL', reviewed: true },
  en: { name: 'English', dir: 'ltr', speech: 'en-GB', reviewed: true },
  tr: { name: 'Türkçe', dir: 'ltr', speech: 'tr-TR', reviewed: false },
  ar: { name: 'العربية', dir: 'rtl', speech: 'ar', reviewed: false },
}

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { nl, en, tr, ar }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Looks up a message; a missing translation falls back to Dutch, never to the key. */
export function translate(locale: Locale, key: MessageKey): string {
  return catalogues[locale][key] ?? nl[key]
}
