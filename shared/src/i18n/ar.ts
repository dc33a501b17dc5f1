import type { MessageKey } from './nl.js'

/** Arabic (right to left). Not yet reviewed by a native speaker. */
export const ar: Partial<Record<MessageKey, string>> = {}
