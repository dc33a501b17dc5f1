/**
 * A token bucket: holds up to `burst` tokens, refills `perSecond` tokens a second, and each
 * message takes one. Time is passed in (milliseconds) so tests need no clock.
 */
export class TokenBucket {
  private tokens: number
  private updatedAt: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst
    this.updatedAt = now
  }

  /** Takes a token; false when the bucket is empty (the caller refuses the message). */
  take(now: number): boolean {
    this.refill(now)
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Milliseconds from `now` until a token is there again (0 when one is there now). */
  msUntilToken(now: number): number {
    this.refill(now)
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / this.perSecond
  }

  /** Whether the bucket is as it was when new: forgetting it then forgives nothing. */
  isFull(now: number): boolean {
    this.refill(now)
    return this.tokens >= this.burst
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt)
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000)
    // A clock that went backwards must not hand out the same time twice.
    this.updatedAt = Math.max(this.updatedAt, now)
  }
}
