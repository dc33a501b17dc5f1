import type { MessageKey } from './nl.js'

/** Turkish. Not yet reviewed by a native speaker. */
export const tr: Partial<Record<MessageKey, string>> = {}
