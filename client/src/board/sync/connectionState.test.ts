import { CloseCode } from '@wijktafel/shared'
import { describe, expect, test } from 'vitest'
import { CloseStreak, connectionStateOf, judgeClose, type ConnectionFacts } from './connectionState'

const up = { online: true, synced: true, everSynced: true, stopped: false }

describe('connection state', () => {
  test.each<[ConnectionFacts, string]>([
    [{ ...up, synced: false, everSynced: false }, 'connecting'],
    [up, 'connected'],
    [{ ...up, synced: false }, 'reconnecting'],
    [{ ...up, online: false, synced: false }, 'offline'],
    [{ ...up, online: false, synced: false, everSynced: false }, 'offline'],
    [{ ...up, synced: false, stopped: true }, 'stopped'],
    [{ ...up, online: false, synced: false, stopped: true }, 'stopped'],
  ])('%o is %s', (facts, expected) => {
    expect(connectionStateOf(facts)).toBe(expected)
  })
})

describe('judging a close by the policy table', () => {
  test('a refused update stops the connection and sets the offline copy aside', () => {
    expect(judgeClose(CloseCode.UPDATE_REJECTED, 'invalid record', 1)).toEqual({
      code: 4422,
      reason: 'invalid record',
      then: 'stop',
      offlineCopy: 'quarantine',
      message: 'close.updateRejected',
    })
  })

  test('an oversized message is not retried: y-websocket would resend it for ever', () => {
    expect(judgeClose(CloseCode.MESSAGE_TOO_BIG, '', 1)).toMatchObject({
      then: 'stop',
      offlineCopy: 'quarantine',
    })
  })

  test.each([CloseCode.CONNECTION_LOST, CloseCode.GOING_AWAY, CloseCode.STORAGE_FAILED])(
    '%i is retried and the offline copy kept',
    (code) => {
      expect(judgeClose(code, '', 7)).toMatchObject({ then: 'reconnect', offlineCopy: 'keep' })
    },
  )

  test('a board saved by a newer version asks for a reload and keeps the copy', () => {
    expect(judgeClose(CloseCode.RELOAD_NEEDED, 'reload', 1)).toMatchObject({
      then: 'reload',
      offlineCopy: 'keep',
      message: 'close.reload',
    })
  })

  test('a retried close that keeps coming stops with its own message, keeping the copy', () => {
    const streak = new CloseStreak()
    const judged = [1, 2, 3, 4].map(() =>
      judgeClose(CloseCode.RATE_LIMITED, 'too many', streak.record(CloseCode.RATE_LIMITED)),
    )
    expect(judged.map((j) => j.then)).toEqual(['reconnect', 'reconnect', 'reconnect', 'stop'])
    expect(judged[3]).toMatchObject({ message: 'close.gaveUp', offlineCopy: 'keep' })
  })

  test('the streak counts one code in a row and starts over after a healthy connection', () => {
    const streak = new CloseStreak()
    expect([4429, 4429, 1011, 1011].map((code) => streak.record(code))).toEqual([1, 2, 1, 2])
    streak.reset()
    expect(streak.record(1011)).toBe(1)
  })
})
