import { canWrite, type Role } from '@wijktafel/shared'
import { useEffect, useState, useSyncExternalStore } from 'react'
import {
  atom,
  type TLAnyBindingUtilConstructor,
  type TLAnyShapeUtilConstructor,
  type TLUser,
} from 'tldraw'
import { BoardConnection, type BoardSyncState } from './BoardConnection'
import { toTLUser, type PresenceUser } from './presence'

export type { ConnectionState, ServerClose } from './connectionState'
export type { ServerNotice } from './serverNotice'
export type { BoardRoom, BoardSyncState } from './BoardConnection'

export interface UseBoardSyncOptions {
  boardId: string
  token: string
  role: Role
  /** The person at this browser; name and colour may change while the board is open. */
  user: PresenceUser
  /** `ws(s)://` or `http(s)://` base of the sync server; default: this page's host. */
  serverUrl?: string
  /** Custom shapes and bindings (read once per board); pass the same ones to `<Tldraw>`. */
  shapeUtils?: readonly TLAnyShapeUtilConstructor[]
  bindingUtils?: readonly TLAnyBindingUtilConstructor[]
}

const LOADING: BoardSyncState = {
  store: { status: 'loading' },
  connection: 'connecting',
  close: undefined,
  outdated: false,
  readOnly: true,
  notice: undefined,
  room: null,
}
const noSubscription = () => () => {}
const loadingState = () => LOADING

/**
 * Opens a board's live document for `<Tldraw store={sync.store}>` and tells how the
 * connection is doing. Everything is torn down on unmount or when the board, token or role
 * changes; a new name or colour only updates presence.
 */
export function useBoardSync(options: UseBoardSyncOptions): BoardSyncState {
  const { boardId, token, role, user, serverUrl } = options
  const [$user] = useState(() => atom<TLUser | null>('board user', toTLUser(user)))
  // Custom shapes define the store's schema; changing them means another store, so they
  // are taken from the first render rather than compared on every render.
  const [utils] = useState(() => ({
    shapeUtils: options.shapeUtils,
    bindingUtils: options.bindingUtils,
  }))
  const [connection, setConnection] = useState<BoardConnection | null>(null)

  useEffect(() => {
    $user.set(toTLUser({ id: user.id, name: user.name, color: user.color }))
  }, [$user, user.id, user.name, user.color])

  useEffect(() => {
    const next = new BoardConnection({
      boardId,
      token,
      readOnly: !canWrite(role),
      role,
      $user,
      serverUrl,
      ...utils,
    })
    setConnection(next)
    return () => {
      next.destroy()
      setConnection((current) => (current === next ? null : current))
    }
  }, [boardId, token, role, serverUrl, $user, utils])

  return useSyncExternalStore(
    connection?.subscribe ?? noSubscription,
    connection?.getState ?? loadingState,
  )
}
