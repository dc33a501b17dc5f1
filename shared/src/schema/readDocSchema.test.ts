import { describe, expect, it } from 'vitest'
import { isJsonObject } from './isJsonObject.js'
import { readDocSchema } from './readDocSchema.js'

describe('readDocSchema', () => {
  it('reads a v2 schema and hands back the very object, so tldraw’s cache keeps working', () => {
    const schema = { schemaVersion: 2, sequences: { 'com.tldraw.shape.geo': 12 } }
    expect(readDocSchema(schema)).toBe(schema)
  })

  it.each([
    ['nothing', undefined],
    ['a string', 'latest'],
    ['a v1 schema', { schemaVersion: 1, storeVersion: 4, recordVersions: {} }],
    ['a schema from the future', { schemaVersion: 3, sequences: {} }],
    ['sequences that are not an object', { schemaVersion: 2, sequences: [] }],
    ['a version that is not a number', { schemaVersion: 2, sequences: { a: '1' } }],
    ['a negative version', { schemaVersion: 2, sequences: { a: -1 } }],
    ['a fractional version', { schemaVersion: 2, sequences: { a: 1.5 } }],
    ['a version JSON cannot hold', { schemaVersion: 2, sequences: { a: Number.NaN } }],
    ['a field JSON cannot hold', { schemaVersion: 2, sequences: {}, extra: undefined }],
  ])('reads %s as no schema', (_what, value) => {
    expect(readDocSchema(value)).toBeNull()
  })
})

describe('isJsonObject', () => {
  it('accepts what JSON.parse could have produced', () => {
    expect(isJsonObject(JSON.parse('{"a": [1, "x", null, true, {"b": {}}]}'))).toBe(true)
    expect(isJsonObject(Object.create(null))).toBe(true)
  })

  it.each([
    ['an array', [1]],
    ['null', null],
    ['NaN inside', { a: Number.NaN }],
    ['undefined inside', { a: [undefined] }],
    ['a bigint inside', { a: 1n }],
    ['binary inside', { a: new Uint8Array(2) }],
    ['a class instance', new Date(0)],
    ['a __proto__ key turned prototype', Object.setPrototypeOf({}, { x: 1 })],
  ])('refuses %s', (_what, value) => {
    expect(isJsonObject(value)).toBe(false)
  })
})
