import { describe, expect, it, vi } from 'vitest'
import type { DocSchema } from '@wijktafel/shared'
import { byId, ruleContext } from '../../../tests/helpers/ruleContext.js'
import {
  geoShape,
  interestCard,
  olderGeoShape,
  pageRecord,
} from '../../../tests/helpers/records.js'
import { createBoardSchema } from '../records/boardSchema.js'
import { recordValidityRule } from './recordValidityRule.js'

const schema = createBoardSchema()
const rule = recordValidityRule(schema)
const ours = schema.serialize()
const atGeo = (version: number) => ({
  schemaVersion: 2 as const,
  sequences: { ...ours.sequences, 'com.tldraw.shape.geo': version },
})

/**
 * The reason a record written with the doc at `docSchema` is refused, or null; by a writer
 * that declared `writerSchema` when given.
 */
function judge(
  record: { id: string },
  docSchema: unknown = ours,
  writerSchema?: DocSchema | null,
): string | null {
  const context = ruleContext({
    records: { writes: byId(record) },
    meta: { before: { schema: docSchema } },
    writerSchema,
  })
  return rule.check(context)?.reason ?? null
}

describe('recordValidityRule', () => {
  it('accepts valid records, our cards and tldraw’s own', () => {
    expect(judge(geoShape('dream', 'Een groene wijk'))).toBeNull()
    expect(judge(interestCard('card', { text: 'Hi' }))).toBeNull()
    expect(judge(pageRecord('page:two', 'Pagina 2'))).toBeNull()
  })

  it('names the bad prop and counts the allowed values instead of listing them', () => {
    expect(judge(interestCard('interest', { category: 'bogus' }))).toBe(
      'invalid record shape:interest: At shape(type = wt-interest).props.category: Expected one of 4 values, got bogus',
    )
  })

  it('migrates a record from the doc’s older schema before validating it', () => {
    expect(judge(olderGeoShape('old'), atGeo(11))).toBeNull()
    expect(judge(olderGeoShape('old'), ours)).toMatch(/^invalid record shape:old: .*flipX/)
  })

  it('migrates from the schema its writer declared, even when the doc’s is newer', () => {
    expect(judge(olderGeoShape('old'), ours, atGeo(11))).toBeNull()
    // Without a declared schema the doc's counts, and there the record is missing props.
    expect(judge(olderGeoShape('old'), ours, null)).toMatch(/^invalid record shape:old: .*flipX/)
    // A writer that declared the current schema gets no migration from an older doc's.
    expect(judge(olderGeoShape('old'), atGeo(11), ours)).toMatch(/flipX/)
  })

  it('judges a record as current when the doc has no readable schema', () => {
    expect(judge(geoShape('dream'), undefined)).toBeNull()
    expect(judge(geoShape('dream'), 'latest')).toBeNull()
  })

  it('refuses records at a schema this server does not know, the doc’s or the writer’s', () => {
    const reason = 'invalid record shape:dream: written at a schema this server does not know'
    expect(judge(geoShape('dream'), atGeo(99))).toBe(reason)
    expect(judge(geoShape('dream'), ours, atGeo(99))).toBe(reason)
  })

  it('refuses a record its migration fails on', () => {
    const broken = { ...olderGeoShape('broken'), props: 'none' }
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const reason = judge(broken, atGeo(11))
    log.mockRestore()
    expect(reason).toBe('invalid record shape:broken: migration failed (migration-error)')
  })
})
