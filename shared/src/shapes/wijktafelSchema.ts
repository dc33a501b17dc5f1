import { createTLSchema, defaultShapeSchemas, type TLSchema } from '@tldraw/tlschema'
import {
  ACTION_SHAPE,
  actionDefaultProps,
  actionShapeMigrations,
  actionShapeProps,
} from './actionShape.js'
import {
  ASSIGNMENT_SHAPE,
  assignmentDefaultProps,
  assignmentShapeMigrations,
  assignmentShapeProps,
} from './assignmentShape.js'
import {
  BOTTLENECK_SHAPE,
  bottleneckDefaultProps,
  bottleneckShapeMigrations,
  bottleneckShapeProps,
} from './bottleneckShape.js'
import {
  COMMUNICATION_SHAPE,
  communicationDefaultProps,
  communicationShapeMigrations,
  communicationShapeProps,
} from './communicationShape.js'
import {
  DECISION_SHAPE,
  decisionDefaultProps,
  decisionShapeMigrations,
  decisionShapeProps,
} from './decisionShape.js'
import {
  DREAM_SHAPE,
  dreamDefaultProps,
  dreamShapeMigrations,
  dreamShapeProps,
} from './dreamShape.js'
import {
  EXPECTATION_SHAPE,
  expectationDefaultProps,
  expectationShapeMigrations,
  expectationShapeProps,
} from './expectationShape.js'
import {
  INTEREST_SHAPE,
  interestDefaultProps,
  interestShapeMigrations,
  interestShapeProps,
} from './interestShape.js'
import {
  LEGEND_SHAPE,
  legendDefaultProps,
  legendShapeMigrations,
  legendShapeProps,
} from './legendShape.js'
import {
  LESSON_SHAPE,
  lessonDefaultProps,
  lessonShapeMigrations,
  lessonShapeProps,
} from './lessonShape.js'
import {
  PARTICIPANT_SHAPE,
  participantDefaultProps,
  participantShapeMigrations,
  participantShapeProps,
} from './participantShape.js'
import { ROLE_SHAPE, roleDefaultProps, roleShapeMigrations, roleShapeProps } from './roleShape.js'
import { RULE_SHAPE, ruleDefaultProps, ruleShapeMigrations, ruleShapeProps } from './ruleShape.js'
import {
  SHARED_INTEREST_SHAPE,
  sharedInterestDefaultProps,
  sharedInterestShapeMigrations,
  sharedInterestShapeProps,
} from './sharedInterestShape.js'
import { ZONE_SHAPE, zoneDefaultProps, zoneShapeMigrations, zoneShapeProps } from './zoneShape.js'

/** Our shape types with their props validators and migrations, by tldraw shape type. */
export const WIJKTAFEL_SHAPES = {
  [DREAM_SHAPE]: { props: dreamShapeProps, migrations: dreamShapeMigrations },
  [ASSIGNMENT_SHAPE]: { props: assignmentShapeProps, migrations: assignmentShapeMigrations },
  [PARTICIPANT_SHAPE]: { props: participantShapeProps, migrations: participantShapeMigrations },
  [INTEREST_SHAPE]: { props: interestShapeProps, migrations: interestShapeMigrations },
  [SHARED_INTEREST_SHAPE]: {
    props: sharedInterestShapeProps,
    migrations: sharedInterestShapeMigrations,
  },
  [ROLE_SHAPE]: { props: roleShapeProps, migrations: roleShapeMigrations },
  [DECISION_SHAPE]: { props: decisionShapeProps, migrations: decisionShapeMigrations },
  [EXPECTATION_SHAPE]: { props: expectationShapeProps, migrations: expectationShapeMigrations },
  [COMMUNICATION_SHAPE]: {
    props: communicationShapeProps,
    migrations: communicationShapeMigrations,
  },
  [RULE_SHAPE]: { props: ruleShapeProps, migrations: ruleShapeMigrations },
  [ACTION_SHAPE]: { props: actionShapeProps, migrations: actionShapeMigrations },
  [BOTTLENECK_SHAPE]: { props: bottleneckShapeProps, migrations: bottleneckShapeMigrations },
  [LESSON_SHAPE]: { props: lessonShapeProps, migrations: lessonShapeMigrations },
  [ZONE_SHAPE]: { props: zoneShapeProps, migrations: zoneShapeMigrations },
  [LEGEND_SHAPE]: { props: legendShapeProps, migrations: legendShapeMigrations },
} as const

export type WijktafelShapeType = keyof typeof WIJKTAFEL_SHAPES

/** The props of a new shape of each of our types (a fresh copy on every call). */
export function getWijktafelDefaultProps<K extends WijktafelShapeType>(
  type: K,
): WijktafelDefaults[K] {
  // Props are JSON, so a JSON round trip is a deep copy (no structuredClone without DOM types).
  return JSON.parse(JSON.stringify(WIJKTAFEL_DEFAULT_PROPS[type])) as WijktafelDefaults[K]
}

const WIJKTAFEL_DEFAULT_PROPS = {
  [DREAM_SHAPE]: dreamDefaultProps,
  [ASSIGNMENT_SHAPE]: assignmentDefaultProps,
  [PARTICIPANT_SHAPE]: participantDefaultProps,
  [INTEREST_SHAPE]: interestDefaultProps,
  [SHARED_INTEREST_SHAPE]: sharedInterestDefaultProps,
  [ROLE_SHAPE]: roleDefaultProps,
  [DECISION_SHAPE]: decisionDefaultProps,
  [EXPECTATION_SHAPE]: expectationDefaultProps,
  [COMMUNICATION_SHAPE]: communicationDefaultProps,
  [RULE_SHAPE]: ruleDefaultProps,
  [ACTION_SHAPE]: actionDefaultProps,
  [BOTTLENECK_SHAPE]: bottleneckDefaultProps,
  [LESSON_SHAPE]: lessonDefaultProps,
  [ZONE_SHAPE]: zoneDefaultProps,
  [LEGEND_SHAPE]: legendDefaultProps,
} as const
type WijktafelDefaults = { [K in WijktafelShapeType]: (typeof WIJKTAFEL_DEFAULT_PROPS)[K] }

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
