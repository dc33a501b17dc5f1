import * as Y from 'yjs'
import {
  CloseCode,
  YDOC_IMPACT,
  YDOC_MEETING,
  YDOC_META,
  YDOC_META_SCHEMA,
  YDOC_RECORDS,
  readDocSchema,
} from '@wijktafel/shared'
import type { DocSchema, Role } from '@wijktafel/shared'
import type {
  ChainRefusal,
  ChainVerdict,
  KeyChange,
  RootWrite,
  RuleChain,
  RuleContext,
  RuleMap,
} from '../rules/index.js'
import { BOARD_SIZE_RULE } from '../rules/boardSizeRule.js'
import { structureRule } from '../rules/structureRule.js'
import { fitCloseReason } from './closeReason.js'
import { updateStructure } from './updateStructure.js'

/**
 * What to do with a client's update: apply `update` to the room's doc (null: it changes
 * nothing), with the refused keys in `corrections` already put back inside it; or refuse
 * it whole with close `code` for `reason` (at most 123 bytes, for the close frame and the
 * log), named by the `rule` that refused it.
 */
export type GuardVerdict =
  | { ok: true; update: Uint8Array | null; corrections: readonly Correction[] }
  | { ok: false; reason: string; code: number; rule: string }

/** A key of an update that a rule refused, put back to its value before the update. */
export interface Correction {
  rule: string
  map: RuleMap
  key: string
  /** At most 123 bytes. */
  reason: string
}

/** The reason of a refusal because Yjs could not apply the update at all. */
export const UNAPPLIABLE = 'update could not be applied'

/** The origin of a refused update taken back in the doc (see UpdateGuard.takeBack). */
export const TAKEN_BACK = Symbol('taken back')

/** Who sent an update: a Connection. */
export interface Writer {
  readonly role: Role
  readonly id: number
  /** The schema it declared when it connected; null or absent: it writes at the doc's. */
  readonly schema?: DocSchema | null
}

/** The board a guard protects, as its rules see it. */
export interface GuardedBoard {
  readonly boardId: string
  /** Bytes of the stored state plus the log after it (RoomStorage). */
  storedBytes(): number
}

type KeyChanges = Map<string, { action: KeyChange['action']; oldValue: unknown }>

/** The maps an update may write, each judged key by key (structureRule refuses the rest). */
const MAPS: readonly RuleMap[] = [YDOC_RECORDS, YDOC_META, YDOC_MEETING, YDOC_IMPACT]

/** What an update does to each key of each map, less the keys put back. */
type UpdateChanges = Record<RuleMap, Map<string, KeyChange>>

/**
 * Decides what of a client's Yjs update may reach a room's doc, without touching that doc.
 * The update is applied first to a shadow copy of the doc, where Yjs itself works out which
 * keys it changes; only those are judged, by the rule chain [1]. An accepted update is
 * handed back as the part the shadow integrated [2]. A key the rules refuse is put back in
 * the shadow, and the update comes back merged with that correction [4]. An update refused
 * whole costs O(update), whatever the board's size [6]: most never reach the shadow, the
 * rest are taken back key by key; only the few kinds that cannot be are followed by a
 * rebuild of the shadow from the real doc.
 */
export class UpdateGuard {
  private shadow!: Y.Doc
  /** What the shadow saw while integrating the client's update (corrections are not seen). */
  private seen = new Map<RuleMap, KeyChanges>()
  /** The root types the update wrote into. */
  private roots: RootWrite[] = []
  /** The shadow's updates in this check: the client's as integrated, then the corrections. */
  private updates: Uint8Array[] = []
  /** How often the shadow was rebuilt from the doc (O(board) each): for tests and benches. */
  rebuilds = 0

  constructor(
    private readonly doc: Y.Doc,
    private readonly chain: RuleChain,
    private readonly board: GuardedBoard,
  ) {
    this.rebuild()
  }

