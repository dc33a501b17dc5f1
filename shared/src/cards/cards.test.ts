import { createTLSchema, defaultShapeSchemas } from '@tldraw/tlschema'
import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en.js'
import { nl } from '../i18n/nl.js'
import { createWijktafelSchema } from '../shapes/wijktafelSchema.js'
import { validateWijktafelRecord } from '../shapes/validateWijktafelRecord.js'
import { defineCard } from './defineCard.js'
import { shortText, type CardField } from './fields.js'
import { CARDS, forgetParticipant, getCardKind, lessonCard, roleCard, ruleCard } from './index.js'

const schema = createWijktafelSchema()

function shapeRecord(type: string, props: object) {
  return {
    id: 'shape:card',
    typeName: 'shape',
    type,
    x: 0,
    y: 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props,
  }
}

describe('the card kit', () => {
  it.each(CARDS.map((c) => [c.kind, c] as const))(
    '%s: its type, label and every field label exist, and a new card is valid',
    (kind, card) => {
      expect(card.type).toBe(`wt-${kind}`)
      expect(getCardKind(card.type)).toBe(card)
      const fields: Record<string, CardField> = card.fields
      for (const key of [card.label, ...Object.values(fields).map((f) => f.label)]) {
        expect(nl[key]).toBeTruthy()
        expect(en[key]).toBeTruthy()
      }
      expect(validateWijktafelRecord(schema, shapeRecord(card.type, card.defaults()))).toEqual({
        ok: true,
      })
      expect(Object.keys(card.props).sort()).toEqual(['w', 'h', ...Object.keys(card.fields)].sort())
    },
  )

  it('hands out a fresh copy of the defaults each time', () => {
    const a = ruleCard.defaults()
    a.agreedBy.push('shape:x')
    expect(ruleCard.defaults().agreedBy).toEqual([])
  })

  it("joins a card's text fields for its text", () => {
    expect(roleCard.textOf({ ...roleCard.defaults(), partner: 'Buurtteam' })).toBe('Buurtteam')
    expect(lessonCard.textOf(lessonCard.defaults())).toBe('')
  })

  it('checks dates as real calendar dates, in every card that has one', () => {
    const lesson = (d: string) => shapeRecord('wt-lesson', { ...lessonCard.defaults(), date: d })
    expect(validateWijktafelRecord(schema, lesson('2027-02-28')).ok).toBe(true)
    expect(validateWijktafelRecord(schema, lesson('2027-02-30'))).toMatchObject({ ok: false })
  })

  it('numbers migrations by their place and runs them on stored cards', () => {
    // A rule kind one version on: 'who' added with a default (the rule has no migration yet).
    const next = defineCard({
      kind: 'rule',
      look: ruleCard,
      map: ruleCard.map,
      size: ruleCard.defaultSize,
      fields: { ...ruleCard.fields, who: shortText({ label: 'field.who' }) },
      text: ['text'],
      migrations: [
        {
          id: 'AddWho',
          up: (props) => {
            props.who = ''
          },
          down: (props) => {
            delete props.who
          },
        },
      ],
    })
    const nextSchema = createTLSchema({
      shapes: { ...defaultShapeSchemas, 'wt-rule': next },
    })
    expect(nextSchema.serialize().sequences['com.tldraw.shape.wt-rule']).toBe(1)
    const stored = shapeRecord('wt-rule', ruleCard.defaults())
    const migrated = nextSchema.migratePersistedRecord(stored as never, schema.serialize())
    expect(migrated).toMatchObject({ type: 'success', value: { props: { who: '' } } })
  })
})

describe('forgetting a deleted participant', () => {
  const gone = { id: 'shape:gone', props: { name: 'Fatima' } }
  const other = 'shape:other'

  it('clears a one-participant field and keeps the name on a role', () => {
    const role = { type: 'wt-role', props: { ...roleCard.defaults(), participantId: gone.id } }
    expect(forgetParticipant(role, roleCard.fields, gone)).toEqual({
      participantId: null,
      partner: 'Fatima',
    })
  })

  it('takes it out of a list and leaves the others', () => {
    const rule = { type: 'wt-rule', props: { ...ruleCard.defaults(), agreedBy: [gone.id, other] } }
    expect(forgetParticipant(rule, ruleCard.fields, gone)).toEqual({ agreedBy: [other] })
  })

  it('changes nothing on a card that does not refer to it', () => {
    const rule = { type: 'wt-rule', props: { ...ruleCard.defaults(), agreedBy: [other] } }
    expect(forgetParticipant(rule, ruleCard.fields, gone)).toBeNull()
  })
})
