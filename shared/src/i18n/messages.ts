import { en } from './en.js'
import { nl, type MessageKey } from './nl.js'

export type { MessageKey }
export const LOCALES = ['nl', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'nl'

const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en }

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** Looks up a message; a missing translation falls back to Dutch, never to the key. */
export function translate(locale: Locale, key: MessageKey): string {
  return catalogues[locale][key] ?? nl[key]
}
