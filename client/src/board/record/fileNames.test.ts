import { describe, expect, it } from 'vitest'
import { exportFileName, slug } from './fileNames'

describe('export file names', () => {
  it('are lower case, without accents, with dashes between words', () => {
    expect(slug('De Hörst: één Café & co.')).toBe('de-horst-een-cafe-co')
    expect(slug('  ---  ')).toBe('')
  })

  it('name the board, the map and the date', () => {
    const date = new Date(2026, 2, 12, 23, 30)
    expect(exportFileName({ board: 'De Horst', map: 'Belangenkaart' }, date, 'png')).toBe(
      'de-horst-belangenkaart-2026-03-12.png',
    )
    expect(
      exportFileName({ board: 'De Horst', map: 'Partnerschapskaart', part: 'Acties' }, date, 'svg'),
    ).toBe('de-horst-partnerschapskaart-acties-2026-03-12.svg')
  })

  it('do not repeat a map already named in the title, and never come out empty', () => {
    const date = new Date(2026, 0, 5)
    expect(
      exportFileName({ board: 'Belangenkaart De Horst', map: 'Belangenkaart' }, date, 'png'),
    ).toBe('belangenkaart-de-horst-2026-01-05.png')
    expect(exportFileName({ board: '???' }, date, 'json')).toBe('2026-01-05.json')
  })
})
