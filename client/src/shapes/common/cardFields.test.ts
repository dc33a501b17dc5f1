// @vitest-environment jsdom
import {
  ACTION_SHAPE,
  type CardField,
  createWijktafelSchema,
  DREAM_SHAPE,
  findCard,
  INTEREST_SHAPE,
  LESSON_SHAPE,
  MAX_LONG_TEXT,
  MAX_SHORT_TEXT,
  newIndicator,
  PARTICIPANT_SHAPE,
  validateWijktafelRecord,
} from '@wijktafel/shared'
import { createShapeId, type Editor, type TLShapePartial } from 'tldraw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestEditor } from '../testing/createTestEditor'
import { editCardField } from './cardEdits'

let editor: Editor
beforeEach(() => {
  editor = createTestEditor()
})
afterEach(() => {
  editor.dispose()
})

/** A new card of `type` with its defaults (how it got there is the placement tools' test). */
function createCard(type: string) {
  const id = createShapeId()
  editor.createShape({ id, type, x: 100, y: 100 } as TLShapePartial)
  return editor.getShape(id)!
}

/** Writes props the way the edit panel and the in-place fields do (useCard's `update`). */
function update(type: string, id: string, props: Record<string, unknown>) {
  editor.updateShape({ id, type, props } as TLShapePartial)
}

describe('editing a card field', () => {
  it.each([
    [INTEREST_SHAPE, { text: 'Een plek om samen te koken' }],
    [INTEREST_SHAPE, { category: 'zorg' }],
    [ACTION_SHAPE, { status: 'bezig' }],
    [
      ACTION_SHAPE,
      {
        due: '2027-02-28',
        horizon: 'kort',
        indicators: [{ ...newIndicator('bomen'), what: 'Bomen', baseline: 3, target: 10 }],
      },
    ],
    [PARTICIPANT_SHAPE, { name: 'Buurthuis De Horst', level: 'organisatie' }],
    [DREAM_SHAPE, { horizonYears: 10 }],
  ])('a %s takes %o and stays a valid record', (type, props) => {
    const card = createCard(type)

    update(type, card.id, props)

    const edited = editor.getShape(card.id)!
    expect(edited.props).toEqual({ ...card.props, ...props })
    expect(validateWijktafelRecord(createWijktafelSchema(), edited)).toEqual({ ok: true })
  })

  it.each([
    [INTEREST_SHAPE, { category: 'wens' }],
    [INTEREST_SHAPE, { text: 'x'.repeat(MAX_LONG_TEXT + 1) }],
    [ACTION_SHAPE, { status: 'done' }],
    [ACTION_SHAPE, { due: '2027-02-30' }],
    [PARTICIPANT_SHAPE, { name: 'x'.repeat(MAX_SHORT_TEXT + 1) }],
    [DREAM_SHAPE, { horizonYears: 0 }],
  ])('a %s refuses %o and keeps what it had [1]', (type, props) => {
    const card = createCard(type)

    expect(() => update(type, card.id, props)).toThrow(/Expected/)

    expect(editor.getShape(card.id)).toEqual(card)
  })

  it('an edit is one undo step', () => {
    const interest = createCard(INTEREST_SHAPE)
    editor.markHistoryStoppingPoint('edit')
    update(INTEREST_SHAPE, interest.id, { text: 'Ontmoeten' })

    editor.undo()

    expect(editor.getShape(interest.id)).toEqual(interest)
  })
})

describe('a field edited in the panel', () => {
  it.each([
    [ACTION_SHAPE, 'due', '2027-02-30', 'field.invalidDate'],
    [LESSON_SHAPE, 'date', '30-02-2027', 'field.invalidDate'],
    [
      ACTION_SHAPE,
      'indicators',
      [{ ...newIndicator('i1'), baseline: Number.NaN }],
      'field.invalidValue',
    ],
    [INTEREST_SHAPE, 'category', 'wens', 'field.invalidValue'],
  ])('a %s given %s = %s says %s and changes nothing', (type, name, value, message) => {
    const card = createCard(type)
    const field = (findCard(type)!.fields as Record<string, CardField>)[name]!

    expect(editCardField(editor, card, name, field, value)).toBe(message)

    expect(editor.getShape(card.id)).toEqual(card)
    expect(editor.isDisposed).toBe(false)
  })

  it('each pick is its own undo step', () => {
    const card = createCard(INTEREST_SHAPE)
    const field = (findCard(INTEREST_SHAPE)!.fields as Record<string, CardField>).category!
    editCardField(editor, card, 'category', field, 'brengen')
    editCardField(editor, editor.getShape(card.id)!, 'category', field, 'zorg')

    editor.undo()

    expect(editor.getShape(card.id)!.props).toMatchObject({ category: 'brengen' })
  })

  it('a valid value is written through the same path', () => {
    const card = createCard(LESSON_SHAPE)
    const field = (findCard(LESSON_SHAPE)!.fields as Record<string, CardField>).date!

    expect(editCardField(editor, card, 'date', field, '2027-02-28')).toBeNull()

    expect(editor.getShape(card.id)!.props).toMatchObject({ date: '2027-02-28' })
  })
})

// [1] tldraw treats a write that its store refuses inside an editor command as a crash: the
// editor marks the store as possibly corrupted and <Tldraw> shows its error screen. So the
// panel must never write a value the validators refuse: text fields have a maxLength, choices
// come from the enums, and dates and numbers go through editCardField, which checks them with
// the field's validator first.
