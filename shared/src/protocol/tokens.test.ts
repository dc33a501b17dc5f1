import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { bytesToBase64Url, deriveAllTokens, hashToken, isToken, shareableTokens } from './tokens.js'

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
})
