import type { SerializedSchemaV2 } from '@tldraw/store'
import { describe, expect, it } from 'vitest'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { docSchemaStatus } from './docSchemaStatus.js'
import { schemaToWrite } from './schemaToWrite.js'

const schema = createWijktafelSchema()
const ours = schema.serialize()
const older: SerializedSchemaV2 = {
  schemaVersion: 2,
  sequences: { ...ours.sequences, 'com.tldraw.shape.geo': 11 },
}
const newer: SerializedSchemaV2 = {
  schemaVersion: 2,
  sequences: { ...ours.sequences, 'com.tldraw.shape.geo': 99 },
}

describe('docSchemaStatus', () => {
  it('tells a doc at our version, an older and a newer one apart', () => {
    expect(docSchemaStatus(schema, ours)).toBe('same')
    expect(docSchemaStatus(schema, older)).toBe('older')
    expect(docSchemaStatus(schema, newer)).toBe('newer')
  })

  it('takes a doc without a readable schema as at our version', () => {
    expect(docSchemaStatus(schema, null)).toBe('same')
    expect(docSchemaStatus(schema, undefined)).toBe('same')
  })
})

describe('schemaToWrite', () => {
  it('writes ours into a doc that has none', () => {
    expect(schemaToWrite(schema, null)).toEqual(ours)
  })

  it('writes nothing when the doc already says what ours says', () => {
    expect(schemaToWrite(schema, structuredClone(ours))).toBeNull()
  })

  it('raises an older doc to ours', () => {
    expect(schemaToWrite(schema, older)).toEqual(ours)
  })

  it('keeps the sequences only the doc knows', () => {
    const withExtra = {
      schemaVersion: 2 as const,
      sequences: { ...ours.sequences, 'com.example.shape.sticker': 3 },
    }
    expect(schemaToWrite(schema, older)).not.toHaveProperty([
      'sequences',
      'com.example.shape.sticker',
    ])
    expect(schemaToWrite(schema, withExtra)).toBeNull()
    const olderWithExtra = {
      ...older,
      sequences: { ...withExtra.sequences, 'com.tldraw.shape.geo': 11 },
    }
    expect(schemaToWrite(schema, olderWithExtra)).toEqual(withExtra)
  })

  it('writes nothing over a newer doc', () => {
    expect(schemaToWrite(schema, newer)).toBeNull()
  })
})
