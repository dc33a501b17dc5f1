import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { MessageType } from '@wijktafel/shared'
import type { Connection } from './Connection.js'
import type { AwarenessEntry } from './messages.js'
import { encodeAwareness } from './messages.js'

/**
 * How many client ids one connection may own. An honest y-websocket client announces one
 * (its Awareness's clientID) for the life of its socket; a few spare cover a client that
 * replaces its Awareness without reconnecting. Without a cap one connection could claim
 * ids by the thousand per message and hold them, and their states, until it closes [5].
 */
export const MAX_CLIENT_IDS_PER_CONNECTION = 4

/** An awareness message without entries: tells a client the server is there, changes nothing. */
const EMPTY_AWARENESS = new Uint8Array([MessageType.AWARENESS, 1, 0])

/** One entry of an awareness update as it was sent: its state still JSON text. */
interface RawEntry extends AwarenessEntry {
  state: string
}

/**
 * A room's presence: the awareness states of its editors, sent on to every connection in
 * one message per flush interval, encoded once for all [1]. Each client id belongs to the
 * connection that announced it first, until that connection closes [3].
 */
export class AwarenessRelay {
  readonly awareness: awarenessProtocol.Awareness
  /** Who announced each client id; the ids are also in the owner's `clientIds`. */
  private readonly owners = new Map<number, Connection>()
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
    return entries.some(this.entryChanges)
  }

  /**
   * Applies a checked awareness update from an editor, without the entries for client ids
   * another connection announced: those are dropped (and counted when they would have
   * changed something), the rest applies.
   */
  apply(conn: Connection, update: Uint8Array): void {
    const entries = readRawEntries(update)
    const taken = entries.some(
      (entry) => this.ownedByAnother(conn, entry.clientId) && this.entryChanges(entry),
    )
    let overCap = false
    const kept = entries.filter((entry) => {
      const verdict = this.mayApply(conn, entry)
      if (verdict === 'over_cap') overCap = true
      return verdict === true
    })
    if (taken) conn.countRefused('awareness_not_owned')
    if (overCap) conn.countRefused('awareness_too_many_ids')
    if (kept.length === 0) return
    const owned = kept.length === entries.length ? update : encodeRawEntries(kept)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, owned, conn)
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

  /** The connection left: its states go, the others hear so, and its ids are free again. */
  remove(conn: Connection): void {
    const ids = [...conn.clientIds]
    for (const id of ids) this.owners.delete(id)
    conn.clientIds.clear()
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, conn)
  }

  destroy(): void {
    this.cancelFlush?.()
    this.cancelFlush = null
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  /** By the rule applyAwarenessUpdate follows: a newer clock, or a removal at the same one. */
  private readonly entryChanges = ({ clientId, clock, removed }: AwarenessEntry): boolean => {
    const current = this.awareness.meta.get(clientId)?.clock ?? 0
    return current < clock || (current === clock && removed && this.awareness.states.has(clientId))
  }

  /**
   * `conn` may apply entries for the ids it owns. A free id becomes its own with the first
   * state that changes something; an echo or a removal does not claim it [4].
   */
  private ownedByAnother(conn: Connection, clientId: number): boolean {
    const owner = this.owners.get(clientId)
    return owner !== undefined && owner !== conn
  }

  private mayApply(conn: Connection, entry: RawEntry): boolean | 'over_cap' {
    const owner = this.owners.get(entry.clientId)
    if (owner) return owner === conn
    if (entry.removed || !this.entryChanges(entry)) return false
    if (conn.clientIds.size >= MAX_CLIENT_IDS_PER_CONNECTION) return 'over_cap'
    this.owners.set(entry.clientId, conn)
    conn.clientIds.add(entry.clientId)
    return true
  }

  private readonly onUpdate = ({
    added,
    updated,
    removed,
  }: {
    added: number[]
    updated: number[]
    removed: number[]
  }): void => {
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
// [3] Without owners, any editor could move another person's cursor, rename them in "Wie is
//     er?" or make them vanish, by sending an entry with their client id and a higher
//     clock. Ids are random 32-bit numbers a client picks itself, so "first come" is the
//     only claim there is; once the owner's socket is closed the id is free again (a
//     reloaded page picks a new one anyway).
// [4] Every client echoes the states it hears [2], removals included: an echo of someone
//     who just left must not make the echoing client the owner of that id. A removal of a
//     free id has nothing to remove.
// [5] A 64 KiB message holds about 6,500 entries; at the default awareness rate one socket
//     could claim 195,000 ids within a second, each kept in `owners`, in its `clientIds`
//     and, with its state, in the awareness everyone is sent. Past the cap a new id is
//     dropped like another connection's (the rest of the message applies), so an honest
//     client that somehow exceeds it only loses the extra cursor, never its connection.

/** Reads an awareness update (already checked by decodeClientMessage) entry by entry. */
function readRawEntries(update: Uint8Array): RawEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: RawEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarString(decoder)
    entries.push({ clientId, clock, state, removed: state.trim() === 'null' })
  }
  return entries
}

/** The update of just these entries, their states as they were sent. */
function encodeRawEntries(entries: readonly RawEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}
