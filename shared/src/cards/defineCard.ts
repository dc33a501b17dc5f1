import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type TLPropsMigrations,
} from '@tldraw/tlschema'
import type { T } from '@tldraw/validate'
import type { CardKind, MapKind } from '../model/enums.js'
import type { IconName } from '../model/icons.js'
import { sizeValidator } from '../shapes/validators.js'
import type { CardField, FieldValue } from './fields.js'

/** One step in the life of a card kind's props; see "How to add a card kind" in the README. */
export interface CardMigration {
  /** A name for the step, unique within the kind ('AddIndicators'); its version is its position. */
  readonly id: string
  /** Changes the props of a stored card in place, from the previous version to this one. */
  up(props: Record<string, unknown>): void
  /** The way back, for a client that is one version behind; leave out when it cannot be. */
  down?(props: Record<string, unknown>): void
}

export interface CardSpec<K extends CardKind, F extends Record<string, CardField>> {
  readonly kind: K
  /**
   * The kind's pictogram, the fill of its header band (`#RRGGBB`) and the text colour on it
   * (a unit test keeps it at 4.5:1 or more).
   */
  readonly look: { readonly icon: IconName; readonly color: string; readonly ink: string }
  /** The map the card belongs on; the dream and the assignment are on both. */
  readonly map: MapKind
  /** Size of a new card in page units: large enough for 24 px text on a projector. */
  readonly size: { readonly w: number; readonly h: number }
  /** 'note' colours the whole card; 'area' holds other cards (participants). */
  readonly variant?: 'card' | 'note' | 'area'
  /** The fields in the order the card and its panel show them. */
  readonly fields: F
  /** The fields that together are the card's text (search, copy, the outline, read aloud). */
  readonly text: readonly (keyof F & string)[]
  readonly migrations?: readonly CardMigration[]
}

/** The props a card of these fields stores: its size and one value per field. */
export type PropsOfFields<F extends Record<string, CardField>> = { w: number; h: number } & {
  -readonly [P in keyof F]: FieldValue<F[P]>
}

/**
 * Everything about one card kind, derived from its spec: the tldraw shape type, props
 * validators and migrations (the schema the client's store and the server's checks share),
 * default props, label key and look.
 */
export interface CardDefinition<
  K extends CardKind = CardKind,
  F extends Record<string, CardField> = Record<string, CardField>,
> extends Omit<CardSpec<K, F>, 'look' | 'size' | 'variant' | 'migrations'> {
  readonly icon: IconName
  readonly color: string
  readonly ink: string
  readonly type: `wt-${K}`
  readonly label: `card.${K}`
  readonly variant: 'card' | 'note' | 'area'
  readonly defaultSize: { readonly w: number; readonly h: number }
  /** tldraw props validators: w and h, then one per field. */
  readonly props: { [P in keyof PropsOfFields<F>]: T.Validatable<PropsOfFields<F>[P]> }
  readonly migrations: TLPropsMigrations
  /** The props of a new card (a fresh copy on every call). */
  defaults(): PropsOfFields<F>
  /** The card's text, its text fields joined by ', '. */
  textOf(props: PropsOfFields<F>): string
}

/** A card kind from its spec; see shared/src/cards/kinds/ for the thirteen. */
export function defineCard<const K extends CardKind, const F extends Record<string, CardField>>(
  spec: CardSpec<K, F>,
): CardDefinition<K, F> {
  const type = `wt-${spec.kind}` as const
  const fieldNames = Object.keys(spec.fields) as (keyof F & string)[]
  const props = { w: sizeValidator, h: sizeValidator } as Record<string, T.Validatable<unknown>>
  for (const name of fieldNames) props[name] = spec.fields[name]!.validator
  const initial: Record<string, unknown> = { ...spec.size }
  for (const name of fieldNames) initial[name] = spec.fields[name]!.initial
  const json = JSON.stringify(initial)
  const steps = spec.migrations ?? []
  const ids = createShapePropsMigrationIds(
    type,
    Object.fromEntries(steps.map((step, i) => [step.id, i + 1])),
  )
  return {
    kind: spec.kind,
    type,
    label: `card.${spec.kind}`,
    ...spec.look,
    map: spec.map,
    variant: spec.variant ?? 'card',
    defaultSize: spec.size,
    fields: spec.fields,
    text: spec.text,
    props: props as CardDefinition<K, F>['props'],
    migrations: createShapePropsMigrationSequence({
      sequence: steps.map((step) => ({
        id: ids[step.id]!,
        up: step.up,
        ...(step.down ? { down: step.down } : {}),
      })),
    }),
    // Props are JSON, so parsing the JSON of the initial props is a deep copy.
    defaults: () => JSON.parse(json) as PropsOfFields<F>,
    textOf: (values) =>
      spec.text
        .map((name) => (values as Record<string, unknown>)[name])
        .filter((v): v is string => typeof v === 'string' && v !== '')
        .join(', '),
  }
}
