import {
  STRUCTURE_LOCKED,
  ZONE_SHAPE,
  canChangeStructure,
  isStructureShape,
} from '@wijktafel/shared'
import { shortKey } from '../rooms/closeReason.js'
import {
  MAX_DEPTH,
  deletedBindings,
  deletedUnder,
  deletedRecords,
  isObject,
} from './deletedUnder.js'
import type { KeyChange, Refusal, Rule, RuleContext } from './Rule.js'

/**
 * The structure is locked: only the facilitator moves, changes, deletes, locks or unlocks
 * a map's zones, legend, frames and locked shapes (`isStructureShape` in @wijktafel/shared).
 * An editor may add them (a map built from a template) [1]. For an editor's update, put back:
 * - an update or delete of a structure shape, with what the same update deleted around it
 *   (the parents it hangs in, the cards in it, the bindings to it) [2]; an update that turns a shape into
 *   structure or locks or unlocks it counts too. Allowed: a lane forgetting its partner, the
 *   only change `props.participantId` becoming null, when that participant is gone [3];
 * - what holds structure (its page, a group or frame above it) when the update deletes it or
 *   moves it elsewhere: a page comes back with everything deleted on it, as
 *   documentInvariantsRule puts back a last page [4].
 */
export const structureLockRule: Rule = {
  name: 'structure lock',
  check: (context) => refusals(context)[0] ?? null,
  checkAll: refusals,
}

function refusals(context: RuleContext): Refusal[] {
  if (canChangeStructure(context.role)) return []
  const touched = context.changes.filter(touchesStructure)
  const uprooted = context.changes.filter(isUprooted)
  if (touched.length === 0 && uprooted.length === 0) return []
  const deleted = deletedRecords(context.changes)
  const putBack = new Map<string, string>()
  const add = (key: string, reason: string) => putBack.has(key) || putBack.set(key, reason)

  // Holders first: a page brings back its shapes, which may be what a lane's partner is.
  for (const holder of uprootedHolders(context, uprooted)) {
    const reason = holder.startsWith('page:')
      ? `${STRUCTURE_LOCKED}: ${shortKey(holder)} holds the map's structure`
      : `${STRUCTURE_LOCKED}: only the facilitator may change ${shortKey(holder)}`
    const under = deleted.has(holder) || holder.startsWith('page:')
    for (const key of [holder, ...(under ? deletedUnder(holder, context.changes) : [])]) {
      add(key, reason)
    }
  }
  for (const change of touched) {
    const { key, action } = change
    if (putBack.has(key) || forgetsGonePartner(change, context, putBack)) continue
    const reason = `${STRUCTURE_LOCKED}: only the facilitator may change ${shortKey(key)}`
    add(key, reason)
    if (action !== 'delete') continue
    const around = [
      ...deletedParents(key, deleted),
      ...deletedBindings(new Set([key]), deleted),
      ...deletedUnder(key, context.changes),
    ]
    for (const other of around) add(other, reason)
  }
  return [...putBack].map(([key, reason]) => ({ key, reason }))
}

/** An update or delete of a record that is structure before or after it. */
function touchesStructure({ action, before, after }: KeyChange): boolean {
  return action !== 'add' && (isStructureShape(before) || isStructureShape(after))
}

/** A record this update deletes or hangs under another parent. */
function isUprooted({ action, before, after }: KeyChange): boolean {
  if (action === 'delete') return isObject(before)
  return (
    action === 'update' && isObject(before) && isObject(after) && before.parentId !== after.parentId
  )
}

/**
 * The records above a structure shape (its page, groups, frames) that this update deletes or
 * moves, judged on the board as it was: so a structure shape the update moved elsewhere,
 * which this rule puts back, still counts where it stood.
 */
function uprootedHolders(context: RuleContext, uprooted: readonly KeyChange[]): Set<string> {
  const holders = new Set<string>()
  if (uprooted.length === 0) return holders
  const changes = new Map(context.changes.map((change) => [change.key, change]))
  const moved = new Set(uprooted.map((change) => change.key))
  const before = (id: string): unknown => {
    const change = changes.get(id)
    return change ? change.before : context.records.get(id)
  }
  const structure: unknown[] = []
  for (const record of context.records.values()) {
    if (isStructureShape(record) && !changes.has((record as { id: string }).id)) {
      structure.push(record)
    }
  }
  for (const change of changes.values()) {
    if (isStructureShape(change.before)) structure.push(change.before)
  }
  for (const shape of structure) {
    let parent = (shape as Record<string, unknown>).parentId
    for (let depth = 0; typeof parent === 'string' && depth < MAX_DEPTH; depth++) {
      if (moved.has(parent)) holders.add(parent)
      if (parent.startsWith('page:')) break
      const next = before(parent)
      parent = isObject(next) ? next.parentId : undefined
    }
  }
  return holders
}

/** The shapes above `key` that the same update deleted, nearest first. */
function deletedParents(
  key: string,
  deleted: ReadonlyMap<string, Record<string, unknown>>,
): string[] {
  const parents: string[] = []
  let parent = deleted.get(key)?.parentId
  while (typeof parent === 'string' && parents.length < MAX_DEPTH) {
    const record = deleted.get(parent)
    if (!record || record.typeName !== 'shape') break
    parents.push(parent)
    parent = record.parentId
  }
  return parents
}

/**
 * A lane that forgets its deleted partner: a zone whose only change is `props.participantId`
 * becoming null, while that participant is not on the board (and not being put back).
 */
function forgetsGonePartner(
  { action, before, after }: KeyChange,
  { records }: RuleContext,
  putBack: ReadonlyMap<string, string>,
): boolean {
  if (action !== 'update' || !isZone(before) || !isZone(after)) return false
  const partner = (before.props as Record<string, unknown>).participantId
  if (
    typeof partner !== 'string' ||
    (after.props as Record<string, unknown>).participantId !== null
  ) {
    return false
  }
  if (records.has(partner) || putBack.has(partner)) return false
  const restored = { ...after, props: { ...(after.props as object), participantId: partner } }
  return sameJson(before, restored)
}

function isZone(value: unknown): value is Record<string, unknown> & { props: object } {
  return (
    isObject(value) &&
    value.typeName === 'shape' &&
    value.type === ZONE_SHAPE &&
    isObject(value.props)
  )
}

/** Deep equality of two JSON values (key order does not matter). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
}

// [1] "Maak partnerschapskaart" and a template page create zones and a legend, and a person
//     who may write may do that. What cannot happen by accident during a meeting is the
//     map's frame moving under everyone's cards, a section title changing, or a lane going.
// [2] A zone put back into a parent (a group, a frame) that the same update deleted would
//     hang nowhere; without the cards tldraw deleted with it, it would come back empty; a
//     binding to it would leave an arrow that no longer follows it.
// [3] The client clears a deleted participant from every lane in the change that deletes
//     it (client/src/shapes/participant/forgetDeletedParticipants.ts); refusing that would
//     leave a lane pointing at nobody. Only a participant that is gone frees its lane, so
//     an editor cannot empty a lane of a partner who is still on the map.
// [4] Judged on the board before the update: an editor who moves a page's zones to another
//     page and deletes the page in one update gets the zones put back on that page, so the
//     page must stay too; a group or frame the layout hangs in may not go or move either.
