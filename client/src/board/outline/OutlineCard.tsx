import {
  findCard,
  findChoice,
  translate,
  type CardDefinition,
  type CardField,
  type Choice,
  type MessageKey,
  type TextField,
} from '@wijktafel/shared'
import { Trash2 } from 'lucide-react'
import { memo, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useEditor, useValue, type TLShape, type TLShapeId, type TLShapePartial } from 'tldraw'
import { CardPanel } from '../../shapes/common/CardPanel'
import { ChoiceChip, Swatch } from '../../shapes/common/Choices'
import { formatDate } from '../../shapes/common/PanelFields'
import { ParticipantChip } from '../../shapes/common/Participants'
import { LONG_TEXT, SHORT_TEXT } from '../../shapes/common/TextField'
import { Pictogram } from '../../shapes/common/Pictogram'
import { useSession } from '../../state/session'
import { ReadAloudButton } from '../speech/ReadAloudButton'
import { fill } from '../present/actions'
import { deleteCardFromOutline } from './addCard'

type Props = Record<string, unknown>

/**
 * One card in the outline, everything from its kind in the card kit: its pictogram and label
 * (an interest's category, a participant's kind), its text fields as labelled inputs, its
 * other fields as short facts (status, owner, date, agreed by...), the kind's own edit panel
 * (CardPanel) under "Meer aanpassen", read aloud, and remove with a confirmation. Viewers get
 * the text and the facts only.
 */
export const OutlineCard = memo(function OutlineCard({
  id,
  readonly,
  ownerId,
}: {
  id: TLShapeId
  readonly: boolean
  /** The participant whose section this is: not repeated as a fact on each interest. */
  ownerId?: TLShapeId
}) {
  const editor = useEditor()
  const locale = useSession((s) => s.locale)
  const t = (key: MessageKey) => translate(locale, key)
  const shape = useValue('outline card', () => editor.getShape(id), [editor, id])
  const [confirming, setConfirming] = useState(false)
  // The panel's pickers are built only when opened: a board has many cards [1].
  const [more, setMore] = useState(false)
  const titleId = useId()
  const root = useRef<HTMLElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)
  const card = shape ? findCard(shape.type) : undefined
  if (!shape || !card) return null
  const props = shape.props as Props
  const look = lookOf(card, props)
  const kind = t(card.label)
  const title = look.choice ? `${kind}: ${t(look.choice.label)}` : kind
  const text = card.textOf(props as never)

  const remove = () => {
    // Focus goes to the section's heading, not to the top of the page.
    const heading = root.current?.closest('section')?.querySelector<HTMLElement>('h3, h4')
    deleteCardFromOutline(editor, id)
    requestAnimationFrame(() => heading?.focus())
  }

  return (
    <article
      ref={root}
      className="wt-outline-card"
      aria-labelledby={titleId}
      data-card-id={id}
      data-kind={card.kind}
    >
      <div className="wt-outline-card__head">
        <Swatch choice={look.choice ?? card} size={26} />
        <span id={titleId} className="wt-outline-card__kind">
          {title}
        </span>
        <span className="wt-outline-card__tools">
          <ReadAloudButton text={text} />
          {readonly ? null : (
            <button
              type="button"
              className="wt-outline__button wt-outline__button--quiet"
              aria-label={fill(t('outline.delete.label'), { kind, text: text || '…' })}
              aria-expanded={confirming}
              ref={deleteButton}
              onClick={() => setConfirming(true)}
            >
              <Trash2 aria-hidden="true" size={20} />
              <span>{t('outline.delete')}</span>
            </button>
          )}
        </span>
      </div>
      {confirming ? (
        <Confirm
          message={t('outline.delete.confirm')}
          yes={t('outline.delete.yes')}
          no={t('outline.delete.no')}
          onYes={remove}
          onNo={() => {
            setConfirming(false)
            deleteButton.current?.focus()
          }}
        />
      ) : null}
      {textFields(card).map(([name, field]) =>
        field.unless && props[field.unless] ? null : (
          <CardText
            key={name}
            shape={shape}
            name={name}
            field={field}
            label={t(field.label)}
            readonly={readonly}
          />
        ),
      )}
      <Facts card={card} props={props} ownerId={ownerId} t={t} locale={locale} />
      {readonly || !hasPanelFields(card) ? null : (
        <details className="wt-outline-card__more" onToggle={(e) => setMore(e.currentTarget.open)}>
          <summary>{t('outline.more')}</summary>
          {more ? (
            <div className="wt-outline-card__panel">
              <CardPanel shape={shape} card={card} readAloud={false} />
            </div>
          ) : null}
        </details>
      )}
    </article>
  )
})

/** The choice that gives the card its look (an interest's category), or the kind's own. */
function lookOf(card: CardDefinition, props: Props): { choice?: Choice } {
  for (const [name, field] of Object.entries(card.fields)) {
    if (field.edit === 'choice' && field.show === 'look') {
      const choice = findChoice(field.choices, props[name] as string)
      if (choice) return { choice }
    }
  }
  return {}
}

