import { describe, expect, it } from 'vitest'
import { TokenBucket } from './TokenBucket.js'

describe('TokenBucket', () => {
  it('allows a burst, then the refill rate, and never saves up more than the burst', () => {
    const bucket = new TokenBucket(10, 5, 0)
    expect(Array.from({ length: 6 }, () => bucket.take(0))).toEqual([...Array(5).fill(true), false])
    expect(bucket.take(100)).toBe(true) // 100 ms at 10/s: one token
    expect(bucket.take(100)).toBe(false)
    // An hour of silence refills to the burst, not beyond.
    const later = 3_600_000
    expect(Array.from({ length: 6 }, () => bucket.take(later)).filter(Boolean)).toHaveLength(5)
  })

  it('keeps up with a sender exactly at the rate for a long time', () => {
    const bucket = new TokenBucket(20, 2, 0)
    for (let i = 1; i <= 10_000; i++) expect(bucket.take(i * 50)).toBe(true)
  })

  it('does not refill when the clock goes backwards', () => {
    const bucket = new TokenBucket(10, 1, 1000)
    expect(bucket.take(1000)).toBe(true)
    expect(bucket.take(500)).toBe(false)
  })
})
