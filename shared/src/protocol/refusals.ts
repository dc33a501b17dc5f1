/**
 * A change the server refuses is put back on everyone's board, the writer's too, and the
 * writer is told why in a y-protocols auth "permission denied" message whose reason is
 * `refused:<reason>`, at most 123 bytes (the server's reason, cut like a close reason) [1].
 * The connection stays open and keeps syncing.
 */
export const REFUSED_PREFIX = 'refused:'

/**
 * The server's reason inside a permission-denied reason, e.g. `cannot delete the last page
 * page:xyz` from `refused:cannot delete the last page page:xyz`; null for any other
 * permission-denied reason (such as `read-only`).
 */
export function parseRefusal(reason: string): string | null {
  return reason.startsWith(REFUSED_PREFIX) ? reason.slice(REFUSED_PREFIX.length) : null
}

/**
 * What follows a record's id in the reason when a record is past a size limit (a text, a
 * drawing, the record or its meta: the server's record limits rule), e.g. `invalid record
 * shape:abc: too big: props.richText over 10000 characters`. The writer's screen looks for
 * it to say so in plain words.
 */
export const TOO_BIG_REFUSAL = 'too big:'

// [1] The reasons are the server's own English phrases ("invalid record shape:abc: At
//     shape(type = wt-dream).props.horizonYears: ..."), meant for a tooltip or a log, not
//     for translation; a client shows its own sentence and may add the reason.
