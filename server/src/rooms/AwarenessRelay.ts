import type * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { MessageType } from '@wijktafel/shared'
import { Connection } from './Connection.js'
import type { AwarenessEntry } from './messages.js'
import { encodeAwareness } from './messages.js'

/** An awareness message without entries: tells a client the server is there, changes nothing. */
const EMPTY_AWARENESS = new Uint8Array([MessageType.AWARENESS, 1, 0])

/**
 * A room's presence: the awareness states of its editors, sent on to every connection in
 * one message per flush interval, encoded once for all [1].
 */
export class AwarenessRelay {
  readonly awareness: awarenessProtocol.Awareness
  private readonly pending = new Set<number>()
  private cancelFlush: (() => void) | null = null
  private lastFlush = -Infinity

  constructor(
    doc: Y.Doc,
    private readonly connections: () => Iterable<Connection>,
    private readonly flushMs: number,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    // The server has no presence of its own; the constructor sets an empty local state.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  /**
   * Whether applying these entries would change anything, by the rule applyAwarenessUpdate
   * follows: a newer clock, or the same clock removing a state that is there. y-websocket
   * clients echo every state they receive [2]; those echoes change nothing.
   */
  changes(entries: readonly AwarenessEntry[]): boolean {
    return entries.some(({ clientId, clock, removed }) => {
      const current = this.awareness.meta.get(clientId)?.clock ?? 0
      return (
        current < clock || (current === clock && removed && this.awareness.states.has(clientId))
      )
    })
  }

  /** Applies a checked awareness update from an editor. */
  apply(conn: Connection, update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, conn)
  }

  /** Every state, to one connection: on joining, and as the answer to a query. */
  sendAll(conn: Connection): void {
    const ids = [...this.awareness.getStates().keys()]
    if (ids.length > 0) conn.send(encodeAwareness(this.awareness, ids))
  }

  /**
   * A viewer's presence is not applied (a projector's cursor is noise), but a lone viewer
   * must hear something after renewing its state (every 15 s), or its client reconnects
   * after 30 s of silence. An empty message does; only changes are answered, not echoes.
   */
  answerViewer(conn: Connection): void {
    conn.send(EMPTY_AWARENESS)
  }

  /** The connection left: its states go, and the others hear so. */
  remove(conn: Connection): void {
    awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], conn)
  }

  destroy(): void {
    this.cancelFlush?.()
    this.cancelFlush = null
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin instanceof Connection) {
      for (const id of [...added, ...updated]) origin.clientIds.add(id)
      for (const id of removed) origin.clientIds.delete(id)
    }
    for (const id of [...added, ...updated, ...removed]) this.pending.add(id)
    this.scheduleFlush()
  }

  private scheduleFlush(): void {
    if (this.cancelFlush) return
    const wait = this.lastFlush + this.flushMs - performance.now()
    if (wait <= 0) {
      const handle = setImmediate(this.flush)
      this.cancelFlush = () => clearImmediate(handle)
    } else {
      const handle = setTimeout(this.flush, wait)
      this.cancelFlush = () => clearTimeout(handle)
    }
  }

  private readonly flush = (): void => {
    this.cancelFlush = null
    this.lastFlush = performance.now()
    const ids = [...this.pending]
    this.pending.clear()
    if (ids.length === 0) return
    const message = encodeAwareness(this.awareness, ids)
    // The sender hears its own state back too: a lone client would otherwise hear nothing
    // for 30 s and reconnect.
    for (const conn of this.connections()) conn.send(message)
  }
}

// [1] With 40 people moving cursors 20 times a second, sending each change on at once is
//     40 x 20 x 40 = 32,000 messages a second, and every client echoes each back [2]. One
//     message per flush interval (50 ms by default) holding every change of that interval
//     is at most 20 x 40 = 800. When the room is quiet the first change goes out in the
//     same tick, so a lone cursor gains no delay.
// [2] y-websocket's provider sends an awareness message for every 'update' event of its
//     awareness, its own and the ones it applied from the server alike.
