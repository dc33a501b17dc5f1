import { describe, expect, it } from 'vitest'
import { defaultView, readNamesHidden, readView, viewHref } from './view'

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

  it('opens a phone in the outline, unless the link names a view: ?view=canvas included', () => {
    expect(defaultView(390)).toBe('outline')
    expect(defaultView(599)).toBe('outline')
    expect(defaultView(600)).toBe('canvas')
    expect(defaultView(1920)).toBe('canvas')
    expect(readView(at(''), 'outline')).toBe('outline')
    expect(readView(at('?view=nonsense'), 'outline')).toBe('outline')
    expect(readView(at('?view=canvas'), 'outline')).toBe('canvas')
    expect(readView(at('?view=present'), 'outline')).toBe('present')
    expect(readView(at('?view=canvas'))).toBe('canvas')
  })

  it('writes the canvas explicitly where the outline is the default, and reads it back', () => {
    const phone = viewHref(at(''), { view: 'canvas', namesHidden: false }, 'outline')
    expect(phone).toBe('/b/abc?view=canvas#tok')
    const [path, hash] = phone.split('#')
    const search = path!.slice(path!.indexOf('?'))
    expect(readView(at(search, `#${hash}`), 'outline')).toBe('canvas')
    // The phone's default leaves no parameter, as the canvas does on a wide screen.
    expect(viewHref(at('?view=canvas'), { view: 'outline', namesHidden: false }, 'outline')).toBe(
      '/b/abc#tok',
    )
    expect(viewHref(at('?view=canvas'), { view: 'canvas', namesHidden: false })).toBe('/b/abc#tok')
    for (const view of ['road', 'impact', 'outline', 'present'] as const) {
      const href = viewHref(at(''), { view, namesHidden: false })
      expect(readView(at(href.slice(href.indexOf('?'), href.indexOf('#'))))).toBe(view)
    }
  })
})
