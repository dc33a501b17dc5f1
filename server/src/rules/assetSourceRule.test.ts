import { describe, expect, it } from 'vitest'
import { ruleContext } from '../../../tests/helpers/ruleContext.js'
import { assetSourceRule } from './assetSourceRule.js'

const BOARD = 'AAAAAAAAAAAAAAAAAAAAAA'
const PHOTO = 'BBBBBBBBBBBBBBBBBBBBBB'

function imageAsset(src: string | null, type = 'image') {
  return {
    id: 'asset:photo',
    typeName: 'asset',
    type,
    props: { name: 'straat.jpg', src, w: 2048, h: 1536, mimeType: 'image/jpeg', isAnimated: false },
    meta: {},
  }
}

const judge = (record: object) =>
  assetSourceRule.check(
    ruleContext({ boardId: BOARD, records: { writes: { 'asset:photo': record } } }),
  )

describe('assetSourceRule', () => {
  it('takes a photo stored with this board, or a picture still without a source', () => {
    expect(judge(imageAsset(`/api/boards/${BOARD}/assets/${PHOTO}`))).toBeNull()
    expect(judge(imageAsset(null))).toBeNull()
    expect(judge(imageAsset(''))).toBeNull()
  })

  it.each([
    ['an embedded photo', 'data:image/jpeg;base64,/9j/4AAQSkZJRg=='],
    ['a picture on another host', 'https://example.org/straat.jpg'],
    ['a photo of another board', `/api/boards/CCCCCCCCCCCCCCCCCCCCCC/assets/${PHOTO}`],
    ['a path that only looks like one', `/api/boards/${BOARD}/assets/${PHOTO}/../../x`],
  ])('puts back %s', (_, src) => {
    expect(judge(imageAsset(src))).toEqual({
      key: 'asset:photo',
      reason:
        'invalid record asset:photo: a picture must be uploaded to this board, not embedded or linked',
    })
    expect(judge(imageAsset(src, 'video'))).not.toBeNull()
  })

  it('leaves other records alone', () => {
    expect(judge({ id: 'asset:photo', typeName: 'asset', type: 'bookmark', props: {} })).toBeNull()
  })
})