  check(update: Uint8Array, writer: Writer): GuardVerdict {
    this.seen.clear()
    this.roots = []
    this.updates = []
    // Judged from its bytes first, so a refusal leaves the shadow as it is [6].
    const structure = updateStructure(this.shadow, update)
    if (!structure.ok) return this.refuse({ reason: UNAPPLIABLE, rule: 'yjs' })
    // The structure rule reads nothing but `roots`.
    const misplaced = structureRule.check!({
      roots: structure.roots,
    } as Partial<RuleContext> as RuleContext)
    if (misplaced) return this.refuse({ ...misplaced, rule: structureRule.name })
    try {
      Y.applyUpdate(this.shadow, update)
    } catch {
      // Yjs may have integrated part of it before throwing (ENGINEERING.md): only the shadow.
      this.rebuild()
      return this.refuse({ reason: UNAPPLIABLE, rule: 'yjs' })
    }
    this.dropPending()
    // Nothing integrated: nothing changed, so there is nothing to judge.
    if (this.updates.length === 0) return { ok: true, update: null, corrections: [] }
    const changes = Object.fromEntries(
      MAPS.map((name) => [name, changeMap(this.seen.get(name), this.shadow.getMap(name))]),
    ) as UpdateChanges
    let verdict: ChainVerdict
    try {
      verdict = this.chain.check(this.context(writer, changes), (refusals) => {
        this.correct(refusals, changes)
        return this.context(writer, changes)
      })
    } catch (error) {
      this.rebuild() // a rule with a bug must not leave the shadow ahead of the doc
      throw error
    }
    if (verdict.refused) {
      if (REBUILD_AFTER.has(verdict.refused.rule)) this.rebuild()
      else this.takeBack(changes)
      return this.refuse(verdict.refused)
    }
    const merged = this.updates.length === 1 ? this.updates[0]! : Y.mergeUpdates(this.updates)
    return { ok: true, update: merged, corrections: verdict.corrections.map(correction) }
  }

  /** Makes the shadow a fresh copy of the doc; also after the doc changed without check(). */
  rebuild(): void {
    this.rebuilds++
    this.shadow?.destroy()
    const shadow = new Y.Doc({ gc: true })
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc))
    // Observed from here on; the load above is the doc's own state and needs no checking.
    for (const name of MAPS) {
      shadow.getMap(name).observe((event) => {
        if (event.transaction.origin !== this) this.seen.set(name, keyChanges(event))
      })
    }
    shadow.on('afterTransaction', this.onAfterTransaction)
    shadow.on('update', (update: Uint8Array) => this.updates.push(update))
    this.shadow = shadow
  }

  destroy(): void {
    this.shadow.destroy()
  }

  /** The rules' view of the shadow: the update as it stands after the corrections so far. */
  private context(writer: Writer, changes: UpdateChanges): RuleContext {
    const records = this.shadow.getMap(YDOC_RECORDS)
    const docSchema = readDocSchema(this.shadow.getMap(YDOC_META).get(YDOC_META_SCHEMA))
    const bytes = this.updates.reduce((sum, update) => sum + update.length, 0)
    let after: number | undefined
    let before: number | undefined
    return {
      boardId: this.board.boardId,
      role: writer.role,
      connectionId: writer.id,
      roots: this.roots,
      changes: [...changes.records.values()],
      metaChanges: [...changes.meta.values()],
      meetingChanges: [...changes.meeting.values()],
      impactChanges: [...changes.impact.values()],
      docSchema,
      writerSchema: writer.schema ?? docSchema,
      records,
      meeting: this.shadow.getMap(YDOC_MEETING),
      impact: this.shadow.getMap(YDOC_IMPACT),
      size: {
        // The merged update the room stores is never larger than its parts here [4].
        storedBytes: this.board.storedBytes() + bytes,
        after: () => (after ??= Y.encodeStateAsUpdate(this.shadow).length),
        before: () => (before ??= Y.encodeStateAsUpdate(this.doc).length),
      },
    }
  }

  /** Puts the refused keys back to their values before the update, in one transaction [5]. */
  private correct(refusals: readonly ChainRefusal[], changes: UpdateChanges): void {
    this.shadow.transact(() => {
      for (const refusal of refusals) {
        const { map: name = YDOC_RECORDS, key } = refusal
        const pending = changes[name]
        const change = key === undefined ? undefined : pending.get(key)
        if (!change) {
          throw new Error(`${refusal.rule} refused ${name}.${key}, which is not in the update`)
        }
        pending.delete(change.key)
        const map = this.shadow.getMap(name)
        if (change.action === 'add') map.delete(change.key)
        else map.set(change.key, change.before)
      }
    }, this)
  }

  /**
   * Puts every key the update still changes back, in the shadow, and has the doc take the
   * update with that, as a correction of all its keys: both end up with the same items [7].
   */
  private takeBack(changes: UpdateChanges): void {
    this.shadow.transact(() => {
      for (const name of MAPS) {
        const map = this.shadow.getMap(name)
        for (const change of changes[name].values()) {
          if (change.action === 'add') map.delete(change.key)
          else map.set(change.key, change.before)
        }
      }
    }, this)
    try {
      Y.applyUpdate(this.doc, Y.mergeUpdates(this.updates), TAKEN_BACK)
    } catch (error) {
      this.rebuild() // cannot happen: the shadow just integrated the same changes
      throw error
    }
  }

  /** The verdict on an update refused whole; the shadow is already in step with the doc. */
  private refuse(refusal: { reason: string; rule: string; code?: number }): GuardVerdict {
    const { reason, rule, code = CloseCode.UPDATE_REJECTED } = refusal
    // tldraw's messages quote the offending value, which can be long: cut for the close frame.
    return { ok: false, reason: fitCloseReason(reason), code, rule }
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === this) return
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

