import { parseRefusal, READ_ONLY_REASON, TOO_BIG_REFUSAL, type MessageKey } from '@wijktafel/shared'

/**
 * Something the server told this connection without closing it (a y-protocols
 * permission-denied message): a change it put back (`refused:<reason>`), or a write from a
 * connection that may only look (`read-only`). Shown briefly; the connection stays up.
 */
export interface ServerNotice {
  /** New for every message, so the page can tell a new notice from the one it showed. */
  id: number
  kind: 'refused' | 'readOnly'
  /** A plain sentence: the reason in words a resident understands, or the general hint. */
  hint: MessageKey
  /** The server's own (English) reason, shortened, for a details line; '' when none. */
  detail: string
}

/** Longer reasons (a validator's path) are cut: the details line is one or two lines. */
const MAX_DETAIL = 90

/**
 * Plain sentences for reasons people meet in normal use: prefixes of the server's reasons,
 * or a phrase after a record's id (`invalid record <id>: too big: ...`).
 */
const KNOWN_REASONS: readonly [RegExp, MessageKey][] = [
  [/^cannot delete the last page/, 'sync.refused.lastPage'],
  [new RegExp(`^invalid record [^ ]+: ${TOO_BIG_REFUSAL}`), 'sync.refused.tooBig'],
]

/** The notice for a permission-denied reason, or null for one this client does not know. */
export function serverNoticeOf(reason: string, id: number): ServerNotice | null {
  if (reason === READ_ONLY_REASON) {
    return { id, kind: 'readOnly', hint: 'sync.refused.readOnly', detail: '' }
  }
  const refused = parseRefusal(reason)
  if (refused === null) return null
  const known = KNOWN_REASONS.find(([pattern]) => pattern.test(refused))
  return {
    id,
    kind: 'refused',
    hint: known?.[1] ?? 'sync.refused.hint',
    detail: shorten(refused.trim()),
  }
}

function shorten(text: string): string {
  return text.length <= MAX_DETAIL ? text : `${text.slice(0, MAX_DETAIL - 1).trimEnd()}…`
}
