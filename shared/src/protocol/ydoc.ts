/**
 * Layout of a board's Y.Doc, shared by the client bridge, the server and other tools.
 * - `records`: Y.Map from tldraw record id to the record as a plain JSON object. Only
 *   document-scope records (pages, shapes, bindings, assets, document) live here.
 * - `meta`: Y.Map with `schema`, the tldraw SerializedSchema the records were written with.
 * - `meeting`: Y.Map with the meeting around the board (follow, timer, vote, ballots):
 *   YDOC_MEETING and its keys in shared/src/meeting/meeting.ts.
 * - `impact`: Y.Map with measurements (added, never changed or deleted), evaluation rounds
 *   and each action's status per round: YDOC_IMPACT and its keys in
 *   shared/src/impact/impact.ts.
 */
export const YDOC_RECORDS = 'records'
export const YDOC_META = 'meta'
export const YDOC_META_SCHEMA = 'schema'

/** Yjs y-websocket message types (y-protocols). 2 is auth (permission denied). */
export const MessageType = { SYNC: 0, AWARENESS: 1, AUTH: 2, QUERY_AWARENESS: 3 } as const
export const SyncMessageType = { STEP1: 0, STEP2: 1, UPDATE: 2 } as const

/** The reason a viewer's connection is told when it tries to write. */
export const READ_ONLY_REASON = 'read-only'
