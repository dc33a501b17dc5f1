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

/** A close that waits in the outbox behind the messages before it. */
interface HeldClose {
  code: number
  reason: string
}

/**
 * One socket in a room, with its role and its rate limits. Also the origin of the doc and
 * awareness changes it makes, and the writer the rules see (by `role` and `id`). While its
 * room waits for a commit, what it sends waits in order in its outbox [1].
 */
export class Connection {
  /**
   * Awareness client ids this socket announced first and owns, at most
   * MAX_CLIENT_IDS_PER_CONNECTION (AwarenessRelay.ts); freed when it closes.
   */
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
  /** Messages and a close held until the room's updates are stored; null: sent at once. */
  private outbox: (Uint8Array | HeldClose)[] | null = null

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

  /** Counts part of a message that was dropped while the connection stays open. */
  countRefused(reason: RefusedMessageReason): void {
    this.metrics.refusedMessage(reason)
  }

  send(message: Uint8Array): void {
    if (this.closed) return
    if (this.outbox) this.outbox.push(message)
    else this.write(message)
  }

  /** Closed at once for the room (no more frames are read); the close frame may be held. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    if (this.outbox) this.outbox.push({ code, reason })
    else this.socket.close(code, fitCloseReason(reason))
  }

  /** From now on, what is sent waits for `release` or `discard`. */
  hold(): void {
    this.outbox ??= []
  }

  /** The room's updates are stored: sends what waited, in order. */
  release(): void {
    const held = this.outbox
    this.outbox = null
    for (const item of held ?? []) {
      if (item instanceof Uint8Array) this.write(item)
      else this.socket.close(item.code, fitCloseReason(item.reason))
    }
  }

  /** Storing failed: what waited is dropped; a close that waited still happens. */
  discard(): void {
    const held = this.outbox
    this.outbox = null
    const close = held?.find((item): item is HeldClose => !(item instanceof Uint8Array))
    if (close) this.socket.close(close.code, fitCloseReason(close.reason))
  }

  private write(message: Uint8Array): void {
    if (this.socket.readyState !== this.socket.OPEN) return
    this.socket.send(message)
    this.metrics.sent(message.length)
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

// [1] So nothing that holds an update leaves before the update is stored: the update itself,
//     an answer to sync step 1 computed from a doc that holds it, the refusal that follows
//     a corrected update. Presence waits too (less than a tick), so the order a client sees
//     stays the order the room sent in.
