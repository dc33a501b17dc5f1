import { describe, expect, it } from 'vitest'
import { MAX_CLOSE_REASON_BYTES, fitCloseReason, shortKey } from './closeReason.js'

describe('close reasons', () => {
  it('leaves a short reason alone', () => {
    expect(fitCloseReason('cannot delete document:document')).toBe(
      'cannot delete document:document',
    )
  })

  it.each([
    ['ASCII', 'x'.repeat(500)],
    ['two-byte characters', 'é'.repeat(200)],
    ['emoji (surrogate pairs)', '🏘️'.repeat(100)],
  ])('cuts a long reason of %s to at most 123 bytes of valid UTF-8', (_what, text) => {
    const reason = fitCloseReason(`invalid record ${text}`)
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES)
    expect(reason.endsWith('…')).toBe(true)
    expect(Buffer.from(reason).toString()).toBe(reason)
  })

  it('shortens a long record id but keeps its start', () => {
    const key = `shape:${'a'.repeat(100)}`
    expect(shortKey(key)).toMatch(/^shape:a+…$/)
    expect(Buffer.byteLength(shortKey(key))).toBeLessThanOrEqual(48)
  })
})
