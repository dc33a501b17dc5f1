import type { TLRecord } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { docSchemaStatus } from '../schema/docSchemaStatus.js'
import { migrateRecord } from '../schema/migrateRecord.js'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { validateWijktafelRecord } from '../shapes/validateWijktafelRecord.js'
import { initialBoardRecords } from '../templates/initialBoard.js'
import stored from './fixtures/example-board-before-kit.json' with { type: 'json' }

/**
 * The De Horst example board as the version before the card kit wrote it (commit 115154b,
 * `initialBoardRecords({ template: 'example', locale: 'nl' })` and its schema): boards people
 * stored then must load unchanged now.
 */
describe('a board stored before the card kit', () => {
  const schema = createWijktafelSchema()
  const records = stored.records as unknown as TLRecord[]

  it('was written with the schema versions the kit still has', () => {
    expect(docSchemaStatus(schema, stored.schema as never)).toBe('same')
    expect(schema.serialize()).toEqual(stored.schema)
  })

  it('loads record for record, unchanged and valid', () => {
    for (const record of records) {
      const migrated = migrateRecord(schema, record, stored.schema as never)
      expect(migrated).toEqual({ ok: true, record })
      expect(validateWijktafelRecord(schema, record), record.id).toEqual({ ok: true })
    }
  })

  it('is what the example template still makes, but for where exchange labels sit', () => {
    const now = initialBoardRecords({ template: 'example', locale: 'nl', title: 'De Horst' })
    const withoutLabelPosition = (r: TLRecord) =>
      r.typeName === 'shape' && r.type === 'arrow'
        ? { ...r, props: { ...r.props, labelPosition: 0 } }
        : r
    expect(canonical(now.map(withoutLabelPosition))).toEqual(
      canonical(records.map(withoutLabelPosition)),
    )
  })
})

/** The records with their random ids replaced by their order of appearance (ID0, ID1...). */
function canonical(records: TLRecord[]): unknown {
  let json = JSON.stringify(records)
  records.forEach((r, i) => (json = json.split(JSON.stringify(r.id)).join(`"ID${i}"`)))
  return JSON.parse(json)
}
