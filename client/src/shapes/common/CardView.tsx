import {
  findChoice,
  type CardDefinition,
  type CardField,
  type ChoiceField,
  type IconName,
  type Locale,
  type MessageKey,
  MAX_SIZE,
} from '@wijktafel/shared'
import { memo, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode } from 'react'
import { useEditor, type Editor, type TLShape, type TLShapePartial } from 'tldraw'
import { CardFrame, type CardLook } from './CardFrame'
import { ChoiceChip } from './Choices'
import { FieldRow } from './FieldRow'
import { HorizonBadge } from './HorizonBadge'
import { formatDate } from './PanelFields'
import { ParticipantChip } from './Participants'
import { Pictogram } from './Pictogram'
import { TextField } from './TextField'
import { scheduleMeasure } from './measureQueue'
import { useCard, type CardState } from './useCard'
import { CardVote } from '../../board/meeting/CardVote'
import { useMeetingStore } from '../../board/meeting/meetingStore'

type Props = Record<string, unknown>

/** What a kind adds to the card drawn from its fields: a part before or after them. */
export interface CardParts {
  Before?: ComponentType<CardPartProps>
  After?: ComponentType<CardPartProps>
}

export interface CardPartProps {
  shape: TLShape
  card: CardState<TLShape>
}

/**
 * Any card, drawn from its kind's fields (shared/src/cards): the look of the kind or of the
 * choice that gives it its colour, badges in the header band, then the fields in order. Text
 * fields are typed in place; runs of chips share one row [1].
 */
export const CardView = memo(function CardView({
  shape,
  card,
  parts,
}: {
  shape: TLShape
  card: CardDefinition
  parts: CardParts
}) {
  const state = useCard(shape)
  const { editing, t } = state
  const props = shape.props as Props
  const fields = Object.entries(card.fields)
  const lookField = fields.find(([, f]) => f.edit === 'choice' && f.show === 'look')
  const lookChoice =
    lookField && findChoice((lookField[1] as ChoiceField).choices, props[lookField[0]])
  const look: CardLook = lookChoice
    ? { ...lookChoice, label: t(lookChoice.label) }
    : { ...card, label: t(card.label) }
  const badges = fields.map(([name, field]) => badgeOf(name, field, props, state))
  const firstText = fields.find(([name, f]) => f.edit === 'text' && isShown(f, props))?.[0]
  const { Before, After } = parts
  const grow = useGrow(shape, editing, state.exporting)
  // One subscription per card instead of CardVote's seven while no vote is open [3].
  const voting = useMeetingStore((s) => !!s.meeting.vote)
  return (
    <CardFrame
      look={look}
      editing={editing}
      variant={card.variant}
      badge={badges.some(Boolean) ? <>{badges}</> : null}
      bodyRef={grow.ref}
      overflowing={grow.overflowing}
    >
      {Before ? <Before shape={shape} card={state} /> : null}
      {rows(fields.map(([name, field]) => bodyOf(name, field, props, state, name === firstText)))}
      {After ? <After shape={shape} card={state} /> : null}
      {card.variant === 'area' || !voting ? null : (
        <CardVote shape={shape} exporting={state.exporting} />
      )}
    </CardFrame>
  )
})

/** Shown on the card: not hidden, and not waiting for another field to be empty. */
function isShown(field: CardField, props: Props): boolean {
  if (field.hidden) return false
  return !(field.edit === 'text' && field.unless && props[field.unless])
}

function badgeOf(name: string, field: CardField, props: Props, { t, locale }: CardState<TLShape>) {
  const value = props[name]
  switch (field.edit) {
    case 'choice': {
      if (field.show !== 'badge' && field.show !== 'badge-icon') return null
      const choice = findChoice(field.choices, value)
      return choice ? (
        <ChoiceChip key={name} choice={choice} t={t} iconOnly={field.show === 'badge-icon'} />
      ) : null
    }
    case 'horizon':
      return <HorizonBadge key={name} years={value as number} t={t} />
    case 'flag':
      return value ? (
        <span key={name} title={t(field.label)}>
          <Pictogram name={field.icon} size={32} />
        </span>
      ) : null
    case 'date':
      return field.show === 'badge' && value ? (
        <DateBadge key={name} date={value as string} label={t(field.label)} locale={locale} />
      ) : null
    default:
      return null
  }
}

/** One field in the card's body: a block of its own, or a chip that shares a row. */
type BodyPart = { block: ReactNode } | { chip: ReactNode } | null

function bodyOf(
  name: string,
  field: CardField,
  props: Props,
  { editing, exporting, locale, t, update }: CardState<TLShape>,
  first: boolean,
): BodyPart {
  if (!isShown(field, props)) return null
  const value = props[name]
  const label = t(field.label)
  switch (field.edit) {
    case 'text': {
      if (field.icon && !value && exporting) return null
      const input = (
        <TextField
          key={name}
          value={value as string}
          onChange={(text) => update({ [name]: text })}
          editing={editing}
          exporting={exporting}
          placeholder={label}
          size={field.size}
          multiline={field.long}
          muted={field.muted}
          autoFocus={first}
        />
      )
      return {
        block: field.icon ? (
          <FieldRow key={name} icon={<Pictogram name={field.icon} size={28} />} title={label}>
            {input}
          </FieldRow>
        ) : (
          input
        ),
      }
    }
    case 'choice': {
      const choice = findChoice(field.choices, value)
      if (!choice || (field.show !== 'chip' && field.show !== 'big')) return null
      const chip = <ChoiceChip key={name} choice={choice} t={t} big={field.show === 'big'} />
      return field.show === 'big' ? { block: <div className="wtc-row">{chip}</div> } : { chip }
    }
    case 'choices': {
      const picked = field.choices.filter((c) => (value as string[]).includes(c.id))
      if (picked.length === 0) return null
      return { chip: picked.map((c) => <ChoiceChip key={c.id} choice={c} t={t} iconOnly />) }
    }
    case 'participant':
      return value ? { chip: <ParticipantChip key={name} id={value as string} t={t} /> } : null
    case 'participants':
      return participantsRow(name, field.icon, value as string[], label, t)
    case 'date':
      return field.show === 'chip' && value
        ? { chip: <DateBadge key={name} date={value as string} label={label} locale={locale} /> }
        : null
    default:
      return null
  }
}

