import type { WebSocket } from 'ws'
import { CloseCode, READ_ONLY_REASON, canWrite } from '@wijktafel/shared'
import type * as Y from 'yjs'
import type { DocSchema, Role } from '@wijktafel/shared'
import { TokenBucket } from '../limits/TokenBucket.js'
import type { RefusedMessageReason, RoomMetrics } from '../metrics/Metrics.js'
import { fitCloseReason } from './closeReason.js'
import { encodePermissionDenied } from './messages.js'
import { updateChanges } from './updateChanges.js'

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

/**
 * One socket in a room, with its role and its rate limits. Also the origin of the doc and
 * awareness changes it makes, and the writer the rules see (by `role` and `id`).
 */
export class Connection {
  /** Awareness client ids this socket has announced; removed when it closes. */
  readonly clientIds = new Set<number>()
  /** The schema the client said it speaks (`schema` query parameter); null when it did not. */
  schema: DocSchema | null = null
  private deniedWrite = false
  closed = false
  /** Document messages, and awareness messages that change nothing. */
  private readonly docMessages: TokenBucket
  /** Awareness messages that change someone's presence: each one is sent to everyone. */
  private readonly presenceChanges: TokenBucket
  /** Sync step 1 messages, on top of docMessages. */
  private readonly stateRequests: TokenBucket

  constructor(
    readonly socket: WebSocket,
    readonly role: Role,
    limits: RateLimits,
    private readonly metrics: RoomMetrics,
    now: number,
    /** Unique within the server process (RoomManager counts). */
    readonly id: number,
  ) {
    this.docMessages = new TokenBucket(limits.docMessagesPerSecond, limits.docMessageBurst, now)
    this.presenceChanges = new TokenBucket(limits.awarenessPerSecond, limits.awarenessBurst, now)
    this.stateRequests = new TokenBucket(STEP1_PER_SECOND, STEP1_BURST, now)
  }

  /**
   * Takes one message of `kind` from its rate limit. Past the limit the connection is closed
   * with 4429 and the answer is false.
   */
  admit(kind: 'doc' | 'sync-step1' | 'presence', now: number): boolean {
    const [bucket, why, reason] = this.limitOf(kind)
    if (bucket.take(now)) return true
    this.metrics.refusedMessage(why)
    this.close(CloseCode.RATE_LIMITED, reason)
    return false
  }

  /**
   * Whether this connection may write to the doc. A viewer's writes are dropped; the first
   * one that is not empty gets a permission-denied answer, and the connection stays open.
   */
  mayWrite(update: Uint8Array, doc: Y.Doc): boolean {
    if (canWrite(this.role)) return true
    // What a viewer with nothing new answers to step 1 is dropped without a word.
    if (updateChanges(doc, update)) {
      this.metrics.refusedMessage('read_only')
      if (!this.deniedWrite) {
        this.deniedWrite = true
        this.send(encodePermissionDenied(READ_ONLY_REASON))
      }
    }
    return false
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

  private limitOf(
    kind: 'doc' | 'sync-step1' | 'presence',
  ): [TokenBucket, RefusedMessageReason, string] {
    switch (kind) {
      case 'doc':
        return [this.docMessages, 'rate_doc', 'too many messages']
      case 'sync-step1':
        return [this.stateRequests, 'rate_doc', 'too many sync requests']
      case 'presence':
        return [this.presenceChanges, 'rate_awareness', 'too many presence updates']
    }
  }
}
