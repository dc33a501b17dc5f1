import type { WebSocket } from 'ws'
import type { Role } from '@wijktafel/shared'
import { TokenBucket } from '../limits/TokenBucket.js'
import type { RoomMetrics } from '../metrics/Metrics.js'
import { fitCloseReason } from './closeReason.js'

/** Per-connection message rates (ServerConfig). */
export interface RateLimits {
  docMessagesPerSecond: number
  docMessageBurst: number
  awarenessPerSecond: number
  awarenessBurst: number
}

/**
 * Sync step 1 asks for everything the sender lacks: the whole board for a new client, an
 * encode of the entire doc each time. An honest y-websocket client sends one per
 * connection (and one every `resyncInterval` if an app turns that on, typically >= 5 s).
 */
const STEP1_BURST = 4
const STEP1_PER_SECOND = 0.2

/** One socket in a room. Also the origin of the doc and awareness changes it makes. */
export class Connection {
  /** Awareness client ids this socket has announced; removed when it closes. */
  readonly clientIds = new Set<number>()
  deniedWrite = false
  closed = false
  /** Document messages, and awareness messages that change nothing. */
  readonly docMessages: TokenBucket
  /** Awareness messages that change someone's presence: each one is sent to everyone. */
  readonly presenceChanges: TokenBucket
  /** Sync step 1 messages, on top of docMessages. */
  readonly stateRequests: TokenBucket

  constructor(
    readonly socket: WebSocket,
    readonly role: Role,
    limits: RateLimits,
    private readonly metrics: RoomMetrics,
    now: number,
  ) {
    this.docMessages = new TokenBucket(limits.docMessagesPerSecond, limits.docMessageBurst, now)
    this.presenceChanges = new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst, now)
    this.stateRequests = new TokenBucket(STEP1_PER_SECOND, STEP1_BURST, now)
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message)
    this.metrics.sent(message.length)
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, fitCloseReason(reason))
  }
}
