import type { CardField, MessageKey } from '@wijktafel/shared'
import type { Editor, TLShape, TLShapePartial } from 'tldraw'

/**
 * Writes one field of a card, as the edit panel (and later the outline) does, after checking
 * the value with the field's own validator from the card kit: a bad value (a date that does
 * not exist, say 2027-02-30) gets a message key for a clear error and changes nothing,
 * instead of making the store throw [1].
 */
export function editCardField(
  editor: Editor,
  shape: TLShape,
  name: string,
  field: CardField,
  value: unknown,
): MessageKey | null {
  try {
    field.validator.validate(value)
  } catch {
    return field.edit === 'date' ? 'field.invalidDate' : 'field.invalidValue'
  }
  // Each pick in the panel is its own undo step, like a click on a tldraw style button.
  editor.markHistoryStoppingPoint(`edit ${name}`)
  editor.updateShape({ id: shape.id, type: shape.type, props: { [name]: value } } as TLShapePartial)
  return null
}

// [1] The store validates every record it is given and throws on the first invalid one,
//     which tldraw shows as its error screen. The same validator decides on the server.
