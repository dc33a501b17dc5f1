import { createTLSchema, defaultShapeSchemas, type TLSchema } from '@tldraw/tlschema'
import { CARDS, type CardOf } from '../cards/index.js'
import type { CardKind } from '../model/enums.js'
import {
  LEGEND_SHAPE,
  legendDefaultProps,
  legendShapeMigrations,
  legendShapeProps,
} from './legendShape.js'
import {
  ROAD_ACTION_SHAPE,
  ROAD_SHAPE,
  roadActionDefaultProps,
  roadActionShapeMigrations,
  roadActionShapeProps,
  roadDefaultProps,
  roadShapeMigrations,
  roadShapeProps,
} from './roadShapes.js'
import { ZONE_SHAPE, zoneDefaultProps, zoneShapeMigrations, zoneShapeProps } from './zoneShape.js'

/**
 * Our shape types (the cards, zones, legends, the road and its action references) with their
 * props validators and migrations.
 */
export const WIJKTAFEL_SHAPES = {
  ...(Object.fromEntries(
    CARDS.map((card) => [card.type, { props: card.props, migrations: card.migrations }]),
  ) as { [K in CardKind as `wt-${K}`]: Pick<CardOf<K>, 'props' | 'migrations'> }),
  [ZONE_SHAPE]: { props: zoneShapeProps, migrations: zoneShapeMigrations },
  [LEGEND_SHAPE]: { props: legendShapeProps, migrations: legendShapeMigrations },
  [ROAD_SHAPE]: { props: roadShapeProps, migrations: roadShapeMigrations },
  [ROAD_ACTION_SHAPE]: { props: roadActionShapeProps, migrations: roadActionShapeMigrations },
}

export type WijktafelShapeType = keyof typeof WIJKTAFEL_SHAPES

type WijktafelDefaults = { [K in CardKind as `wt-${K}`]: ReturnType<CardOf<K>['defaults']> } & {
  [ZONE_SHAPE]: typeof zoneDefaultProps
  [LEGEND_SHAPE]: typeof legendDefaultProps
  [ROAD_SHAPE]: typeof roadDefaultProps
  [ROAD_ACTION_SHAPE]: typeof roadActionDefaultProps
}

const OTHER_DEFAULTS: Record<string, object> = {
  [ZONE_SHAPE]: zoneDefaultProps,
  [LEGEND_SHAPE]: legendDefaultProps,
  [ROAD_SHAPE]: roadDefaultProps,
  [ROAD_ACTION_SHAPE]: roadActionDefaultProps,
}

/** The props of a new shape of each of our types (a fresh copy on every call). */
export function getWijktafelDefaultProps<K extends WijktafelShapeType>(
  type: K,
): WijktafelDefaults[K] {
  const card = CARDS.find((c) => c.type === type)
  const props = card ? card.defaults() : OTHER_DEFAULTS[type]
  // Props are JSON, so a JSON round trip is a deep copy (no structuredClone without DOM types).
  return JSON.parse(JSON.stringify(props)) as WijktafelDefaults[K]
}

export function isWijktafelShapeType(type: string): type is WijktafelShapeType {
  return Object.hasOwn(WIJKTAFEL_SHAPES, type)
}

/**
 * tldraw's schema with tldraw's own shapes (arrows, notes, drawings...) and ours. The client's
 * store and the server's validation both use it, so they agree on what a valid record is.
 */
export function createWijktafelSchema(): TLSchema {
  return createTLSchema({ shapes: { ...defaultShapeSchemas, ...WIJKTAFEL_SHAPES } })
}
