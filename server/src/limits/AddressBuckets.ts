import { TokenBucket } from './TokenBucket.js'

export interface AddressRate {
  /** Tokens added per hour (use `perMinute * 60` for a rate per minute). */
  perHour: number
  /** Tokens a quiet address has: what it may do at once. */
  burst: number
  /** Addresses remembered at most [1]. */
  maxAddresses?: number
}

/** What `take` answers: allowed, or refused with the whole seconds until a token. */
export type AddressVerdict = { ok: true } | { ok: false; retryAfterSeconds: number }

const DEFAULT_MAX_ADDRESSES = 10_000
/** How often, at most, the buckets are swept for full ones. */
const SWEEP_INTERVAL_MS = 60_000

/**
 * One token bucket per client address: new connections, new boards. A full bucket is the
 * same as no bucket, so full ones are forgotten (swept at most once a minute, when asked),
 * and the least recently used address goes first when the map is at its size [1]. Time is
 * passed in (milliseconds), like TokenBucket.
 */
export class AddressBuckets {
  /** In order of last use: a Map iterates in insertion order, and a use re-inserts. */
  private readonly buckets = new Map<string, TokenBucket>()
  private readonly perSecond: number
  private readonly maxAddresses: number
  private sweptAt: number

  constructor(
    private readonly rate: AddressRate,
    now: number,
  ) {
    this.perSecond = rate.perHour / 3600
    this.maxAddresses = rate.maxAddresses ?? DEFAULT_MAX_ADDRESSES
    this.sweptAt = now
  }

  /** Addresses remembered now (tests, metrics). */
  get size(): number {
    return this.buckets.size
  }

  /** Takes a token of `address`'s bucket, or says how long until it has one. */
  take(address: string, now: number): AddressVerdict {
    this.sweep(now)
    const bucket = this.bucketOf(address, now)
    if (bucket.take(now)) return { ok: true }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(bucket.msUntilToken(now) / 1000)) }
  }

  private bucketOf(address: string, now: number): TokenBucket {
    let bucket = this.buckets.get(address)
    if (bucket) this.buckets.delete(address)
    else {
      bucket = new TokenBucket(this.perSecond, this.rate.burst, now)
      if (this.buckets.size >= this.maxAddresses) {
        const oldest = this.buckets.keys().next().value
        if (oldest !== undefined) this.buckets.delete(oldest)
      }
    }
    this.buckets.set(address, bucket)
    return bucket
  }

  private sweep(now: number): void {
    if (now - this.sweptAt < SWEEP_INTERVAL_MS) return
    this.sweptAt = now
    for (const [address, bucket] of this.buckets) {
      if (bucket.isFull(now)) this.buckets.delete(address)
    }
  }
}

// [1] Forgetting a bucket that is not full forgives that address what it used. That only
//     happens when more than `maxAddresses` addresses were busy since the last sweep, and a
//     client with that many addresses is not held back by any per-address limit anyway;
//     what matters is that the server's memory stays bounded whatever the addresses.
