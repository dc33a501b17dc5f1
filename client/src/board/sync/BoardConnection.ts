import {
  MessageType,
  SCHEMA_PARAM,
  schemaParam,
  syncProtocols,
  YDOC_RECORDS,
  type Role,
} from '@wijktafel/shared'
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Signal,
  type TLAnyBindingUtilConstructor,
  type TLAnyShapeUtilConstructor,
  type TLStore,
  type TLStoreWithStatus,
  type TLUser,
} from 'tldraw'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as authProtocol from 'y-protocols/auth'
import type { Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  CloseStreak,
  connectionStateOf,
  isSameClose,
  judgeClose,
  type ConnectionState,
  type ServerClose,
} from './connectionState'
import { offlineCopyName, quarantineOfflineCopy } from './offlineCopy'
import { bindPresence } from './presence'
import { forgetReload, reloadOnce } from './reloadOnce'
import { consoleWarn, type Warn } from './remoteRecords'
import { serverNoticeOf, type ServerNotice } from './serverNotice'
import { YjsStoreBridge } from './YjsStoreBridge'

export interface BoardConnectionOptions {
  boardId: string
  token: string
  /** A viewer: nothing is written to the doc; tldraw is put in read-only mode. */
  readOnly: boolean
  /** The role of the link, published with presence for the participants list. */
  role?: Role
  /** The person at this browser, for presence and tldraw's attribution. */
  $user: Signal<TLUser | null>
  /** `ws(s)://host[:port]` (or `http(s)://`) of the sync server; default: this page's host. */
  serverUrl?: string
  /** Custom shapes and bindings, on top of tldraw's defaults. Pass the same to `<Tldraw>`. */
  shapeUtils?: readonly TLAnyShapeUtilConstructor[]
  bindingUtils?: readonly TLAnyBindingUtilConstructor[]
  warn?: Warn
}

export interface BoardSyncState {
  /** For `<Tldraw store={...}>`: `loading` until the doc holds the board. */
  store: TLStoreWithStatus
  connection: ConnectionState
  /**
   * The last close by the server or the network, judged by CLOSE_POLICY: kept until a
   * connection stays up for a while, and for good once it says to stop.
   */
  close: ServerClose | undefined
  /** The board was saved by a newer version of the app: edits no longer sync until a reload. */
  outdated: boolean
  /** Nobody may change the board in this tab: a viewer, a stopped connection, or outdated. */
  readOnly: boolean
  /** The latest thing the server said without closing: a change of ours it put back. */
  notice: ServerNotice | undefined
  /** The doc and awareness once the board is shown (the meeting panel reads both), or null. */
  room: BoardRoom | null
}

export interface BoardRoom {
  doc: Y.Doc
  awareness: Awareness
}

/** How long a connection must stay up before the closes before it are forgotten. */
const HEALTHY_MS = 5_000

/**
 * One open board: Y.Doc, offline copy (IndexedDB), WebSocket provider, the store bridge and
 * presence, plus the connection state the UI shows. Framework-free; `useBoardSync` wraps it.
 */
export class BoardConnection {
  readonly doc = new Y.Doc()
  readonly store: TLStore
  private readonly bridge: YjsStoreBridge
  private readonly provider: WebsocketProvider
  private persistence: IndexeddbPersistence | undefined
  private readonly $status = atom<'online' | 'offline'>('connection status', 'offline')
  /** tldraw's read-only mode follows this (Editor: 'update collaboration mode') [2]. */
  private readonly $mode
  private readonly listeners = new Set<() => void>()
  private readonly warn: Warn
  private state: BoardSyncState
  private everSynced = false
  private close: ServerClose | undefined
  private readonly streak = new CloseStreak()
  private healthyTimer: ReturnType<typeof setTimeout> | undefined
  private notice: ServerNotice | undefined
  private notices = 0
  /** The server answered a write with `read-only`: this token may only look. */
  private deniedWrite = false
  private stopPresence: (() => void) | undefined
  private destroyed = false
  private room: BoardRoom | undefined

