import { CloseCode, YDOC_RECORDS } from '@wijktafel/shared'
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
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  connectionStateOf,
  isFinalRefusal,
  refusalOf,
  type ConnectionState,
  type Refusal,
} from './connectionState'
import { bindPresence } from './presence'
import { consoleWarn, type Warn } from './remoteRecords'
import { YjsStoreBridge } from './YjsStoreBridge'

export interface BoardConnectionOptions {
  boardId: string
  token: string
  /** A viewer: nothing is written to the doc; tldraw is put in read-only mode. */
  readOnly: boolean
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
  refusal: Refusal | undefined
  /** The board was saved by a newer version of the app: edits no longer sync until a reload. */
  outdated: boolean
}

/** How long a connection must stay up before a retried refusal (storage) is forgotten. */
const REFUSAL_CLEAR_MS = 5_000

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
  private readonly listeners = new Set<() => void>()
  private readonly warn: Warn
  private state: BoardSyncState
  private everSynced = false
  private refusal: Refusal | undefined
  private refusalTimer: ReturnType<typeof setTimeout> | undefined
  private stopPresence: (() => void) | undefined
  private destroyed = false

  constructor(private readonly options: BoardConnectionOptions) {
    this.warn = options.warn ?? consoleWarn
    this.store = createTLStore({
      shapeUtils: [...defaultShapeUtils, ...(options.shapeUtils ?? [])],
      bindingUtils: [...defaultBindingUtils, ...(options.bindingUtils ?? [])],
      users: { currentUser: options.$user },
      collaboration: {
        status: this.$status,
        mode: atom('collaboration mode', options.readOnly ? 'readonly' : 'readwrite'),
      },
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
      params: { token: options.token },
      connect: false,
    })
    this.provider.on('sync', this.onSync)
    this.provider.on('status', this.refresh)
    this.provider.on('connection-close', this.onClose)
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
    clearTimeout(this.refusalTimer)
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
      this.persistence = new IndexeddbPersistence(`wijktafel:${this.options.boardId}`, this.doc)
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
    this.startBridge()
    if (this.refusal && !isFinalRefusal(this.refusal)) {
      clearTimeout(this.refusalTimer)
      this.refusalTimer = setTimeout(() => {
        this.refusal = undefined
        this.refresh()
      }, REFUSAL_CLEAR_MS)
    }
    this.refresh()
  }

  private readonly onClose = (event: CloseEvent | null): void => {
    clearTimeout(this.refusalTimer)
    const refusal = event ? refusalOf(event.code, event.reason) : undefined
    if (refusal) {
      this.refusal = refusal
      // Resending the same local state would be refused again, and a deleted board's copy
      // should not outlive it: drop the offline copy so a reload starts from the server.
      if (refusal.code === CloseCode.UPDATE_REJECTED || refusal.code === CloseCode.BOARD_GONE) {
        void this.persistence?.clearData().catch(() => {})
        this.persistence = undefined
      }
    }
    this.refresh()
  }

  private readonly onOnline = (): void => {
    // y-websocket retries every few seconds on its own; the network is back, try right now.
    if (!isFinalRefusal(this.refusal)) this.provider.connect()
    this.refresh()
  }

  private readonly refresh = (): void => {
    if (this.destroyed) return
    const next = this.computeState()
    const prev = this.state
    this.$status.set(next.connection === 'connected' ? 'online' : 'offline')
    if (
      next.connection === prev.connection &&
      next.refusal === prev.refusal &&
      next.outdated === prev.outdated &&
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
    })
    const store: TLStoreWithStatus = this.bridge.started
      ? {
          status: 'synced-remote',
          connectionStatus: connection === 'connected' ? 'online' : 'offline',
          store: this.store,
        }
      : { status: 'loading' }
    return { store, connection, refusal: this.refusal, outdated: this.bridge.outdated }
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
