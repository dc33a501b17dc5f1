import type { SerializedSchemaV2 } from '@tldraw/store'
import { describe, expect, it } from 'vitest'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { checkSchemaChange } from './checkSchemaChange.js'

const schema = createWijktafelSchema()
const ours = schema.serialize()
const at = (sequences: Record<string, number>): SerializedSchemaV2 => ({
  schemaVersion: 2,
  sequences: { ...ours.sequences, ...sequences },
})

describe('checkSchemaChange', () => {
  it('lets a writer set the first schema, keep it or raise a version', () => {
    expect(checkSchemaChange(schema, ours, undefined)).toBeNull()
    expect(checkSchemaChange(schema, ours, structuredClone(ours))).toBeNull()
    expect(checkSchemaChange(schema, ours, at({ 'com.tldraw.shape.geo': 11 }))).toBeNull()
  })

  it('lets a writer replace a schema nobody can read', () => {
    expect(checkSchemaChange(schema, ours, 'latest')).toBeNull()
  })

  it('ignores sequences this server has no migrations for', () => {
    const extra = { 'com.example.shape.sticker': 3 }
    expect(checkSchemaChange(schema, ours, at(extra))).toBeNull()
  })

  it.each([
    ['deleting it', undefined, ours, 'cannot be deleted'],
    ['something else', 'latest', ours, 'is not a tldraw schema object'],
    [
      'a v1 schema',
      { schemaVersion: 1, storeVersion: 4, recordVersions: {} },
      ours,
      'is not a tldraw schema object',
    ],
    [
      'a newer schema',
      at({ 'com.tldraw.shape.geo': 99 }),
      ours,
      'has versions this server does not know',
    ],
    ['a lowered version', at({ 'com.tldraw.shape.geo': 11 }), ours, 'lowers com.tldraw.shape.geo'],
  ])('refuses %s', (_what, next, previous, problem) => {
    expect(checkSchemaChange(schema, next, previous)).toBe(problem)
  })

  it('refuses dropping a sequence the previous schema had', () => {
    const { 'com.tldraw.shape.geo': _geo, ...rest } = ours.sequences
    const dropped = { schemaVersion: 2, sequences: rest }
    expect(checkSchemaChange(schema, dropped, ours)).toBe('lowers com.tldraw.shape.geo')
  })
})
