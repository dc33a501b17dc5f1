import { CloseCode } from '@wijktafel/shared'
import { describe, expect, test } from 'vitest'
import {
  connectionStateOf,
  isFinalRefusal,
  refusalOf,
  type ConnectionFacts,
} from './connectionState'

describe('connection state', () => {
  test.each<[ConnectionFacts, string]>([
    [{ online: true, synced: false, everSynced: false }, 'connecting'],
    [{ online: true, synced: true, everSynced: true }, 'connected'],
    [{ online: true, synced: false, everSynced: true }, 'reconnecting'],
    [{ online: false, synced: false, everSynced: true }, 'offline'],
    [{ online: false, synced: false, everSynced: false }, 'offline'],
  ])('%o is %s', (facts, expected) => {
    expect(connectionStateOf(facts)).toBe(expected)
  })

  test.each([
    [CloseCode.BAD_MESSAGE, true, true],
    [CloseCode.UPDATE_REJECTED, true, true],
    [CloseCode.BOARD_GONE, true, true],
    [CloseCode.TOO_LARGE, true, true],
    [CloseCode.RATE_LIMITED, true, true],
    [CloseCode.STORAGE_FAILED, true, false],
    [CloseCode.GOING_AWAY, false, false],
    [1006, false, false],
  ])('close code %i: refusal %s, final %s', (code, refused, final) => {
    const refusal = refusalOf(code, 'why')
    expect(refusal !== undefined).toBe(refused)
    expect(isFinalRefusal(refusal)).toBe(final)
  })
})
