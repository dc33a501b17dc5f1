import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en.js'
import { nl } from '../i18n/nl.js'
import { CLOSE_POLICY, CloseCode, closePolicyOf, shouldReconnect } from './closeCodes.js'

const codes = Object.values(CloseCode)

describe('the close-code policy', () => {
  it('has a row for every close code, and only for those', () => {
    expect(Object.keys(CLOSE_POLICY).map(Number).sort()).toEqual([...codes].sort())
  })

  it.each(codes)('tells the person about %i in Dutch and in English', (code) => {
    const { message } = CLOSE_POLICY[code]
    expect(nl[message].length).toBeGreaterThan(20)
    expect(en[message].length).toBeGreaterThan(20)
    expect(en[message]).not.toBe(nl[message])
  })

  it.each([
    [CloseCode.UPDATE_REJECTED, 'the same update would be refused again'],
    [CloseCode.MESSAGE_TOO_BIG, 'y-websocket would resend the same oversized update for ever'],
    [CloseCode.TOO_LARGE, 'the board stays too large for it'],
    [CloseCode.BAD_MESSAGE, 'the client sends what the server cannot read'],
    [CloseCode.BOARD_GONE, 'the board no longer exists'],
    [CloseCode.LINK_REVOKED, 'the link was replaced by new links'],
    [CloseCode.RELOAD_NEEDED, 'only a newer app can read the board'],
  ])('never reconnects after %i: %s', (code, _why) => {
    expect(shouldReconnect(code, 1)).toBe(false)
  })

  it.each([CloseCode.CONNECTION_LOST, CloseCode.GOING_AWAY, CloseCode.STORAGE_FAILED])(
    'keeps reconnecting after %i, however often it comes',
    (code) => {
      expect(shouldReconnect(code, 1)).toBe(true)
      expect(shouldReconnect(code, 1000)).toBe(true)
    },
  )

  it.each([CloseCode.RATE_LIMITED, CloseCode.INTERNAL_ERROR])(
    'reconnects after %i three times in a row, then stops',
    (code) => {
      expect([1, 2, 3, 4].map((n) => shouldReconnect(code, n))).toEqual([true, true, true, false])
    },
  )

  it('keeps the offline copy unless resending it would be refused again; never deletes it', () => {
    const quarantined = codes.filter((code) => CLOSE_POLICY[code].offlineCopy === 'quarantine')
    expect(quarantined.sort()).toEqual([1009, 4400, 4404, 4413, 4422])
    for (const code of codes)
      expect(['keep', 'quarantine']).toContain(CLOSE_POLICY[code].offlineCopy)
  })

  it('stops after a revoked link and keeps the offline copy for the new link', () => {
    expect(CloseCode.LINK_REVOKED).toBe(4401)
    expect(CLOSE_POLICY[CloseCode.LINK_REVOKED]).toEqual({
      then: 'stop',
      retries: 0,
      offlineCopy: 'keep',
      message: 'close.linkRevoked',
    })
  })

  it('reads unknown codes as y-websocket does: 4400-4499 final, anything else retried', () => {
    expect(closePolicyOf(4402)).toMatchObject({ then: 'stop', offlineCopy: 'keep' })
    expect(shouldReconnect(4499, 1)).toBe(false)
    expect(shouldReconnect(1000, 1)).toBe(true)
    expect(shouldReconnect(4500, 1)).toBe(true)
    expect(shouldReconnect(1005, 50)).toBe(true)
  })
})