function textFields(card: CardDefinition): [string, TextField][] {
  return Object.entries(card.fields).filter(
    (e): e is [string, TextField] => e[1].edit === 'text' && !e[1].hidden,
  )
}

/** The card panel shows the fields that are not typed on the card. */
function hasPanelFields(card: CardDefinition): boolean {
  return Object.values(card.fields).some((f) => f.edit !== 'text' && f.edit !== 'flag')
}

/**
 * A text field of the card: a labelled input (one line) or textarea (free text). Checked by
 * the field's validator like every edit; all typing from focus to leaving is one undo step.
 */
function CardText({
  shape,
  name,
  field,
  label,
  readonly,
}: {
  shape: TLShape
  name: string
  field: TextField
  label: string
  readonly: boolean
}) {
  const editor = useEditor()
  const id = useId()
  const value = ((shape.props as Props)[name] as string) ?? ''
  if (readonly) {
    if (!value) return null
    return (
      <p className={`wt-outline-card__text${field.long ? '' : ' wt-outline-card__text--short'}`}>
        <span className="wt-outline-card__label">{label}: </span>
        {value}
      </p>
    )
  }
  const onFocus = () => {
    editor.markHistoryStoppingPoint(`outline ${name}`)
    // Others see who is at this card (their presence), and so who changed it.
    if (editor.getAncestorPageId(shape) === editor.getCurrentPageId()) editor.select(shape.id)
  }
  const onChange = (next: string) => {
    try {
      field.validator.validate(next)
    } catch {
      return
    }
    editor.updateShape({
      id: shape.id,
      type: shape.type,
      props: { [name]: next },
    } as TLShapePartial)
  }
  const common = {
    id,
    value,
    onFocus,
    onChange: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value),
    dir: 'auto' as const,
  }
  return (
    <div className="wt-outline-card__field">
      <label htmlFor={id}>{label}</label>
      {field.long ? (
        <textarea {...common} rows={2} maxLength={LONG_TEXT} />
      ) : (
        <input {...common} type="text" maxLength={SHORT_TEXT} />
      )}
    </div>
  )
}

/** The card's other fields, as short facts with their names: what a viewer reads. */
function Facts({
  card,
  props,
  ownerId,
  t,
  locale,
}: {
  card: CardDefinition
  props: Props
  ownerId?: TLShapeId
  t: (key: MessageKey) => string
  locale: string
}) {
  const facts: { name: string; label: string; value: ReactNode }[] = []
  for (const [name, field] of Object.entries(card.fields) as [string, CardField][]) {
    const value = props[name]
    const label = t(field.label)
    const add = (node: ReactNode) => facts.push({ name, label, value: node })
    switch (field.edit) {
      case 'choice': {
        if (field.show === 'look') break // in the card's title
        const choice = findChoice(field.choices, value as string)
        if (choice) add(<ChoiceChip choice={choice} t={t} />)
        break
      }
      case 'choices': {
        const picked = field.choices.filter((c) => (value as string[]).includes(c.id))
        if (picked.length) add(picked.map((c) => <ChoiceChip key={c.id} choice={c} t={t} />))
        break
      }
      case 'participant':
        if (value && value !== ownerId) add(<ParticipantChip id={value as string} t={t} />)
        break
      case 'participants': {
        const ids = value as string[]
        if (ids.length) {
          add(
            <>
              {field.icon ? <Pictogram name={field.icon} size={22} /> : null}
              {ids.map((p) => (
                <ParticipantChip key={p} id={p} t={t} />
              ))}
            </>,
          )
        }
        break
      }
      case 'date':
        if (value) add(formatDate(value as string, locale))
        break
      case 'number':
        if (value !== null && value !== undefined) add(String(value))
        break
      case 'horizon':
        add(String(value))
        break
      case 'flag':
        if (value === true) add(<Pictogram name={field.icon} size={22} />)
        break
      case 'text':
        if (field.hidden && value) add(value as string)
        break
    }
  }
  if (facts.length === 0) return null
  return (
    <ul className="wt-outline-card__facts">
      {facts.map((f) => (
        <li key={f.name}>
          <span className="wt-outline-card__label">{f.label}:</span> {f.value}
        </li>
      ))}
    </ul>
  )
}

/** "Are you sure?" in the card itself, focus on "No", Escape says no. */
function Confirm({
  message,
  yes,
  no,
  onYes,
  onNo,
}: {
  message: string
  yes: string
  no: string
  onYes: () => void
  onNo: () => void
}) {
  const id = useId()
  const noButton = useRef<HTMLButtonElement>(null)
  useEffect(() => noButton.current?.focus(), [])
  return (
    <div
      className="wt-outline-card__confirm"
      role="group"
      aria-labelledby={id}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return
        e.preventDefault()
        onNo()
      }}
    >
      <p id={id}>{message}</p>
      <button
        type="button"
        className="wt-outline__button wt-outline__button--danger"
        onClick={onYes}
      >
        {yes}
      </button>
      <button type="button" className="wt-outline__button" onClick={onNo} ref={noButton}>
        {no}
      </button>
    </div>
  )
}

// [1] A closed <details> still renders its children; every card's panel lists every
//     participant of the board, so building them all made opening the outline slow.