  constructor(private readonly options: BoardConnectionOptions) {
    this.warn = options.warn ?? consoleWarn
    this.$mode = atom<'readonly' | 'readwrite'>(
      'collaboration mode',
      options.readOnly ? 'readonly' : 'readwrite',
    )
    this.store = createTLStore({
      shapeUtils: [...defaultShapeUtils, ...(options.shapeUtils ?? [])],
      bindingUtils: [...defaultBindingUtils, ...(options.bindingUtils ?? [])],
      users: { currentUser: options.$user },
      collaboration: { status: this.$status, mode: this.$mode },
    })
    this.bridge = new YjsStoreBridge({
      store: this.store,
      doc: this.doc,
      readOnly: options.readOnly,
      warn: this.warn,
      onOutdated: () => this.refresh(),
    })
    const base = (options.serverUrl ?? pageOrigin()).replace(/^http/, 'ws').replace(/\/+$/, '')
    this.provider = new WebsocketProvider(`${base}/sync`, options.boardId, this.doc, {
      // The schema lets the server send an older app to reload (4426) before it syncs [3].
      params: { [SCHEMA_PARAM]: schemaParam(this.store.schema.serialize()) },
      // The token travels in Sec-WebSocket-Protocol, never in the URL [5].
      protocols: syncProtocols(options.token),
      connect: false,
      shouldReconnect: (event) => this.onServerClose(event),
    })
    this.provider.messageHandlers[MessageType.AUTH] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.onDenied(reason))
    this.provider.on('sync', this.onSync)
    this.provider.on('status', this.refresh)
    window.addEventListener('online', this.onOnline)
    window.addEventListener('offline', this.refresh)
    this.state = this.computeState()
    // React StrictMode mounts, unmounts and mounts again in one go: opening the socket and
    // the database only after the current task skips the first, short-lived instance.
    queueMicrotask(() => this.open())
  }

  getState = (): BoardSyncState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    clearTimeout(this.healthyTimer)
    window.removeEventListener('online', this.onOnline)
    window.removeEventListener('offline', this.refresh)
    this.stopPresence?.()
    this.bridge.destroy()
    this.provider.destroy() // tells the others we left; the awareness goes with the doc
    void this.persistence?.destroy().catch(() => {})
    this.doc.destroy()
    this.store.dispose()
    this.state = { ...this.state, store: { status: 'loading' } }
    this.emit()
  }

  private open(): void {
    if (this.destroyed) return
    try {
      const name = offlineCopyName(this.options.boardId)
      this.persistence = new IndexeddbPersistence(name, this.doc)
      this.persistence.on('synced', this.onLocalCopyLoaded)
    } catch (error) {
      this.warn('no offline copy (IndexedDB unavailable)', error)
    }
    this.provider.connect()
  }

  /** The doc holds the board: from the server, or from the offline copy [1]. */
  private startBridge(): void {
    if (this.destroyed || this.bridge.started) return
    this.bridge.start()
    this.stopPresence = bindPresence({
      store: this.store,
      awareness: this.provider.awareness,
      $user: this.options.$user,
      role: this.options.role,
      warn: this.warn,
    })
    this.refresh()
  }

  private readonly onLocalCopyLoaded = (): void => {
    if (this.doc.getMap(YDOC_RECORDS).size > 0) this.startBridge()
  }

  private readonly onSync = (synced: boolean): void => {
    if (!synced) return
    this.everSynced = true
    forgetReload(this.options.boardId)
    this.startBridge()
    clearTimeout(this.healthyTimer)
    this.healthyTimer = setTimeout(() => {
      this.streak.reset()
      if (!this.stopped) this.close = undefined
      this.refresh()
    }, HEALTHY_MS)
    this.refresh()
  }

  /** y-websocket's `shouldReconnect`: asked on every close that did not come from us. */
  private onServerClose(event: CloseEvent): boolean {
    clearTimeout(this.healthyTimer)
    if (this.stopped) return false
    const close = judgeClose(event.code, event.reason, this.streak.record(event.code))
    if (close.then === 'reload' && reloadOnce(this.options.boardId)) return false
    // A retry that fails the same way changes nothing a person sees.
    if (!isSameClose(close, this.close)) this.close = close
    if (close.then !== 'reconnect') this.stop(close)
    this.refresh()
    return close.then === 'reconnect'
  }

  /** No more connecting: resending our state would be refused again, or cannot help. */
  private stop(close: ServerClose): void {
    if (close.offlineCopy === 'quarantine') {
      // Kept as it is under its name; the next visit starts from the server (offlineCopy.ts).
      quarantineOfflineCopy(this.options.boardId, `${close.code} ${close.reason}`)
      void this.persistence?.destroy().catch(() => {})
      this.persistence = undefined
    }
    // After y-websocket has finished with this close: leave the other tabs of this board too.
    queueMicrotask(() => this.provider.disconnect())
  }

  private get stopped(): boolean {
    return !!this.close && this.close.then !== 'reconnect'
  }

  /** A y-protocols permission-denied message: the server put a change back [4]. */
  private onDenied(reason: string): void {
    const notice = serverNoticeOf(reason, ++this.notices)
    this.warn(`the server did not take a change: ${reason}`)
    if (!notice) return
    if (notice.kind === 'readOnly') this.deniedWrite = true
    this.notice = notice
    this.refresh()
  }

  private readonly onOnline = (): void => {
    // y-websocket retries every few seconds on its own; the network is back, try right now.
    if (!this.stopped) this.provider.connect()
    this.refresh()
  }

  private readonly refresh = (): void => {
    if (this.destroyed) return
    const next = this.computeState()
    const prev = this.state
    this.$status.set(next.connection === 'connected' ? 'online' : 'offline')
    this.$mode.set(next.readOnly ? 'readonly' : 'readwrite')
    if (
      next.connection === prev.connection &&
      next.close === prev.close &&
      next.outdated === prev.outdated &&
      next.readOnly === prev.readOnly &&
      next.notice === prev.notice &&
      next.store.status === prev.store.status &&
      (next.store.status !== 'synced-remote' ||
        prev.store.status !== 'synced-remote' ||
        next.store.connectionStatus === prev.store.connectionStatus)
    ) {
      return
    }
    this.state = next
    this.emit()
  }

  private computeState(): BoardSyncState {
    const connection = connectionStateOf({
      online: typeof navigator === 'undefined' || navigator.onLine,
      synced: this.provider.synced,
      everSynced: this.everSynced,
      stopped: this.stopped,
    })
    const store: TLStoreWithStatus = this.bridge.started
      ? {
          status: 'synced-remote',
          connectionStatus: connection === 'connected' ? 'online' : 'offline',
          store: this.store,
        }
      : { status: 'loading' }
    const outdated = this.bridge.outdated
    const readOnly = this.options.readOnly || this.stopped || outdated || this.deniedWrite
    // One object per connection, so its identity changes only when the board is shown.
    this.room ??= { doc: this.doc, awareness: this.provider.awareness }
    const room = this.bridge.started ? this.room : null
    return { store, connection, close: this.close, outdated, readOnly, notice: this.notice, room }
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener()
  }
}

function pageOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`
}

// [1] The offline copy is used as soon as it holds a board, even before the server answers:
//     the board shows at once, and the server's changes arrive as ordinary remote changes.
//     An empty doc is only initialised after the server said it is empty (provider synced),
//     never from an empty or missing offline copy.
// [2] tldraw applies the mode with `updateInstanceState({ isReadonly })` whenever it changes,
//     from the editor's first moment on; setting `isReadonly` by hand would be overwritten
//     the next time the mode changes, and could overwrite a stop that came before mount.
// [3] SCHEMA_PARAM in @wijktafel/shared: the store's own schema (tldraw's shapes and ours),
//     about 1.6 KB URL-encoded. The server compares it with the board's `meta.schema`.
// [4] The y-websocket default only logs it. `read-only` answers a viewer's write; with
//     `refused:<reason>` the server corrected our update (shared/src/protocol/refusals.ts):
//     everyone, we too, has the board as it was, and the connection stays up.
// [5] A URL shows up where a header does not: the browser's console prints it on every
//     failed connection (offline, server restarting), proxies log it. The server answers
//     with the `wijktafel` protocol, never the token one (shared/src/protocol/syncAuth.ts).
