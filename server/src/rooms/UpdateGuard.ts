import * as Y from 'yjs'
import { YDOC_META, YDOC_META_SCHEMA, YDOC_RECORDS } from '@wijktafel/shared'
import { BoardRules, DOCUMENT_ID } from '../records/BoardRules.js'
import { fitCloseReason, shortKey } from './closeReason.js'

/**
 * What to do with a client's update: apply `update` to the room's doc (null: it changes
 * nothing), or refuse it for `reason` (at most 123 bytes, for the close frame and the log).
 */
export type GuardVerdict = { ok: true; update: Uint8Array | null } | { ok: false; reason: string }

/** The reason of a refusal because Yjs could not apply the update at all. */
export const UNAPPLIABLE = 'update could not be applied'

type KeyChanges = Map<string, { action: 'add' | 'update' | 'delete'; oldValue: unknown }>

/**
 * Decides whether a client's Yjs update may reach a room's doc, without touching that doc.
 * The update is applied first to a shadow copy of the doc, where Yjs itself works out which
 * keys it changes; only those are checked [1]. An accepted update is handed back as the
 * part the shadow integrated [2]; a refused one poisons the shadow, which is then rebuilt
 * from the real doc.
 */
export class UpdateGuard {
  private shadow!: Y.Doc
  private recordChanges: KeyChanges | null = null
  private metaChanges: KeyChanges | null = null
  /** Problems seen while the update was integrated (writes outside `records` and `meta`). */
  private structural: string | null = null
  private integrated: Uint8Array | null = null

  constructor(
    private readonly doc: Y.Doc,
    private readonly rules: BoardRules,
  ) {
    this.rebuild()
  }

  check(update: Uint8Array): GuardVerdict {
    this.recordChanges = this.metaChanges = this.structural = this.integrated = null
    try {
      Y.applyUpdate(this.shadow, update)
    } catch {
      // Yjs may have integrated part of it before throwing (ENGINEERING.md): only the shadow.
      return this.refuse(UNAPPLIABLE)
    }
    this.dropPending()
    const problem = this.structural ?? this.checkMeta() ?? this.checkRecords()
    if (problem) return this.refuse(problem)
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

  /** The encoded size of the shadow: after check() accepted, the board's size with the update. */
  shadowSize(): number {
    return Y.encodeStateAsUpdate(this.shadow).length
  }

  destroy(): void {
    this.shadow.destroy()
  }

  private refuse(reason: string): GuardVerdict {
    this.rebuild()
    // tldraw's messages quote the offending value, which can be long: cut for the close frame.
    return { ok: false, reason: fitCloseReason(reason) }
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    const roots = new Map<unknown, string>([
      [this.shadow.getMap(YDOC_RECORDS), YDOC_RECORDS],
      [this.shadow.getMap(YDOC_META), YDOC_META],
    ])
    for (const [type, keys] of transaction.changed) {
      const root = roots.get(type)
      if (!root) {
        this.structural ??= `only records and meta may be written, not ${this.describeType(type)}`
      } else if (keys.has(null)) {
        // Items with a root parent and no key: list content hidden inside a map.
        this.structural ??= `${root} is not a list`
      }
    }
  }

  private describeType(type: unknown): string {
    for (const [name, root] of this.shadow.share) if (root === type) return shortKey(name, 24)
    return 'a nested type'
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

  private checkMeta(): string | null {
    if (!this.metaChanges) return null
    const meta = this.shadow.getMap(YDOC_META)
    for (const [key, change] of this.metaChanges) {
      if (key !== YDOC_META_SCHEMA) return `meta.${shortKey(key, 24)} is not allowed`
      const problem = this.rules.checkSchema(meta.get(key), change.oldValue)
      if (problem) return `meta.schema ${problem}`
    }
    return null
  }

  private checkRecords(): string | null {
    if (!this.recordChanges) return null
    const records = this.shadow.getMap(YDOC_RECORDS)
    const docSchema = this.shadow.getMap(YDOC_META).get(YDOC_META_SCHEMA)
    let deletedPage: string | null = null
    for (const [key, change] of this.recordChanges) {
      if (change.action === 'delete') {
        if (key === DOCUMENT_ID) return `cannot delete ${DOCUMENT_ID}`
        if (isPage(change.oldValue)) deletedPage = key
        continue
      }
      const problem = this.rules.checkRecord(key, records.get(key), docSchema)
      if (problem) return `invalid record ${shortKey(key)}: ${problem}`
    }
    // Only an update that deletes a page pays for this scan.
    if (deletedPage && !someValue(records, isPage)) {
      return `cannot delete the last page ${shortKey(deletedPage)}`
    }
    return null
  }
}

/** A map event's key changes; Yjs computes them only during the observer call. */
function keyChanges(event: Y.YMapEvent<unknown>): KeyChanges {
  return event.changes.keys as KeyChanges
}

function isPage(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && 'typeName' in value && value.typeName === 'page'
  )
}

function someValue(map: Y.Map<unknown>, predicate: (value: unknown) => boolean): boolean {
  for (const value of map.values()) if (predicate(value)) return true
  return false
}

// [1] Yjs has no schema and cannot take an update back, so the only way to learn what an
//     update would do is to let Yjs integrate it somewhere. Only the keys it changed are
//     checked, each against its value after the update, so concurrent writes are judged by
//     the value that wins. Every new item hangs under a root type that Yjs reports as
//     changed (`transaction.changed`), so a write anywhere else cannot go unnoticed.
// [2] The shadow's own 'update' event, not the client's bytes: the same changes, without
//     the parts that could not be integrated (see [3]), so the real doc never holds pending
//     structs that a later update from someone else could complete.
// [3] Kept, a struct whose dependencies are missing would be integrated (and checked, and
//     refused) as part of whichever later update completes it, which may come from another
//     client: one editor could get others refused. An honest y-websocket client only sends
//     such an update right after reconnecting, before it answered our sync step 1, and the
//     step 2 it then sends carries everything after our state vector again.
