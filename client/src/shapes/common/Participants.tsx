import {
  findChoice,
  PARTICIPANT_KINDS,
  PARTICIPANT_SHAPE,
  type Choice,
  type MessageKey,
  type ParticipantKind,
} from '@wijktafel/shared'
import { memo, useMemo } from 'react'
import { useEditor, useValue, type TLShape, type TLShapeId } from 'tldraw'
import { lookStyle } from './CardFrame'
import { Swatch } from './Choices'
import { Pictogram } from './Pictogram'

export interface ParticipantSummary {
  id: string
  name: string
  organisation: string
  kind: Choice<ParticipantKind>
}

const unknownKind = PARTICIPANT_KINDS.find((k) => k.id === 'anders')!

function summarise(shape: TLShape | undefined): ParticipantSummary | null {
  if (!shape || shape.type !== PARTICIPANT_SHAPE) return null
  const props = shape.props as { name: string; organisation: string; kind: string }
  return {
    id: shape.id,
    name: props.name,
    organisation: props.organisation,
    kind: findChoice(PARTICIPANT_KINDS, props.kind) ?? unknownKind,
  }
}

/** The name to show for a participant: its name, else its organisation, else its kind. */
export function participantLabel(p: ParticipantSummary, t: (key: MessageKey) => string) {
  return p.name || p.organisation || t(p.kind.label)
}

/** One participant card, by id, on any page; null when it is gone or not a participant. */
export function useParticipant(id: string | null): ParticipantSummary | null {
  const editor = useEditor()
  return useValue(
    'wt participant',
    () => (id ? summarise(editor.getShape(id as TLShapeId)) : null),
    [editor, id],
  )
}

/** Every participant card on the board (all pages), sorted by name. */
export function useAllParticipants(): ParticipantSummary[] {
  const editor = useEditor()
  const query = useMemo(
    () => editor.store.query.records('shape', () => ({ type: { eq: PARTICIPANT_SHAPE } })),
    [editor],
  )
  return useValue(
    'wt participants',
    () =>
      query
        .get()
        .map((s) => summarise(s as TLShape))
        .filter((p): p is ParticipantSummary => p !== null)
        .sort((a, b) => (a.name || a.organisation).localeCompare(b.name || b.organisation)),
    [query],
  )
}

/**
 * A participant reference on a card: the participant kind's pictogram and colour, and the
 * name. A reference to a removed card shows as a grey question mark.
 */
export const ParticipantChip = memo(function ParticipantChip({
  id,
  t,
  big = false,
  iconOnly = false,
}: {
  id: string | null
  t: (key: MessageKey) => string
  big?: boolean
  iconOnly?: boolean
}) {
  const p = useParticipant(id)
  if (!id) return null
  if (!p) {
    return (
      <span className="wtc-chip wtc-chip--missing">
        <Pictogram name="circle-question-mark" size={big ? 32 : 26} />
      </span>
    )
  }
  const label = participantLabel(p, t)
  return (
    <span
      className={`wtc-chip${big ? ' wtc-chip--big' : ''}${iconOnly ? ' wtc-chip--icon-only' : ''}`}
      style={lookStyle(p.kind)}
      title={label}
    >
      <Pictogram name={p.kind.icon} size={big ? 32 : 26} />
      {iconOnly ? null : <span className="wtc-chip__text">{label}</span>}
    </span>
  )
})

/**
 * Picking participants from the participant cards on the board: one (with a "nobody" button
 * when `allowNone`) or several (`multiple`, toggling).
 */
export function ParticipantPicker({
  title,
  value,
  onPick,
  t,
  noneLabel,
}: {
  title: string
  /** One id (or null), or a list for a multiple choice. */
  value: string | null | readonly string[]
  /** Called with the picked id, or null for "nobody". */
  onPick: (id: string | null) => void
  t: (key: MessageKey) => string
  /** When given, a first button that clears a single reference. */
  noneLabel?: string
}) {
  const participants = useAllParticipants()
  const isOn = (id: string) => (Array.isArray(value) ? value.includes(id) : value === id)
  return (
    <fieldset className="wtc-picker">
      <legend className="wtc-picker__title">{title}</legend>
      <div className="wtc-picker__options">
        {noneLabel !== undefined ? (
          <button
            type="button"
            className="wtc-option"
            aria-pressed={value === null}
            onClick={() => onPick(null)}
          >
            <Swatch choice={{ icon: 'ban', color: '#E0E0E0', ink: '#1A1A1A' }} size={24} />
            {noneLabel}
          </button>
        ) : null}
        {participants.map((p) => (
          <button
            key={p.id}
            type="button"
            className="wtc-option"
            aria-pressed={isOn(p.id)}
            onClick={() => onPick(p.id)}
            title={p.organisation || undefined}
          >
            <Swatch choice={p.kind} size={24} />
            {participantLabel(p, t)}
          </button>
        ))}
      </div>
    </fieldset>
  )
}
