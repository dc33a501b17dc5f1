import {
  createPresenceStateDerivation,
  createUserId,
  InstancePresenceRecordType,
  react,
  UserRecordType,
  type Signal,
  type TLInstancePresence,
  type TLRecord,
  type TLStore,
  type TLUser,
} from 'tldraw'
import type { Role } from '@wijktafel/shared'
import type { Awareness } from 'y-protocols/awareness'
import {
  applyRemoteChanges,
  checkRemoteRecord,
  consoleWarn,
  existingIdsInScope,
  isPlainObject,
  type Warn,
} from './remoteRecords'

/** The awareness field that carries a client's tldraw presence record. */
export const PRESENCE_FIELD = 'presence'
/** The awareness field that carries a client's role (facilitator, editor, viewer). */
export const ROLE_FIELD = 'role'
/** At most 20 presence updates a second (ENGINEERING.md: throttle awareness). */
export const PRESENCE_THROTTLE_MS = 50

/** A person as the app knows them; `id` is stable per browser (not the Yjs client id). */
export interface PresenceUser {
  id: string
  name: string
  color: string
}

/** The tldraw user record for a person: tldraw 5 user ids carry a `user:` prefix. */
export function toTLUser(user: PresenceUser): TLUser {
  return UserRecordType.create({ id: createUserId(user.id), name: user.name, color: user.color })
}

/** The id of the presence record that stands for a Yjs client in other clients' stores. */
export function presenceIdFor(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(String(clientId))
}

export interface PresenceOptions {
  store: TLStore
  awareness: Awareness
  /** The person at this browser; tldraw's attribution can share the same signal. */
  $user: Signal<TLUser | null>
  /** Published beside the presence, for the participants list; not checked by anyone. */
  role?: Role
  throttleMs?: number
  warn?: Warn
}

/**
 * Shares presence (cursor, selection, camera, name and colour) through Yjs awareness:
 * publishes ours, throttled with a trailing edge so the last position always goes out, and
 * mirrors everyone else's as `instance_presence` records, from which tldraw draws their
 * cursors and selections itself. Returns a function that stops it all.
 */
export function bindPresence({
  store,
  awareness,
  $user,
  role,
  throttleMs = PRESENCE_THROTTLE_MS,
  warn = consoleWarn,
}: PresenceOptions): () => void {
  const $presence = createPresenceStateDerivation($user, {
    instanceId: presenceIdFor(awareness.clientID),
  })(store)
  const publish = trailingThrottle((presence: TLInstancePresence | null) => {
    awareness.setLocalStateField(PRESENCE_FIELD, presence)
  }, throttleMs)
  const stopPublishing = react('publish presence', () => publish.call($presence.get()))
  if (role) awareness.setLocalStateField(ROLE_FIELD, role)

  const activity = new Map<number, { theirs: number; ours: number }>()
  const warned = new Set<number>()
  const check = (clientId: number) => {
    const value = awareness.getStates().get(clientId)?.[PRESENCE_FIELD] as unknown
    if (value === null || value === undefined) return undefined
    // The id is ours to derive: a peer cannot overwrite another peer's presence.
    const id = presenceIdFor(clientId)
    return checkRemoteRecord(store, id, isPlainObject(value) ? { ...value, id } : value, 'presence')
  }
  const mirror = (clientIds: readonly number[]) => {
    const puts: TLRecord[] = []
    const gone: string[] = []
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue
      const checked = check(clientId)
      if (checked?.ok && checked.record.typeName === 'instance_presence') {
        const stamp = checked.record.lastActivityTimestamp
        puts.push({ ...checked.record, lastActivityTimestamp: localTime(clientId, stamp) })
        continue
      }
      if (checked && !warned.has(clientId)) {
        warned.add(clientId) // once per client: presence arrives up to 20 times a second
        warn(
          `skipped the presence of client ${clientId}: ${checked.ok ? 'wrong type' : checked.reason}`,
        )
      }
      activity.delete(clientId)
      gone.push(presenceIdFor(clientId))
    }
    applyRemoteChanges(store, puts, existingIdsInScope(store, gone, 'presence'), warn)
  }
  // tldraw hides idle and inactive people by comparing `lastActivityTimestamp` with our own
  // clock; a tablet whose clock is off would vanish or never idle. So activity is stamped
  // with our clock at the moment we see the peer's stamp change [1].
  const localTime = (clientId: number, theirs: number | null): number | null => {
    if (!theirs) return theirs
    const seen = activity.get(clientId)
    if (seen && seen.theirs === theirs) return seen.ours
    const ours = Date.now()
    activity.set(clientId, { theirs, ours })
    return ours
  }
  const onChange = (change: { added: number[]; updated: number[]; removed: number[] }) =>
    mirror([...change.added, ...change.updated, ...change.removed])
  awareness.on('change', onChange)
  mirror([...awareness.getStates().keys()])

  return () => {
    awareness.off('change', onChange)
    stopPublishing()
    publish.cancel()
    if (awareness.getLocalState() !== null) awareness.setLocalStateField(PRESENCE_FIELD, null)
    const mirrored = store.query.ids('instance_presence').get()
    applyRemoteChanges(store, [], [...mirrored], warn)
  }
}

/**
 * Calls `fn` at most once per `ms`: at once when the last call is long enough ago,
 * otherwise at the end of the interval with the latest value.
 */
export function trailingThrottle<T>(fn: (value: T) => void, ms: number) {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest: T
  const flush = () => {
    timer = undefined
    last = Date.now()
    fn(latest)
  }
  return {
    call(value: T) {
      latest = value
      if (timer !== undefined) return
      const wait = last + ms - Date.now()
      if (wait <= 0) flush()
      else timer = setTimeout(flush, wait)
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
}

// [1] A stamp of null or 0 means "active right now" to tldraw and is passed on unchanged.
