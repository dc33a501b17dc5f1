import { describe, expect, it } from 'vitest'
import { SYNC_PROTOCOL, syncProtocols, tokenFromProtocols } from './syncAuth.js'

const TOKEN = 'Ab-_0123456789abcdefghijklmnopqrstuvwxyzABC'

describe('syncAuth', () => {
  it('offers the fixed protocol and the token, and reads the token back', () => {
    const offered = syncProtocols(TOKEN)
    expect(offered).toEqual([SYNC_PROTOCOL, `wijktafel.token.${TOKEN}`])
    // Only token characters: a browser throws a SyntaxError on anything else in the header.
    for (const protocol of offered) expect(protocol).toMatch(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/)
    expect(tokenFromProtocols(offered)).toBe(TOKEN)
    expect(tokenFromProtocols([`wijktafel.token.${TOKEN}`])).toBe(TOKEN)
  })

  it('leaves out what is not a token, and finds no token where none is offered', () => {
    expect(syncProtocols('not a token, with spaces')).toEqual([SYNC_PROTOCOL])
    expect(syncProtocols('')).toEqual([SYNC_PROTOCOL])
    expect(tokenFromProtocols([SYNC_PROTOCOL])).toBeNull()
    expect(tokenFromProtocols([])).toBeNull()
  })
})
