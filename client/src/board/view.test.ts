import { describe, expect, it } from 'vitest'
import { readNamesHidden, readView, viewHref } from './view'

const at = (search: string, hash = '#tok') => ({ pathname: '/b/abc', search, hash })

describe('the view in a board link', () => {
  it('reads ?view=present, and anything else as the canvas', () => {
    expect(readView(at('?view=present'))).toBe('present')
    expect(readView(at(''))).toBe('canvas')
    expect(readView(at('?view=outline'))).toBe('outline')
    expect(readView(at('?view=map'))).toBe('canvas')
    expect(readView(at('?view=PRESENT'))).toBe('canvas')
    expect(readNamesHidden(at('?view=present&names=hidden'))).toBe(true)
    expect(readNamesHidden(at('?view=present&names=shown'))).toBe(false)
  })

  it('writes the view and hidden names, keeps the token and other parameters, and leaves no trace for the canvas', () => {
    expect(viewHref(at('?x=1'), { view: 'present', namesHidden: true })).toBe(
      '/b/abc?x=1&view=present&names=hidden#tok',
    )
    expect(viewHref(at('?view=present&names=hidden'), { view: 'canvas', namesHidden: true })).toBe(
      '/b/abc#tok',
    )
    expect(
      viewHref(at('?view=present&names=hidden'), { view: 'present', namesHidden: false }),
    ).toBe('/b/abc?view=present#tok')
  })
})
