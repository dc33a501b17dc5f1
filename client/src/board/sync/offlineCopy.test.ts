import { describe, expect, test } from 'vitest'
import {
  forgetOfflineCopies,
  offlineCopyName,
  quarantinedCopies,
  quarantineOfflineCopy,
} from './offlineCopy'
import { reloadOnce, forgetReload } from './reloadOnce'
import { MemoryStorage } from './storageKit'

describe('the offline copy of a board', () => {
  test('is named after the board until it is quarantined', () => {
    const storage = new MemoryStorage()
    expect(offlineCopyName('abc', storage)).toBe('wijktafel:abc')
  })

  test('quarantined, it keeps its name and is listed; the board opens a fresh copy next time', () => {
    const storage = new MemoryStorage()
    const at = new Date('2026-11-28T20:00:00Z')
    const copy = quarantineOfflineCopy('abc', '4422 invalid record', storage, at)
    expect(copy).toEqual({
      boardId: 'abc',
      name: 'wijktafel:abc',
      at: '2026-11-28T20:00:00.000Z',
      why: '4422 invalid record',
    })
    expect(offlineCopyName('abc', storage)).toBe(`wijktafel:abc:${at.getTime()}`)
    expect(offlineCopyName('other', storage)).toBe('wijktafel:other')

    quarantineOfflineCopy('abc', '1009', storage, new Date(at.getTime() + 1000))
    expect(quarantinedCopies(storage).map((c) => c.name)).toEqual([
      'wijktafel:abc',
      `wijktafel:abc:${at.getTime()}`,
    ])
  })

  test('forgotten, every copy of the board is named for deletion and its keys are gone', () => {
    const storage = new MemoryStorage()
    const at = new Date('2026-11-28T20:00:00Z')
    quarantineOfflineCopy('abc', '4422', storage, at)
    quarantineOfflineCopy('other', '4422', storage, at)
    expect(forgetOfflineCopies('abc', storage).sort()).toEqual([
      'wijktafel:abc',
      `wijktafel:abc:${at.getTime()}`,
    ])
    expect(offlineCopyName('abc', storage)).toBe('wijktafel:abc')
    expect(quarantinedCopies(storage).map((c) => c.boardId)).toEqual(['other'])
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '')
    const values = keys.map((key) => storage.getItem(key) ?? '')
    expect([...keys, ...values].join(' ')).not.toContain('abc')
  })

  test('without storage nothing is renamed, so nothing is lost either', () => {
    expect(quarantineOfflineCopy('abc', '4422', null)).toBeNull()
    expect(offlineCopyName('abc', null)).toBe('wijktafel:abc')
  })
})

describe('reloading for a newer board', () => {
  test('happens once per board until the board synced again', () => {
    const storage = new MemoryStorage()
    let reloads = 0
    const reload = () => reloads++
    expect(reloadOnce('abc', reload, storage)).toBe(true)
    expect(reloadOnce('abc', reload, storage)).toBe(false)
    expect(reloadOnce('other', reload, storage)).toBe(true)
    expect(reloads).toBe(2)
    forgetReload('abc', storage)
    expect(reloadOnce('abc', reload, storage)).toBe(true)
  })

  test('never happens when the attempt cannot be remembered', () => {
    let reloads = 0
    expect(reloadOnce('abc', () => reloads++, null)).toBe(false)
    expect(reloads).toBe(0)
  })
})
