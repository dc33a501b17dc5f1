import type { TLRecord, TLShape } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { docSchemaStatus } from '../schema/docSchemaStatus.js'
import { migrateRecord } from '../schema/migrateRecord.js'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { validateWijktafelRecord } from '../shapes/validateWijktafelRecord.js'
import { initialBoardRecords } from '../templates/initialBoard.js'
import { CARDS } from './index.js'
import stored from './fixtures/example-board-before-kit.json' with { type: 'json' }

/**
 * The De Horst example board as the version before the card kit wrote it (commit 115154b,
 * `initialBoardRecords({ template: 'example', locale: 'nl' })` and its schema, still today's
 * layout until the impact model): boards people stored then must load now, the action's one
 * indicator moved into its list of indicators.
 */
describe('a board stored before the card kit', () => {
  const schema = createWijktafelSchema()
  const records = stored.records as unknown as TLRecord[]
  const MIGRATED = new Set(['wt-action', 'wt-lesson', 'wt-bottleneck'])
  const migrate = (record: TLRecord) => {
    const result = migrateRecord(schema, record, stored.schema as never)
    if (!result.ok) throw new Error(`${record.id} did not migrate`)
    return result.record as TLRecord & { type?: string; props?: Record<string, unknown> }
  }

  it('is older than today: the action, lesson and bottleneck cards migrate', () => {
    expect(docSchemaStatus(schema, stored.schema as never)).toBe('older')
  })

  it('loads record for record: valid, and unchanged but for the migrated cards', () => {
    for (const record of records) {
      const migrated = migrate(record)
      expect(validateWijktafelRecord(schema, migrated), record.id).toEqual({ ok: true })
      if (!('type' in record) || !MIGRATED.has(record.type)) expect(migrated).toEqual(record)
    }
  })

  it("keeps an action's indicator as its first indicator, the undated latest value kept", () => {
    const actions = records.filter((r) => 'type' in r && r.type === 'wt-action').map(migrate)
    expect(actions).toHaveLength(4)
    const demo = actions.find((a) => a.props!.what === 'Demonstratiewoning open voor buren')!
    expect(demo.props).toMatchObject({
      horizon: '',
      indicators: [
        {
          id: 'i1',
          what: 'Bezoekers',
          unit: 'anders',
          unitLabel: '',
          baseline: 0,
          target: 150,
          undatedLatest: 37,
          measuredBy: 'bewoners',
          euroPerUnit: null,
        },
      ],
    })
    for (const action of actions) {
      for (const old of ['indicator', 'baseline', 'latest', 'target', 'measuredBy']) {
        expect(action.props, old).not.toHaveProperty(old)
      }
    }
  })

  it('puts lessons and bottlenecks in no round', () => {
    for (const type of ['wt-lesson', 'wt-bottleneck']) {
      const cards = records.filter((r) => 'type' in r && r.type === type).map(migrate)
      expect(cards.length, type).toBeGreaterThan(0)
      for (const card of cards) expect(card.props!.roundId).toBe('')
    }
  })

  it('has every card the example template still makes, with the same words', () => {
    const now = initialBoardRecords({ template: 'example', locale: 'nl', title: 'De Horst' })
    const cardsOf = (list: TLRecord[]) =>
      list
        .filter((r): r is TLShape => r.typeName === 'shape' && r.type.startsWith('wt-'))
        .map((r) => {
          const card = CARDS.find((c) => c.type === r.type)
          return card ? `${r.type}: ${card.textOf(r.props as never)}` : null
        })
        .filter((c) => c !== null)
    const today = new Set(cardsOf(now))
    for (const card of cardsOf(records)) expect(today, card).toContain(card)
  })
})
