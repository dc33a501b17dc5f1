import type { MessageKey } from '../i18n/messages.js'
import type { IconName } from './icons.js'

/**
 * One value of an enumeration as people see it: a label, a pictogram and a colour. The same
 * choice is used on cards, in the legend, in the outline view and in exports.
 */
export interface Choice<Id extends string = string> {
  readonly id: Id
  readonly label: MessageKey
  readonly icon: IconName
  /** Fill colour, `#RRGGBB`. */
  readonly color: string
  /** Text and pictogram colour on `color`, with a WCAG contrast of at least 4.5:1. */
  readonly ink: string
}

/** Dark ink, for light fills. */
export const INK_DARK = '#1A1A1A'
/** Light ink, for dark fills. */
export const INK_LIGHT = '#FFFFFF'

/**
 * The choice with this id. Throws on an unknown id: ids come from validated records, so an
 * unknown one is a programming error, not user input. Use `findChoice` for untrusted input.
 */
export function getChoice<Id extends string>(list: readonly Choice<Id>[], id: Id): Choice<Id> {
  const choice = list.find((c) => c.id === id)
  if (!choice)
    throw new Error(`Unknown choice '${id}'; expected one of ${list.map((c) => c.id).join(', ')}`)
  return choice
}

/** The choice with this id, or undefined for a value that is not one of the ids. */
export function findChoice<Id extends string>(
  list: readonly Choice<Id>[],
  id: unknown,
): Choice<Id> | undefined {
  return list.find((c) => c.id === id)
}
