import type { IncomingMessage } from 'node:http'
import { AddressBuckets } from '../limits/AddressBuckets.js'
import { addressKey } from '../limits/addressKey.js'
import type { AddressVerdict } from '../limits/AddressBuckets.js'
import type { Metrics } from '../metrics/Metrics.js'

export interface AdmissionLimits {
  maxConnectionsPerBoard: number
  maxConnectionsPerIp: number
  trustProxy: boolean
  newConnectionsPerIpPerMinute: number
  newConnectionBurstPerIp: number
  boardsPerIpPerHour: number
  boardBurstPerIp: number
}

/** Why an upgrade that passed the token check is still refused. */
export type AdmissionRefusal =
  { status: 429; reason: 'too_many_per_ip' } | { status: 503; reason: 'board_full' }

/**
 * Counts open WebSockets per board and per client address. A slot is
 * taken before the upgrade and given back when the TCP socket closes, so an upgrade that
 * fails halfway cannot leak one [1]. Also the rates per client address of what is cheap to
 * ask and dear to answer: new connections (each loads and encodes a board) and new boards
 * (each stays on disk) [2].
 */
export class Admission {
  private readonly perBoard = new Map<string, number>()
  private readonly perIp = new Map<string, number>()
  private readonly newConnections: AddressBuckets
  private readonly newBoards: AddressBuckets

  constructor(
    private readonly limits: AdmissionLimits,
    private readonly metrics: Pick<Metrics, 'refusedRequest'>,
    now = performance.now(),
  ) {
    this.newConnections = new AddressBuckets(
      { perHour: limits.newConnectionsPerIpPerMinute * 60, burst: limits.newConnectionBurstPerIp },
      now,
    )
    this.newBoards = new AddressBuckets(
      { perHour: limits.boardsPerIpPerHour, burst: limits.boardBurstPerIp },
      now,
    )
  }

  /** One new WebSocket from `address`; refused past newConnectionsPerIpPerMinute. */
  newConnection(address: string, now = performance.now()): AddressVerdict {
    return this.newConnections.take(address, now)
  }

  /** One new board (created or imported) from `address`; refused past boardsPerIpPerHour. */
  newBoard(address: string, now = performance.now()): AddressVerdict {
    const verdict = this.newBoards.take(address, now)
    if (!verdict.ok) this.metrics.refusedRequest('too_many_boards')
    return verdict
  }

  /**
   * The key of the client's address for the per-address limits (limits/addressKey.ts): an
   * IPv6 client by its /64, so that the connection counts and both rates see one
   * subscriber as one client.
   */
  clientAddress(req: IncomingMessage): string {
    if (this.limits.trustProxy) {
      const forwarded = headerValue(req.headers['x-forwarded-for'])
      const last = forwarded?.split(',').at(-1)?.trim()
      if (last) return addressKey(last)
    }
    return addressKey(req.socket.remoteAddress ?? 'unknown')
  }

  /** The address's limit first: one client filling a board should hear about itself. */
  check(boardId: string, address: string): AdmissionRefusal | null {
    if ((this.perIp.get(address) ?? 0) >= this.limits.maxConnectionsPerIp)
      return { status: 429, reason: 'too_many_per_ip' }
    if ((this.perBoard.get(boardId) ?? 0) >= this.limits.maxConnectionsPerBoard)
      return { status: 503, reason: 'board_full' }
    return null
  }

  /** Takes a slot; the returned function gives it back (once, however often it is called). */
  reserve(boardId: string, address: string): () => void {
    adjust(this.perBoard, boardId, 1)
    adjust(this.perIp, address, 1)
    let released = false
    return () => {
      if (released) return
      released = true
      adjust(this.perBoard, boardId, -1)
      adjust(this.perIp, address, -1)
    }
  }
}

/**
 * No Origin: not a browser, allowed (config.ts [2]). Otherwise the Origin's host must be the
 * Host the request was sent to (http or https: a TLS proxy in front changes the scheme), or
 * the origin must be listed.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = headerValue(req.headers.origin)
  if (origin === undefined) return true
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false // includes the literal "null" of sandboxed pages and file: URLs
  }
  if (allowed.includes(url.origin)) return true
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  const host = req.headers.host?.toLowerCase()
  return host !== undefined && (url.host === host || url.host === withoutDefaultPort(host))
}

function withoutDefaultPort(host: string): string {
  return host.replace(/:(80|443)$/, '')
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function adjust(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by
  if (next > 0) counts.set(key, next)
  else counts.delete(key)
}

// [1] ws's handleUpgrade gives up silently on a bad handshake (wrong key, wrong version),
//     without calling back: counting on the WebSocket's close would never give that slot back.
// [2] Per address, because per connection a script simply opens more connections. Behind a
//     proxy (trustProxy) the address is the proxy's X-Forwarded-For entry. A whole meeting
//     behind one community-centre router is one address: the defaults let 40 people open
//     the board at once and reconnect after the Wi-Fi drops (config.ts [3]), and make 20
//     boards in a row, while a loop that connects, syncs and disconnects, or that creates
//     boards to fill the disk, is held to two connections a second and one board a minute.
