import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { Role } from './roles.js'

/**
 * Tokens are 32 random bytes (256 bits) in base64url: 43 characters. The server stores
 * only their SHA-256 hashes, so it cannot hand a token out again. The editor and viewer
 * tokens are derived one-way from the token above them [1], so the facilitator's browser
 * can show the editor and viewer links, an editor's browser the viewer link, and a viewer
 * can derive nothing.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

export function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value)
}

export function isBoardId(value: unknown): value is string {
  return typeof value === 'string' && BOARD_ID_PATTERN.test(value)
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Unpadded base64url; runs the same in Node and in browsers without Buffer or btoa. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6))
    for (let c = 0; c < chars; c++) out += BASE64URL[(n >> (18 - 6 * c)) & 63]
  }
  return out
}

/**
 * Derives the token one role below `token` (facilitator -> editor -> viewer). `epoch` is the
 * board's link epoch: it changes the editor token only, so new links revoke the old ones [2].
 */
export function deriveToken(token: string, role: 'editor' | 'viewer', epoch = 0): string {
  const label =
    role === 'editor' && epoch > 0 ? `wijktafel/editor/v1/${epoch}` : `wijktafel/${role}/v1`
  return bytesToBase64Url(hmac(sha256, utf8ToBytes(token), utf8ToBytes(label)))
}

/** A link epoch: 0 for a board's first links, one more after each "Nieuwe links maken". */
export function isLinkEpoch(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

export interface BoardTokens {
  facilitator: string
  editor: string
  viewer: string
}

export function deriveAllTokens(facilitatorToken: string, epoch = 0): BoardTokens {
  const editor = deriveToken(facilitatorToken, 'editor', epoch)
  return { facilitator: facilitatorToken, editor, viewer: deriveToken(editor, 'viewer') }
}

/**
 * The tokens a holder of `role`'s token can share: everything at or below its role. Only
 * the facilitator needs the board's link epoch; an editor's own token already carries it.
 */
export function shareableTokens(role: Role, token: string, epoch = 0): Partial<BoardTokens> {
  if (role === 'facilitator') return deriveAllTokens(token, epoch)
  if (role === 'editor') return { editor: token, viewer: deriveToken(token, 'viewer') }
  return { viewer: token }
}

/** What the server stores: hex SHA-256 of the token. */
export function hashToken(token: string): string {
  return bytesToHex(sha256(utf8ToBytes(token)))
}

// [1] HMAC-SHA256 keyed with the parent token. Knowing a child token reveals nothing about
//     its parent, and every token stays 256 bits of entropy. A pure-JS hash (not Web
//     Crypto) because `crypto.subtle` is missing on plain-http LAN addresses, which is how
//     a meeting laptop is often reached.
// [2] Epoch 0 keeps the original label, so every link made before epochs existed still
//     works. The viewer token stays derived from the editor token, so it changes with it
//     and an editor's browser still derives the viewer link without knowing the epoch.
