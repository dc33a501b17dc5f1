import { T } from '@tldraw/validate'
import type { MessageKey } from '../i18n/messages.js'
import type { Indicator } from '../impact/impact.js'
import { IMPACT_ID, indicatorListValidator } from '../impact/indicators.js'
import type { Choice } from '../model/choice.js'
import type { IconName } from '../model/icons.js'
import {
  dateValidator,
  horizonYearsValidator,
  longTextValidator,
  participantListValidator,
  participantRefValidator,
  shortTextValidator,
  uniqueListValidator,
} from '../shapes/validators.js'

/**
 * One field of a card kind: how it is stored (validator, initial value), what it is called,
 * and how people see and change it. The client's card, its edit panel and the server's
 * validation are all derived from these; adding a field to a card is one line in its kind
 * file (plus a migration) [1].
 */
export type CardField =
  | TextField
  | ChoiceField
  | ChoicesField
  | ParticipantField
  | ParticipantsField
  | DateField
  | NumberField
  | HorizonField
  | FlagField
  | IndicatorsField

interface FieldBase<V> {
  readonly validator: T.Validatable<V>
  readonly initial: V
  readonly label: MessageKey
  /** Not shown on the card itself (edited in the panel, or drawn by the kind's own part). */
  readonly hidden?: boolean
}

/** Text typed on the card: `long` for free text (1000 characters), else one line (200). */
export interface TextField extends FieldBase<string> {
  readonly edit: 'text'
  readonly long: boolean
  readonly size: 'sm' | 'md' | 'lg'
  /** A one-line field with a pictogram before it ("who decides", "channel"). */
  readonly icon?: IconName
  readonly muted?: boolean
  /** Shown only while this other field is empty (a partner's name when no participant is linked). */
  readonly unless?: string
}

/**
 * One of a list of choices, picked from pictogram buttons in the panel. On the card it is a
 * chip in the header band (`badge`), a chip in the body (`chip`, `big`), or it gives the card
 * its colour and pictogram (`look`: an interest takes its category's).
 */
export interface ChoiceField<Id extends string = string> extends FieldBase<Id> {
  readonly edit: 'choice'
  readonly choices: readonly Choice<Id>[]
  readonly show: 'badge' | 'badge-icon' | 'chip' | 'big' | 'look'
}

/** Several of a list of choices (kinds of value), shown as pictograms. */
export interface ChoicesField<Id extends string = string> extends FieldBase<Id[]> {
  readonly edit: 'choices'
  readonly choices: readonly Choice<Id>[]
}

/** A reference to a participant card, or null. */
export interface ParticipantField extends FieldBase<string | null> {
  readonly edit: 'participant'
}

/** Participants that share or agree; each a reference to a participant card. */
export interface ParticipantsField extends FieldBase<string[]> {
  readonly edit: 'participants'
  readonly icon?: IconName
}

/** A calendar date `YYYY-MM-DD`, or '' for none. */
export interface DateField extends FieldBase<string> {
  readonly edit: 'date'
  readonly show: 'badge' | 'chip'
}

/** A number that may be empty (null). */
export interface NumberField extends FieldBase<number | null> {
  readonly edit: 'number'
}

/** Years ahead (a dream's 5, an assignment's 2): a badge in the header band. */
export interface HorizonField extends FieldBase<number> {
  readonly edit: 'horizon'
}

/** A mark the board sets (an interest is shared), shown as a pictogram while true. */
export interface FlagField extends FieldBase<boolean> {
  readonly edit: 'flag'
  readonly icon: IconName
}

/**
 * What an action counts (shared/src/impact/impact.ts): at most 10 indicators. Drawn by the
 * action's goal block and edited by the client's indicator editor, not by the generic panel.
 */
export interface IndicatorsField extends FieldBase<Indicator[]> {
  readonly edit: 'indicators'
}

type Common = { label: MessageKey; hidden?: boolean }

/** Free text on the card: a dream, an interest, what is decided. */
export function longText(
  o: Common & { size?: TextField['size']; icon?: IconName; muted?: boolean },
): TextField {
  return { edit: 'text', long: true, size: 'md', validator: longTextValidator, initial: '', ...o }
}

/** One line of text on the card: a name, a channel, who decides. */
export function shortText(
  o: Common & {
    size?: TextField['size']
    icon?: IconName
    muted?: boolean
    unless?: string
    initial?: string
  },
): TextField {
  return { edit: 'text', long: false, size: 'sm', validator: shortTextValidator, initial: '', ...o }
}

export function choice<Id extends string>(
  choices: readonly Choice<Id>[],
  o: Common & { initial: NoInfer<Id>; show: ChoiceField['show'] },
): ChoiceField<Id> {
  return {
    edit: 'choice',
    choices,
    validator: T.literalEnum(...choices.map((c) => c.id)),
    ...o,
  }
}

/** One of a list of choices, or '' for none yet (an action not on the road). */
export function optionalChoice<Id extends string>(
  choices: readonly Choice<Id>[],
  o: Common & { show: ChoiceField['show'] },
): ChoiceField<Id | ''> {
  return {
    edit: 'choice',
    choices,
    validator: T.literalEnum('', ...choices.map((c) => c.id)),
    initial: '',
    ...o,
  }
}

export function choices<Id extends string>(
  list: readonly Choice<Id>[],
  o: Common,
): ChoicesField<Id> {
  const ids = list.map((c) => c.id)
  return {
    edit: 'choices',
    choices: list,
    validator: uniqueListValidator(T.literalEnum(...ids), ids.length),
    initial: [],
    ...o,
  }
}

export function participant(o: Common): ParticipantField {
  return { edit: 'participant', validator: participantRefValidator, initial: null, ...o }
}

export function participants(o: Common & { icon?: IconName }): ParticipantsField {
  return { edit: 'participants', validator: participantListValidator, initial: [], ...o }
}

export function date(o: Common & { show: DateField['show'] }): DateField {
  return { edit: 'date', validator: dateValidator, initial: '', ...o }
}

export function number(o: Common): NumberField {
  return { edit: 'number', validator: T.nullable(T.number), initial: null, hidden: true, ...o }
}

export function horizon(initial: number): HorizonField {
  return { edit: 'horizon', validator: horizonYearsValidator, initial, label: 'field.horizonYears' }
}

export function flag(o: Common & { icon: IconName }): FlagField {
  return { edit: 'flag', validator: T.boolean, initial: false, ...o }
}

export function indicators(o: Common): IndicatorsField {
  return { edit: 'indicators', validator: indicatorListValidator, initial: [], hidden: true, ...o }
}

/**
 * The evaluation round a card belongs to (an id in the board's `impact` map), or '' for
 * none. Hidden: chosen in the panel or set when the card is made during a round.
 */
export function roundRef(o: Common): TextField {
  return {
    edit: 'text',
    long: false,
    size: 'sm',
    validator: T.string.check((s) => {
      if (s !== '' && !IMPACT_ID.test(s)) {
        throw new T.ValidationError(`Expected a round id or '', got '${s.slice(0, 60)}'`)
      }
    }),
    initial: '',
    hidden: true,
    ...o,
  }
}

/** The value type a field stores. */
export type FieldValue<F> = F extends FieldBase<infer V> ? V : never

// [1] The builders keep one decision in one place: which validator a kind of field has (so a
//     date is always checked as a real calendar date, by the panel and by the server alike),
//     its empty value, and how it is edited. A kind file only says which fields it has.
