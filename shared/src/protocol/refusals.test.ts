import { describe, expect, it } from 'vitest'
import { READ_ONLY_REASON } from './ydoc.js'
import { REFUSED_PREFIX, parseRefusal } from './refusals.js'

describe('parseRefusal', () => {
  it('reads the server’s reason out of a refusal', () => {
    expect(parseRefusal(`${REFUSED_PREFIX}cannot delete the last page page:xyz`)).toBe(
      'cannot delete the last page page:xyz',
    )
    expect(parseRefusal('refused:')).toBe('')
  })

  it('is null for any other permission-denied reason', () => {
    expect(parseRefusal(READ_ONLY_REASON)).toBeNull()
    expect(parseRefusal('Refused:x')).toBeNull()
    expect(parseRefusal('')).toBeNull()
  })
})
