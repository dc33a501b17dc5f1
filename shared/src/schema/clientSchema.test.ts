import { describe, expect, it } from 'vitest'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { lowerSequence, readSchemaParam, schemaParam } from './clientSchema.js'

const ours = createWijktafelSchema().serialize()
const GEO = 'com.tldraw.shape.geo'
const at = (version: number) => ({
  schemaVersion: 2 as const,
  sequences: { ...ours.sequences, [GEO]: version },
})

describe('the schema query parameter', () => {
  it('round-trips a schema through its compact JSON', () => {
    const value = schemaParam(ours)
    expect(value).not.toContain(' ')
    expect(readSchemaParam(value)).toEqual({ schemaVersion: 2, sequences: ours.sequences })
  })

  it('stays a reasonable part of a URL', () => {
    expect(encodeURIComponent(schemaParam(ours)).length).toBeLessThan(4_000)
  })

  it.each([
    ['empty', ''],
    ['not JSON', '{"a":'],
    ['an array', '[1,2]'],
    ['a string', '"latest"'],
    ['a version that is not a number', '{"com.tldraw.store":"5"}'],
    ['a negative version', '{"com.tldraw.store":-1}'],
    ['a fractional version', '{"com.tldraw.store":1.5}'],
    ['absurdly long', JSON.stringify({ ['x'.repeat(9_000)]: 1 })],
  ])('reads %s as malformed', (_what, value) => {
    expect(readSchemaParam(value)).toBeNull()
  })
})

describe('lowerSequence', () => {
  const geo = ours.sequences[GEO]!

  it('names a sequence the client knows at a lower version than the board', () => {
    expect(lowerSequence(at(geo - 1), ours)).toBe(GEO)
  })

  it('lets through a client at the same or a newer version, and any client of a board without a schema', () => {
    expect(lowerSequence(ours, ours)).toBeNull()
    expect(lowerSequence(at(geo + 1), ours)).toBeNull()
    expect(lowerSequence(at(0), null)).toBeNull()
  })

  it('ignores sequences only one side knows', () => {
    const { [GEO]: _geo, ...withoutGeo } = ours.sequences
    expect(lowerSequence({ schemaVersion: 2, sequences: withoutGeo }, at(geo + 5))).toBeNull()
    const extra = { schemaVersion: 2 as const, sequences: { 'com.example.sticker': 3 } }
    expect(lowerSequence(ours, extra)).toBeNull()
  })
})
