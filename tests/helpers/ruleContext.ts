import { readDocSchema } from '@wijktafel/shared'
import type { DocSchema, Role } from '@wijktafel/shared'
import type { BoardSize, KeyChange, RootWrite, RuleContext } from '../../server/src/rules/index.js'

/** One side of an update to a map: what it held, what the update sets, what it deletes. */
export interface MapUpdate {
  before?: Record<string, unknown>
  writes?: Record<string, unknown>
  deletes?: string[]
}

export interface RuleContextOptions {
  /** The `records` map: before, and what the update does to it. */
  records?: MapUpdate
  meta?: MapUpdate
  /** The `meeting` map (shared/src/meeting). */
  meeting?: MapUpdate
  /** The `impact` map (shared/src/impact). */
  impact?: MapUpdate
  roots?: RootWrite[]
  role?: Role
  connectionId?: number
  boardId?: string
  size?: Partial<BoardSize>
  /** The schema the writer declared; the doc's `meta.schema` when not given. */
  writerSchema?: DocSchema | null
}

/**
 * A rule's context for an update described in plain objects, as the guard would build it
 * from its shadow; for unit tests of single rules (the guard's own tests use a real doc).
 */
export function ruleContext(options: RuleContextOptions = {}): RuleContext {
  const records = applied(options.records)
  const meta = applied(options.meta)
  const meeting = applied(options.meeting)
  const impact = applied(options.impact)
  const docSchema = readDocSchema(meta.after.get('schema'))
  return {
    boardId: options.boardId ?? 'board',
    role: options.role ?? 'editor',
    connectionId: options.connectionId ?? 1,
    roots: options.roots ?? [],
    changes: records.changes,
    metaChanges: meta.changes,
    meetingChanges: meeting.changes,
    impactChanges: impact.changes,
    docSchema,
    writerSchema: options.writerSchema === undefined ? docSchema : options.writerSchema,
    records: records.after,
    meeting: meeting.after,
    impact: impact.after,
    size: { storedBytes: 0, after: () => 0, before: () => 0, ...options.size },
  }
}

/** `records` as a `before` map: each record under its own id. */
export function byId(...records: { id: string }[]): Record<string, unknown> {
  return Object.fromEntries(records.map((record) => [record.id, record]))
}

function applied({ before = {}, writes = {}, deletes = [] }: MapUpdate = {}) {
  const after = new Map(Object.entries(before))
  const changes: KeyChange[] = []
  for (const [key, value] of Object.entries(writes)) {
    const action = after.has(key) ? 'update' : 'add'
    changes.push({ key, action, before: after.get(key), after: value })
    after.set(key, value)
  }
  for (const key of deletes) {
    changes.push({ key, action: 'delete', before: after.get(key), after: undefined })
    after.delete(key)
  }
  return { after, changes }
}
