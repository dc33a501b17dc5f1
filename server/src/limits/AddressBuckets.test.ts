import { describe, expect, it } from 'vitest'
import { AddressBuckets } from './AddressBuckets.js'

const MINUTE = 60_000

describe('AddressBuckets', () => {
  it('gives each address its own burst and says when the next token comes', () => {
    const buckets = new AddressBuckets({ perHour: 60, burst: 2 }, 0) // one a minute
    expect(buckets.take('10.0.0.1', 0)).toEqual({ ok: true })
    expect(buckets.take('10.0.0.1', 0)).toEqual({ ok: true })
    expect(buckets.take('10.0.0.1', 0)).toEqual({ ok: false, retryAfterSeconds: 60 })
    expect(buckets.take('10.0.0.1', 45_000)).toEqual({ ok: false, retryAfterSeconds: 15 })
    expect(buckets.take('10.0.0.2', 45_000)).toEqual({ ok: true })
    expect(buckets.take('10.0.0.1', MINUTE)).toEqual({ ok: true })
  })

  it('forgets addresses whose bucket filled up again, so quiet addresses cost no memory', () => {
    const buckets = new AddressBuckets({ perHour: 60, burst: 1 }, 0)
    for (let i = 0; i < 100; i++) buckets.take(`10.0.0.${i}`, 0)
    expect(buckets.size).toBe(100)
    buckets.take('10.0.1.1', 2 * MINUTE) // every bucket is full again by now
    expect(buckets.size).toBe(1)
  })

  it('never holds more than maxAddresses, dropping the least recently used one', () => {
    const buckets = new AddressBuckets({ perHour: 1, burst: 1, maxAddresses: 3 }, 0)
    for (const address of ['a', 'b', 'c']) buckets.take(address, 0)
    buckets.take('a', 1) // a is used again: b is now the oldest
    buckets.take('d', 2)
    expect(buckets.size).toBe(3)
    expect(buckets.take('a', 3).ok).toBe(false) // still remembered
    expect(buckets.take('b', 3).ok).toBe(true) // forgotten: a fresh bucket
  })
})