function participantsRow(
  name: string,
  icon: IconName | undefined,
  ids: string[],
  label: string,
  t: (key: MessageKey) => string,
): BodyPart {
  if (ids.length === 0) return null
  const chips = (
    <div className="wtc-row">
      {ids.map((id) => (
        <ParticipantChip key={id} id={id} t={t} iconOnly={ids.length > 2} />
      ))}
    </div>
  )
  if (!icon) return { block: <div key={name}>{chips}</div> }
  return {
    block: (
      <FieldRow key={name} icon={<Pictogram name={icon} size={28} />} title={label}>
        {chips}
      </FieldRow>
    ),
  }
}

/** Consecutive chips share one wrapping row; blocks stand on their own. */
function rows(parts: BodyPart[]): ReactNode[] {
  const out: ReactNode[] = []
  let chips: ReactNode[] = []
  const flush = () => {
    if (chips.length)
      out.push(
        <div key={`row-${out.length}`} className="wtc-row">
          {chips}
        </div>,
      )
    chips = []
  }
  for (const part of parts) {
    if (!part) continue
    if ('chip' in part) chips.push(part.chip)
    else {
      flush()
      out.push(part.block)
    }
  }
  flush()
  return out
}

function DateBadge({ date, label, locale }: { date: string; label: string; locale: Locale }) {
  return (
    <span className="wtc-card__badge" title={label}>
      <Pictogram name="calendar" size={26} />
      {formatDate(date, locale)}
    </span>
  )
}

/**
 * Cards grow with their text, like tldraw's notes: a card whose body overflows is made taller
 * by whoever may edit it and sees it, so everyone can read the whole text (the person typing
 * gets it in their undo step; anyone else's correction stays out of their history). A card
 * that still does not fit (a viewer's screen, or the size limit) shows a fade and "…" [2].
 */
function useGrow(shape: TLShape, editing: boolean, exporting: boolean) {
  const editor = useEditor()
  const ref = useRef<HTMLDivElement>(null)
  const [overflowing, setOverflowing] = useState(false)
  const { id, type } = shape
  const h = (shape.props as { h: number }).h
  useLayoutEffect(() => {
    if (exporting) return
    // Reads how far the text overflows; returns what to do about it, once all reads are done.
    const measure = (): (() => void) | 'later' | undefined => {
      const body = ref.current
      if (!body) return
      // Until tldraw has sized the shape's container (after this effect, on mount), the card
      // is no taller than its content and would seem to overflow: measure on the next frame.
      const card = body.parentElement
      if (!card || card.offsetHeight < h - 1) return 'later'
      let extra = body.scrollHeight - body.clientHeight
      // While editing, a textarea scrolls inside the body instead of overflowing it.
      for (const area of body.querySelectorAll('textarea')) {
        extra = Math.max(extra, area.scrollHeight - area.clientHeight)
      }
      const next = Math.min(MAX_SIZE, Math.ceil(h + extra))
      if (extra > 1 && next > h && mayGrow(editor)) {
        const grow = () => editor.updateShape({ id, type, props: { h: next } } as TLShapePartial)
        return () => {
          editor.run(grow, { history: editing ? 'record' : 'ignore' })
        }
      }
      const over = extra > 1
      return () => setOverflowing(over)
    }
    if (editing) {
      // The person typing sees the card grow in the frame that shows the new text.
      const write = measure()
      if (write !== 'later') {
        write?.()
        return
      }
    }
    // Everyone else's cards are measured together on the next frame (measureQueue.ts).
    // A card still not laid out after one more frame is hidden (off screen): as before, it
    // is measured when it next renders.
    let cancel = () => {}
    let tries = 0
    const queued = () => {
      const write = measure()
      if (write !== 'later') return write
      if (++tries < 2) cancel = scheduleMeasure(ref, queued)
    }
    cancel = scheduleMeasure(ref, queued)
    return () => cancel()
  })
  return { ref, overflowing }
}

/** Not for viewers, and not while a person drags a card's size (it grows back after). */
function mayGrow(editor: Editor): boolean {
  return !editor.getIsReadonly() && !editor.isIn('select.resizing')
}

// [1] One renderer for thirteen kinds: a new field shows on every card that has it without
//     touching any card file, and the outline view, the edit panel and the server read the
//     same field list. A kind with something no field describes (the action's goal, the
//     expectation's "from → to") adds a part before or after the fields.
// [2] Measured after every render, which costs a layout read per rendered card; cards
//     re-render only when their own record changes (memo), so a big board pays this once,
//     and all cards of a frame are read together, then written (measureQueue.ts). A
//     card that overflows on several screens at once may be grown by each of them: every
//     write only raises the height to what that screen needs, so they settle on the largest.
//     Exports never write: they render a copy of the card into an image.
// [3] CardVote draws nothing without a vote; mounted on every card it cost six store
//     selectors, a translation hook and a computed signal per card while opening a board.
