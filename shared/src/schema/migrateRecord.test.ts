import type { SerializedSchemaV2 } from '@tldraw/store'
import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it, vi } from 'vitest'
import { geoShape, olderGeoShape } from '../../../tests/helpers/records.js'
import { createWijktafelSchema, getWijktafelDefaultProps } from '../shapes/wijktafelSchema.js'
import { migrateDocRecords } from './migrateDocRecords.js'
import { migrateRecord } from './migrateRecord.js'

const schema = createWijktafelSchema()
const current = schema.serialize()

const dream = {
  ...geoShape('dream'),
  type: 'wt-dream',
  props: { ...getWijktafelDefaultProps('wt-dream'), text: 'Een groene wijk' },
} as unknown as TLRecord

/** A schema at which tldraw's geo shapes had no flipX and flipY yet (geo version 12 added them). */
const beforeFlip: SerializedSchemaV2 = {
  schemaVersion: 2,
  sequences: { ...current.sequences, 'com.tldraw.shape.geo': 11 },
}

const olderGeo = (name: string) => olderGeoShape(name) as unknown as TLRecord

describe('migrateRecord', () => {
  it('round-trips a record at the current version unchanged', () => {
    expect(migrateRecord(schema, dream, current)).toEqual({ ok: true, record: dream })
  })

  it('counts a record as current when the doc has no schema', () => {
    expect(migrateRecord(schema, dream, null)).toEqual({ ok: true, record: dream })
  })

  it('takes records from a board saved before our shapes existed', () => {
    const before: SerializedSchemaV2 = {
      ...current,
      sequences: Object.fromEntries(
        Object.entries(current.sequences).filter(([id]) => !id.includes('.wt-')),
      ),
    }
    expect(migrateRecord(schema, dream, before)).toEqual({ ok: true, record: dream })
  })

  it('brings a record written at an older version up to ours', () => {
    const result = migrateRecord(schema, olderGeo('old'), beforeFlip)
    expect(result).toMatchObject({ ok: true, record: { props: { flipX: false, flipY: false } } })
  })

  it('refuses a record from a newer version of Wijktafel with a clear error', () => {
    const newer: SerializedSchemaV2 = {
      ...current,
      sequences: { ...current.sequences, 'com.tldraw.shape.wt-dream': 1 },
    }
    // tldraw logs 'Incompatible schema?' before returning its bare error.
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(schema.migratePersistedRecord(dream, newer).type).toBe('error')
    log.mockRestore()
    expect(migrateRecord(schema, dream, newer)).toEqual({
      ok: false,
      problem: 'newer',
      reason: 'com.tldraw.shape.wt-dream version 1',
      error:
        'The record was written by a newer version (com.tldraw.shape.wt-dream version 1; this version knows up to 0). Reload to update.',
    })
  })

  it('says why a migration refused a record', () => {
    const broken = { ...olderGeo('broken'), props: undefined } as unknown as TLRecord
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const result = migrateRecord(schema, broken, beforeFlip)
    log.mockRestore()
    expect(result).toMatchObject({ ok: false, problem: 'failed', reason: 'migration-error' })
  })
})

describe('migrateDocRecords', () => {
  it('migrates a whole doc in one go', () => {
    const stored = new Map<string, unknown>([
      ['shape:a', olderGeo('a')],
      ['shape:dream', dream],
    ])
    const warn = vi.fn()
    const { records, failed } = migrateDocRecords(schema, beforeFlip, stored, warn)
    expect(failed.size).toBe(0)
    expect(warn).not.toHaveBeenCalled()
    expect(records.get('shape:a')).toMatchObject({ props: { flipX: false } })
    expect(records.get('shape:dream')).toEqual(dream)
  })

  it('falls back to one record at a time and lists the ones that failed', () => {
    const stored = new Map<string, unknown>([
      ['shape:a', olderGeo('a')],
      ['shape:broken', { ...olderGeo('broken'), props: undefined }],
    ])
    const warn = vi.fn()
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { records, failed } = migrateDocRecords(schema, beforeFlip, stored, warn)
    log.mockRestore()
    expect([...failed]).toEqual(['shape:broken'])
    expect(records.get('shape:a')).toMatchObject({ props: { flipX: false } })
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/record by record$/))
  })
})
