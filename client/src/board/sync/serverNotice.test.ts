import { describe, expect, test } from 'vitest'
import { serverNoticeOf } from './serverNotice'

describe('what the server says without closing', () => {
  test('a change put back is told with the server’s reason in a details line', () => {
    expect(serverNoticeOf('refused:meta.secret is not allowed', 1)).toEqual({
      id: 1,
      kind: 'refused',
      hint: 'sync.refused.hint',
      detail: 'meta.secret is not allowed',
    })
  })

  test('a deleted last page is explained in plain words', () => {
    const notice = serverNoticeOf('refused:cannot delete the last page page:abc', 2)
    expect(notice).toMatchObject({ hint: 'sync.refused.lastPage' })
    expect(notice?.detail).toBe('cannot delete the last page page:abc')
  })

  test('a text or drawing past the record limits is explained in plain words', () => {
    const notice = serverNoticeOf(
      'refused:invalid record shape:abc: too big: props.richText over 10000 characters',
      6,
    )
    expect(notice).toMatchObject({ kind: 'refused', hint: 'sync.refused.tooBig' })
    // The same words inside a card's own text are not the marker.
    const other = serverNoticeOf('refused:invalid record shape:a: At props.text: too big: x', 7)
    expect(other).toMatchObject({ hint: 'sync.refused.hint' })
  })

  test('a long reason is shortened', () => {
    const reason = `invalid record shape:a: ${'x'.repeat(200)}`
    const detail = serverNoticeOf(`refused:${reason}`, 3)!.detail
    expect(detail.length).toBeLessThanOrEqual(90)
    expect(detail.endsWith('…')).toBe(true)
  })

  test('a viewer’s write is told too; other reasons are only logged', () => {
    expect(serverNoticeOf('read-only', 4)).toMatchObject({ kind: 'readOnly', detail: '' })
    expect(serverNoticeOf('something else', 5)).toBeNull()
  })
})