/**
 * The refusals after which the shadow is rebuilt rather than the update taken back [6]: a
 * structure the pre-check let through would put foreign types into the doc, and a board past
 * its size must not grow by a refused update's deleted items.
 */
const REBUILD_AFTER: ReadonlySet<string> = new Set([structureRule.name, BOARD_SIZE_RULE])

/** A map event's key changes; Yjs computes them only during the observer call. */
function keyChanges(event: Y.YMapEvent<unknown>): KeyChanges {
  return event.changes.keys as KeyChanges
}

function changeMap(changes: KeyChanges | undefined, map: Y.Map<unknown>): Map<string, KeyChange> {
  const result = new Map<string, KeyChange>()
  for (const [key, { action, oldValue }] of changes ?? []) {
    const after = action === 'delete' ? undefined : map.get(key)
    result.set(key, { key, action, before: oldValue, after })
  }
  return result
}

function correction(refusal: ChainRefusal): Correction {
  return {
    rule: refusal.rule,
    map: refusal.map ?? YDOC_RECORDS,
    key: refusal.key!,
    reason: fitCloseReason(refusal.reason),
  }
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
// [4] Yjs cannot take back what the writer already holds, so the refused keys are
//     overwritten instead: in the shadow, right after the update, each is set back to its
//     value before the update (or deleted, when the update added it). The room applies the
//     client's update and that correction as one merged update, in one transaction, so gc
//     drops the refused values before the doc emits what it stores and sends to everyone,
//     the writer included, who thereby converges to the board (ENGINEERING.md, "Converging
//     instead of disconnecting"). Only a new key's name stays, in its deleted item. The
//     correction is written under the shadow's own client id, and the doc takes it in as is,
//     so shadow and doc keep the same items.
// [5] The other ways out were to refuse the update whole, which costs the writer its
//     connection (or leaves it ahead of the board, its later edits waiting for a change the
//     server never took) and a rebuild of the shadow; or to send the writer the board's
//     state, which cannot remove what it already holds. Correcting costs O(refused keys),
//     and nothing per board. Measured with tests/bench/corrections.ts on a 2,000-shape board
//     (2 cores, busy): a one-record update with its record put back takes 0.6 to 1.0 ms
//     through guard and doc, a valid one 0.3 to 0.5 ms; refusing it whole took 100 to 170 ms
//     on the same machine, nearly all of it the rebuild. Each further refused key of the
//     same update adds 0.2 to 0.4 ms (its validation error and its correction).
// [6] Measured with tests/bench/refusals.ts (boards of 100, 2,000 and 10,000 shapes): each
//     kind of refusal of issue 8 is decided in O(update).
//     - Bytes Yjs cannot read, an item it would throw on, and writes outside the four maps
//       (or list content in them, or into a nested type the doc holds) are found in the
//       decoded update, with the places of its items looked up in the shadow's store
//       (updateStructure.ts): refused before anything is integrated.
//     - More than 500 refused records, or any other refusal of the rules that is not about
//       a key, comes after integrating and correcting: the remaining keys are taken back
//       too (O(keys of the update), see [7]).
//     What is still followed by a rebuild (O(board), 60-170 ms at 2,000 shapes): Yjs
//     throwing while integrating in a way updateStructure does not foresee (none is known;
//     the fuzz test in UpdateGuard.refusals.test.ts counts rebuilds), structureRule refusing
//     what updateStructure let through (the same; the rule stays as a second line), a rule
//     throwing (a bug), and a board past MAX_BOARD_BYTES. The last one is not cheap to
//     trigger: only a board within one update of its limit gets there, and judging it already
//     encodes the whole board (O(board)) for every update, accepted or refused, so the
//     rebuild at most triples a cost the board's size already sets; taking the update back
//     instead would let a full board grow by the refused update's deleted items.
// [7] The same as a correction [4] of every key the update changes: the doc takes the
//     client's items and, in the same transaction, the shadow's update that puts each key
//     back, so gc leaves only deleted items (and the names of new keys). The doc emits it
//     (stored, and sent to everyone as a change that changes nothing) before the room closes
//     the writer's connection. Shadow and doc keep the same items, as after a correction.
