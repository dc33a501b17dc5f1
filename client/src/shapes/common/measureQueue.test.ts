// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { scheduleMeasure } from './measureQueue'

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve))

describe('measuring many cards in one frame', () => {
  it('runs every read of a frame before any write, once per card', async () => {
    const log: string[] = []
    const card = (name: string) => () => {
      log.push(`read ${name}`)
      return () => log.push(`write ${name}`)
    }
    const a = {}
    scheduleMeasure(a, card('a'))
    scheduleMeasure(a, card('a again')) // a card that rendered twice is measured once
    scheduleMeasure({}, card('b'))
    await nextFrame()
    await nextFrame()
    expect(log).toEqual(['read a again', 'read b', 'write a again', 'write b'])
  })

  it('forgets a card that unmounted before its frame', async () => {
    const log: string[] = []
    const cancel = scheduleMeasure({}, () => {
      log.push('read')
    })
    cancel()
    await nextFrame()
    await nextFrame()
    expect(log).toEqual([])
  })
})
