import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import {
  bytesToBase64Url,
  deriveAllTokens,
  deriveToken,
  hashToken,
  isLinkEpoch,
  isToken,
  shareableTokens,
} from './tokens.js'

/** The derivation as it was before link epochs, written out independently. */
function legacy(parent: string, label: string): string {
  return Buffer.from(hmac(sha256, Buffer.from(parent), Buffer.from(label))).toString('base64url')
}

describe('tokens', () => {
  it('encodes base64url exactly like Node does', () => {
    for (let len = 0; len < 40; len++) {
      const bytes = randomBytes(len)
      expect(bytesToBase64Url(bytes)).toBe(bytes.toString('base64url'))
    }
  })

  it('derives distinct, well-formed editor and viewer tokens', () => {
    const facilitator = randomBytes(32).toString('base64url')
    const tokens = deriveAllTokens(facilitator)
    expect(new Set(Object.values(tokens)).size).toBe(3)
    for (const t of Object.values(tokens)) expect(isToken(t)).toBe(true)
    expect(deriveAllTokens(facilitator)).toEqual(tokens)
  })

  it('lets each role share only the links at or below it', () => {
    const tokens = deriveAllTokens(randomBytes(32).toString('base64url'))
    expect(shareableTokens('facilitator', tokens.facilitator)).toEqual(tokens)
    expect(shareableTokens('editor', tokens.editor)).toEqual({
      editor: tokens.editor,
      viewer: tokens.viewer,
    })
    expect(shareableTokens('viewer', tokens.viewer)).toEqual({ viewer: tokens.viewer })
  })

  it('hashes to 64 hex characters that do not contain the token', () => {
    const token = randomBytes(32).toString('base64url')
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(token)).not.toContain(token)
  })

  it('keeps epoch 0 exactly as the links made before epochs existed', () => {
    const facilitator = randomBytes(32).toString('base64url')
    const editor = legacy(facilitator, 'wijktafel/editor/v1')
    const expected = { facilitator, editor, viewer: legacy(editor, 'wijktafel/viewer/v1') }
    expect(deriveAllTokens(facilitator)).toEqual(expected)
    expect(deriveAllTokens(facilitator, 0)).toEqual(expected)
    expect(shareableTokens('facilitator', facilitator, 0)).toEqual(expected)
  })

  it('derives new editor and viewer tokens for every later epoch', () => {
    const facilitator = randomBytes(32).toString('base64url')
    const seen = new Set<string>()
    for (let epoch = 0; epoch < 5; epoch++) {
      const tokens = deriveAllTokens(facilitator, epoch)
      expect(tokens.facilitator).toBe(facilitator)
      seen.add(tokens.editor).add(tokens.viewer)
      if (epoch > 0) expect(tokens.editor).toBe(legacy(facilitator, `wijktafel/editor/v1/${epoch}`))
      // The viewer link still follows from the editor link alone.
      expect(tokens.viewer).toBe(deriveToken(tokens.editor, 'viewer'))
      expect(shareableTokens('editor', tokens.editor)).toEqual({
        editor: tokens.editor,
        viewer: tokens.viewer,
      })
    }
    expect(seen.size).toBe(10)
  })

  it('accepts only whole, non-negative link epochs', () => {
    expect([0, 1, 42].every(isLinkEpoch)).toBe(true)
    expect([-1, 1.5, NaN, '1', null, undefined].some(isLinkEpoch)).toBe(false)
  })
})
