import { describe, expect, test } from 'vitest'
import { geoShape, newStore, PAGE_ID } from './testKit'
import { fileNameOf, unsavedBoardFile } from './unsavedBoardFile'
import { PageRecordType, type IndexKey } from 'tldraw'

describe('the download of what was not saved', () => {
  test('holds the board’s records as this browser has them, with their schema', () => {
    const store = newStore()
    store.put([
      PageRecordType.create({ id: PAGE_ID, name: 'Pagina 1', index: 'a1' as IndexKey }),
      geoShape(store, 'unsaved', 40, 50),
    ])
    const at = new Date('2026-11-28T20:00:00Z')
    const file = unsavedBoardFile(store, { id: 'abc', title: 'De Horst' }, '1009: ', at)
    expect(file.name).toBe('De Horst.json')
    const json = JSON.parse(file.text)
    expect(json.wijktafel).toEqual({
      boardId: 'abc',
      title: 'De Horst',
      savedAt: '2026-11-28T20:00:00.000Z',
      why: '1009: ',
    })
    expect(json.schema).toEqual(store.schema.serialize())
    expect(json.store['shape:unsaved']).toMatchObject({ x: 40, y: 50, type: 'geo' })
    expect(json.store[PAGE_ID]).toMatchObject({ name: 'Pagina 1' })
    // Session state (camera, instance) is not the board's.
    expect(
      Object.values(json.store).every((r) => (r as { typeName: string }).typeName !== 'camera'),
    ).toBe(true)
    // The file loads back into a store.
    const again = newStore()
    again.loadStoreSnapshot({ schema: json.schema, store: json.store })
    expect(again.get('shape:unsaved' as never)).toMatchObject({ x: 40 })
  })

  test.each([
    ['De Horst', 'De Horst'],
    ['Plan: wijk/2027?', 'Plan- wijk-2027-'],
    ['..', 'wijktafel-bord'],
    ['  ', 'wijktafel-bord'],
    ['a\u0000b', 'a-b'],
  ])('names the file after the board: %j -> %j', (title, name) => {
    expect(fileNameOf(title)).toBe(name)
  })
})
