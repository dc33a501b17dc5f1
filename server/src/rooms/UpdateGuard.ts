import * as Y from 'yjs'
import {
  CloseCode,
  YDOC_META,
  YDOC_META_SCHEMA,
  YDOC_RECORDS,
  readDocSchema,
} from '@wijktafel/shared'
import type { Role } from '@wijktafel/shared'
import type { KeyChange, RootWrite, RuleChain, RuleContext } from '../rules/index.js'
import { fitCloseReason } from './closeReason.js'

/**
 * What to do with a client's update: apply `update` to the room's doc (null: it changes
 * nothing), or refuse it with close `code` for `reason` (at most 123 bytes, for the close
 * frame and the log), named by the `rule` that refused it and, when it judged one record,
 * that record's `key`.
 */
export type GuardVerdict =
  | { ok: true; update: Uint8Array | null }
  | { ok: false; reason: string; code: number; rule: string; key?: string }

/** The reason of a refusal because Yjs could not apply the update at all. */
export const UNAPPLIABLE = 'update could not be applied'

/** Who sent an update: a Connection. */
export interface Writer {
  readonly role: Role
  readonly id: number
}

/** The board a guard protects, as its rules see it. */
export interface GuardedBoard {
  readonly boardId: string
  /** Bytes of the stored state plus the log after it (RoomStorage). */
  storedBytes(): number
}

type KeyChanges = Map<string, { action: KeyChange['action']; oldValue: unknown }>

/**
 * Decides whether a client's Yjs update may reach a room's doc, without touching that doc.
 * The update is applied first to a shadow copy of the doc, where Yjs itself works out which
 * keys it changes; only those are judged, by the rule chain [1]. An accepted update is
 * handed back as the part the shadow integrated [2]; a refused one poisons the shadow,
 * which is then rebuilt from the real doc.
 */
export class UpdateGuard {
  private shadow!: Y.Doc
  private recordChanges: KeyChanges | null = null
  private metaChanges: KeyChanges | null = null
  /** The root types the update wrote into, seen while it was integrated. */
  private roots: RootWrite[] = []
  private integrated: Uint8Array | null = null

  constructor(
    private readonly doc: Y.Doc,
    private readonly chain: RuleChain,
    private readonly board: GuardedBoard,
  ) {
    this.rebuild()
  }

  check(update: Uint8Array, writer: Writer): GuardVerdict {
    this.recordChanges = this.metaChanges = this.integrated = null
    this.roots = []
    try {
      Y.applyUpdate(this.shadow, update)
    } catch {
      // Yjs may have integrated part of it before throwing (ENGINEERING.md): only the shadow.
      return this.refuse({ reason: UNAPPLIABLE, rule: 'yjs' })
    }
    this.dropPending()
    // Nothing integrated: nothing changed, so there is nothing to judge.
    if (!this.integrated) return { ok: true, update: null }
    let refusal
    try {
      refusal = this.chain.check(this.context(writer, this.integrated))
    } catch (error) {
      this.rebuild() // a rule with a bug must not leave the shadow ahead of the doc
      throw error
    }
    if (refusal) return this.refuse(refusal)
    return { ok: true, update: this.integrated }
  }

  /** Makes the shadow a fresh copy of the doc; also after the doc changed without check(). */
  rebuild(): void {
    this.shadow?.destroy()
    const shadow = new Y.Doc({ gc: true })
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc))
    // Observed from here on; the load above is the doc's own state and needs no checking.
    shadow.getMap(YDOC_RECORDS).observe((event) => (this.recordChanges = keyChanges(event)))
    shadow.getMap(YDOC_META).observe((event) => (this.metaChanges = keyChanges(event)))
    shadow.on('afterTransaction', this.onAfterTransaction)
    shadow.on('update', (update: Uint8Array) => (this.integrated = update))
    this.shadow = shadow
  }

  destroy(): void {
    this.shadow.destroy()
  }

  private context(writer: Writer, integrated: Uint8Array): RuleContext {
    const records = this.shadow.getMap(YDOC_RECORDS)
    const meta = this.shadow.getMap(YDOC_META)
    let after: number | undefined
    let before: number | undefined
    return {
      boardId: this.board.boardId,
      role: writer.role,
      connectionId: writer.id,
      roots: this.roots,
      changes: changeList(this.recordChanges, records),
      metaChanges: changeList(this.metaChanges, meta),
      docSchema: readDocSchema(meta.get(YDOC_META_SCHEMA)),
      records,
      size: {
        storedBytes: this.board.storedBytes() + integrated.length,
        after: () => (after ??= Y.encodeStateAsUpdate(this.shadow).length),
        before: () => (before ??= Y.encodeStateAsUpdate(this.doc).length),
      },
    }
  }

  private refuse(refusal: { reason: string; rule: string; code?: number; key?: string }) {
    this.rebuild()
    const { reason, rule, code = CloseCode.UPDATE_REJECTED, key } = refusal
    // tldraw's messages quote the offending value, which can be long: cut for the close frame.
    const verdict: GuardVerdict = { ok: false, reason: fitCloseReason(reason), code, rule }
    if (key !== undefined) verdict.key = key
    return verdict
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    for (const [type, keys] of transaction.changed) {
      this.roots.push({ name: this.rootName(type), listContent: keys.has(null) })
    }
  }

  private rootName(type: unknown): string | null {
    for (const [name, root] of this.shadow.share) if (root === type) return name
    return null
  }

  /**
   * Structs whose dependencies the doc lacks wait in the shadow's pending store. They are
   * dropped rather than kept for later [3].
   */
  private dropPending(): void {
    const store = this.shadow.store
    if (store.pendingStructs === null && store.pendingDs === null) return
    store.pendingStructs = null
    store.pendingDs = null
  }
}

/** A map event's key changes; Yjs computes them only during the observer call. */
function keyChanges(event: Y.YMapEvent<unknown>): KeyChanges {
  return event.changes.keys as KeyChanges
}

function changeList(changes: KeyChanges | null, map: Y.Map<unknown>): KeyChange[] {
  if (!changes) return []
  return [...changes].map(([key, { action, oldValue }]) => ({
    key,
    action,
    before: oldValue,
    after: action === 'delete' ? undefined : map.get(key),
  }))
}

// [1] Yjs has no schema and cannot take an update back, so the only way to learn what an
//     update would do is to let Yjs integrate it somewhere. Only the keys it changed are
//     judged, each by its value after the update, so concurrent writes are judged by the
//     value that wins. Every new item hangs under a type that Yjs reports as changed
//     (`transaction.changed`), which is where the structure rule learns what was written.
// [2] The shadow's own 'update' event, not the client's bytes: the same changes, without
//     the parts that could not be integrated (see [3]), so the real doc never holds pending
//     structs that a later update from someone else could complete.
// [3] Kept, a struct whose dependencies are missing would be integrated (and checked, and
//     refused) as part of whichever later update completes it, which may come from another
//     client: one editor could get others refused. An honest y-websocket client only sends
//     such an update right after reconnecting, before it answered our sync step 1, and the
//     step 2 it then sends carries everything after our state vector again.
