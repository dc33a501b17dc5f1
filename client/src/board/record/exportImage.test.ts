// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { fileNameFromDisposition } from './api'
import { MAX_PNG_SIDE, pngPixelRatio, withFooter } from './exportImage'

describe('the footer of an exported picture', () => {
  const map =
    '<svg xmlns="http://www.w3.org/2000/svg" width="1800" height="900" viewBox="-10 -10 1800 900"><rect width="50" height="50" fill="#f00"/></svg>'

  it('puts the map on a white page with the footer line under it', () => {
    const framed = withFooter(map, 1800, 900, 'De Horst · Belangenkaart · 12 maart 2026')
    const svg = new DOMParser().parseFromString(framed.svg, 'image/svg+xml').documentElement
    expect(svg.tagName).toBe('svg') // well-formed XML: a file any program opens
    expect(framed.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width=/)
    expect(framed.width).toBe(1800)
    expect(framed.height).toBeGreaterThan(900)
    expect(svg.getAttribute('height')).toBe(String(framed.height))
    expect(svg.firstElementChild?.getAttribute('fill')).toBe('#ffffff')
    const inner = svg.querySelector('svg')!
    expect(inner.getAttribute('viewBox')).toBe('-10 -10 1800 900') // the map itself unchanged
    const text = svg.querySelector('text')!
    expect(text.textContent).toBe('De Horst · Belangenkaart · 12 maart 2026')
    expect(Number(text.getAttribute('y'))).toBeGreaterThan(900)
    expect(Number(text.getAttribute('y'))).toBeLessThan(framed.height)
  })

  it('grows with the picture but stays readable on a small one', () => {
    const size = (w: number) =>
      Number(
        new DOMParser()
          .parseFromString(withFooter(map, w, 300, 'x').svg, 'image/svg+xml')
          .querySelector('text')!
          .getAttribute('font-size'),
      )
    expect(size(200)).toBe(13)
    expect(size(1800)).toBe(20)
    expect(size(8000)).toBe(32)
  })

  it('escapes what a board title may hold', () => {
    const framed = withFooter(map, 400, 300, 'Wij & <jullie>')
    expect(framed.svg).toContain('Wij &amp; &lt;jullie&gt;')
  })
})

describe('the file name of a download', () => {
  it('prefers the UTF-8 name, falls back to the plain one', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="de-horst.csv"; filename*=UTF-8''d%C3%A9-horst.csv`,
      ),
    ).toBe('dé-horst.csv')
    expect(fileNameFromDisposition('attachment; filename="a.wijktafel.json"')).toBe(
      'a.wijktafel.json',
    )
    expect(fileNameFromDisposition(null)).toBeNull()
  })
})

describe('the size of an exported PNG', () => {
  it('keeps 1 or 2 pixels per unit for a map of ordinary size', () => {
    expect(pngPixelRatio('png1', 1800, 900)).toBe(1)
    expect(pngPixelRatio('png2', 1800, 900)).toBe(2)
  })

  it('caps the longest side of a big map at a poster print, keeping its proportions', () => {
    // 500 cards: 7,501 × 4,401 units was an 8.5 MB PNG that took 19 s to make.
    const ratio = pngPixelRatio('png1', 7501, 4401)
    expect(Math.floor(7501 * ratio)).toBe(MAX_PNG_SIDE)
    expect(Math.floor(4401 * ratio)).toBe(Math.floor((4401 * MAX_PNG_SIDE) / 7501))
    // "2×" stays twice the 1× picture, as its name says.
    expect(pngPixelRatio('png2', 7501, 4401)).toBe(2 * ratio)
    expect(Math.floor(6000 * pngPixelRatio('png2', 3000, 6000))).toBe(2 * MAX_PNG_SIDE)
  })
})
