import type { DocSchema, Role } from '@wijktafel/shared'

/** The root maps an update may write: each holds JSON values by key. */
export type RuleMap = 'records' | 'meta' | 'meeting' | 'impact'

/**
 * One check every editor's update passes before it reaches a board. Rules run in a fixed
 * order (`createRuleChain` in index.ts). A refusal that names a key is corrected: that key
 * is put back and the next rules judge the rest; a refusal without a key refuses the whole
 * update and closes the connection [3]. A rule sees the update only through its context and
 * must not change anything [1].
 */
export interface Rule {
  /** Short and unique; names the rule in logs and tests. */
  readonly name: string
  /** The first problem, or null. */
  check(context: RuleContext): Refusal | null
  /**
   * Every problem at once (it may stop at one without a key), for a rule that judges keys
   * one by one: an update with many refused keys then costs one pass. Without it, the chain
   * asks `check` again after each correction.
   */
  checkAll?(context: RuleContext): Refusal[]
}

/** Why (part of) an update is refused. `reason` goes to the writer and the log. */
export interface Refusal {
  /** The key refused: only this key is put back, the rest of the update goes through. */
  key?: string
  /** The map `key` is in; `records` when not given [4]. */
  map?: RuleMap
  reason: string
  /** The close code when no key is named; 4422 (update rejected) unless the rule says otherwise. */
  code?: number
}

/** What one update does to one key of the `records`, `meta`, `meeting` or `impact` map. */
export interface KeyChange {
  key: string
  action: 'add' | 'update' | 'delete'
  /** The value before the update (undefined for an add). */
  before: unknown
  /** The value after the update, as the shadow holds it (undefined for a delete). */
  after: unknown
}

/** A root type an update wrote into. */
export interface RootWrite {
  /** The root's name; null for a type nested inside another. */
  name: string | null
  /** True when the update added items without a key: list content. */
  listContent: boolean
}

/** Read access to a whole map after the update. */
export interface MapView {
  get(key: string): unknown
  has(key: string): boolean
  values(): IterableIterator<unknown>
  entries(): IterableIterator<[string, unknown]>
  readonly size: number
}

/** The `records` map after the update. */
export type RecordsView = MapView

/** The board's size, measured only when a rule asks. */
export interface BoardSize {
  /** Bytes the store holds (state and log) plus this update: never less than `after()` [2]. */
  readonly storedBytes: number
  /** The board's encoded size after the update (one encode of the shadow, on first call). */
  after(): number
  /** The board's encoded size before the update (one encode of the doc, on first call). */
  before(): number
}

/** Everything a rule learns about one update. */
export interface RuleContext {
  readonly boardId: string
  /** The writer's role; viewers never get here. */
  readonly role: Role
  /** The writer's connection, unique within the server process. */
  readonly connectionId: number
  /** The root types the update wrote into, in the order Yjs reported them. */
  readonly roots: readonly RootWrite[]
  /** The keys of `records` the update changed, less those an earlier rule had put back. */
  readonly changes: readonly KeyChange[]
  /** The keys of `meta` the update changed, less those an earlier rule had put back. */
  readonly metaChanges: readonly KeyChange[]
  /** The keys of `meeting` the update changed, less those an earlier rule had put back. */
  readonly meetingChanges: readonly KeyChange[]
  /** The keys of `impact` the update changed, less those an earlier rule had put back. */
  readonly impactChanges: readonly KeyChange[]
  /** The doc's `meta.schema` after the update, or null when it holds no readable one. */
  readonly docSchema: DocSchema | null
  /**
   * The schema the writer's records are at: the one its connection declared when it
   * connected, else `docSchema`.
   */
  readonly writerSchema: DocSchema | null
  /** The whole `records` map after the update, for rules about the board as a whole. */
  readonly records: RecordsView
  /** The whole `meeting` map after the update (shared/src/meeting). */
  readonly meeting: MapView
  /** The whole `impact` map after the update (shared/src/impact). */
  readonly impact: MapView
  readonly size: BoardSize
}

// [1] The update has already been integrated into the guard's shadow doc, which is what the
//     context reads. A corrected key is put back in the shadow too, so later rules see the
//     board as it will be; a refusal of the whole update rebuilds the shadow from the real
//     doc, so nothing a rule sees ever reaches the board unless every rule accepts it.
// [2] Every stored byte is part of the board or of the log that compaction folds away, so
//     while the store's bytes fit a limit, so does the board, and knowing it costs nothing.
// [3] Yjs cannot take back what a client already holds, but the server can take the update
//     and, in the same transaction, put the refused keys back: one merged update that every
//     client, the writer included, converges to (UpdateGuard [4]). So refusing one record
//     costs nobody their connection. Closing is left for abuse: undecodable or unappliable
//     frames, writes outside `records`, `meta`, `meeting` and `impact`, sizes and rates.
// [4] One way to put a key back, whatever map it is in: the guard restores the key's value
//     before the update in that map. Most refusals are about records, so that is the default.
