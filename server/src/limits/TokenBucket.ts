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
    const elapsed = Math.max(0, now - this.updatedAt)
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.perSecond) / 1000)
    this.updatedAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
