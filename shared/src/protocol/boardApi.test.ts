import { describe, expect, it } from 'vitest'
import { MAX_TITLE_LENGTH, parseCreateBoardRequest } from './boardApi.js'

describe('parseCreateBoardRequest', () => {
  it.each([
    [{ title: '  De Horst  ' }, 'De Horst'],
    [{ title: 'ü'.repeat(MAX_TITLE_LENGTH) }, 'ü'.repeat(MAX_TITLE_LENGTH)],
  ])('accepts %j', (body, title) => {
    expect(parseCreateBoardRequest(body)).toEqual({ ok: true, value: { title } })
  })

  it.each([
    null,
    'De Horst',
    [],
    {},
    { title: 42 },
    { title: '   ' },
    { title: 'x'.repeat(MAX_TITLE_LENGTH + 1) },
    { title: 'a\u0000b' },
  ])('refuses %j with a message', (body) => {
    const parsed = parseCreateBoardRequest(body)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(5)
  })
})
