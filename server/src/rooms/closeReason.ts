/** RFC 6455 allows at most 123 bytes of UTF-8 in a close reason; `ws` throws beyond that. */
export const MAX_CLOSE_REASON_BYTES = 123

/** Shortens `text` to fit a close reason, ending in an ellipsis when it was cut. */
export function fitCloseReason(text: string): string {
  if (Buffer.byteLength(text) <= MAX_CLOSE_REASON_BYTES) return text
  return shorten(text, MAX_CLOSE_REASON_BYTES)
}

/** Shortens a record id (or any user-chosen key) for use inside a message. */
export function shortKey(key: string, maxBytes = 48): string {
  return Buffer.byteLength(key) <= maxBytes ? key : shorten(key, maxBytes)
}

function shorten(text: string, maxBytes: number): string {
  const ellipsis = '…' // 3 bytes
  let bytes = 0
  let end = 0
  // Whole code points only: a cut surrogate pair would not be valid UTF-8.
  for (const char of text) {
    const size = Buffer.byteLength(char)
    if (bytes + size > maxBytes - 3) break
    bytes += size
    end += char.length
  }
  return text.slice(0, end) + ellipsis
}
