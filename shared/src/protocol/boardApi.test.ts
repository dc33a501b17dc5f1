import { describe, expect, it } from 'vitest'
import { MAX_TITLE_LENGTH, parseCreateBoardRequest } from './boardApi.js'

describe('parseCreateBoardRequest', () => {
  it.each([
    [{ title: '  De Horst  ' }, { title: 'De Horst', locale: 'nl' }],
    [
      { title: 'ü'.repeat(MAX_TITLE_LENGTH) },
      { title: 'ü'.repeat(MAX_TITLE_LENGTH), locale: 'nl' },
    ],
    [
      { title: 'X', template: 'both', locale: 'en' },
      { title: 'X', template: 'both', locale: 'en' },
    ],
  ])('accepts %j', (body, value) => {
    expect(parseCreateBoardRequest(body)).toEqual({ ok: true, value })
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
    { title: 'X', template: 'kaart' },
    { title: 'X', template: 3 },
    { title: 'X', locale: 'fr' },
  ])('refuses %j with a message', (body) => {
    const parsed = parseCreateBoardRequest(body)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(5)
  })
})
