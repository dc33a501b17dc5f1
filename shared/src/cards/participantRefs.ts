import type { CardField } from './fields.js'

interface ShapeLike {
  readonly type: string
  readonly props: object
}

interface ParticipantLike {
  readonly id: string
  readonly props: { readonly name: string }
}

/**
 * What happens to a card that refers to a participant when that participant is deleted [1]:
 * the props to write (a one-participant field becomes null, the participant leaves a list; a
 * role keeps the participant's name as its partner text), or null when the card does not
 * refer to it. `fields` are the card kind's fields (shared/src/cards); zones pass their own.
 */
export function forgetParticipant(
  shape: ShapeLike,
  fields: Readonly<Record<string, Pick<CardField, 'edit'>>>,
  participant: ParticipantLike,
): Record<string, unknown> | null {
  const props = shape.props as Record<string, unknown>
  const patch: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(fields)) {
    const value = props[name]
    if (field.edit === 'participant' && value === participant.id) patch[name] = null
    if (field.edit === 'participants' && Array.isArray(value) && value.includes(participant.id)) {
      patch[name] = value.filter((id) => id !== participant.id)
    }
  }
  if (Object.keys(patch).length === 0) return null
  if ('partner' in props && props.partner === '' && patch.participantId === null) {
    patch.partner = participant.props.name
  }
  return patch
}

// [1] Kept and cleared rather than deleted with it: a role, an expectation or an agreed rule
//     says something about the partnership even when one partner leaves the map, and a card
//     pointing at a participant that no longer exists would show an empty chip forever. The
//     interests inside a participant's area are its children in tldraw and go with it; the
//     client does both in the one change (and so the one undo step) that deletes it.
