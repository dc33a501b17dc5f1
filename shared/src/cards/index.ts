import type { TLShape } from '@tldraw/tlschema'
import type { Choice } from '../model/choice.js'
import type { CardKind, CardShapeType, SectionKind } from '../model/enums.js'
import type { CardDefinition, PropsOfFields } from './defineCard.js'
import { actionCard } from './kinds/action.js'
import { assignmentCard } from './kinds/assignment.js'
import { bottleneckCard } from './kinds/bottleneck.js'
import { communicationCard } from './kinds/communication.js'
import { decisionCard } from './kinds/decision.js'
import { dreamCard } from './kinds/dream.js'
import { expectationCard } from './kinds/expectation.js'
import { interestCard } from './kinds/interest.js'
import { lessonCard } from './kinds/lesson.js'
import { milestoneCard } from './kinds/milestone.js'
import { participantCard } from './kinds/participant.js'
import { roleCard } from './kinds/role.js'
import { ruleCard } from './kinds/rule.js'
import { sharedInterestCard } from './kinds/sharedInterest.js'

export * from './defineCard.js'
export * from './fields.js'
export * from './participantRefs.js'
export {
  actionCard,
  assignmentCard,
  bottleneckCard,
  communicationCard,
  decisionCard,
  dreamCard,
  expectationCard,
  interestCard,
  lessonCard,
  milestoneCard,
  participantCard,
  roleCard,
  ruleCard,
  sharedInterestCard,
}

/**
 * The card kit: the 13 card kinds, in palette order. Everything about a card (schema,
 * defaults, look, fields) is read from here; see "How to add a card kind" in the README.
 */
export const CARDS = [
  dreamCard,
  assignmentCard,
  participantCard,
  interestCard,
  sharedInterestCard,
  roleCard,
  decisionCard,
  expectationCard,
  communicationCard,
  ruleCard,
  actionCard,
  bottleneckCard,
  lessonCard,
  milestoneCard,
] as const

type AnyCard = (typeof CARDS)[number]

/** The definition of each card kind, by kind id. */
export type CardOf<K extends CardKind> = Extract<AnyCard, { kind: K }>
/** The props a card of this kind stores. */
export type CardProps<K extends CardKind> =
  CardOf<K> extends CardDefinition<K, infer F> ? PropsOfFields<F> : never
/** A tldraw shape record of this card kind. */
export type CardShape<K extends CardKind> = TLShape<`wt-${K}`>

/** Each card's props by shape type, for tldraw's global shape map [1]. */
export type CardPropsMap = { [C in AnyCard as C['type']]: CardProps<C['kind']> }

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap extends CardPropsMap {}
}

/** Kept as the model's name for a card kind as the palette, legend and outline show it. */
export type CardKindInfo = AnyCard
/** The card kinds, as the palette, the legend and the outline list them. */
export const CARD_KINDS: readonly AnyCard[] = CARDS

/** The card kind with this kind id or shape type (`'dream'` or `'wt-dream'`). */
export function getCardKind<K extends CardKind>(kindOrType: K | `wt-${K}`): CardOf<K> {
  const card = CARDS.find((c) => c.kind === kindOrType || c.type === kindOrType)
  if (!card) throw new Error(`Unknown card kind '${kindOrType}'`)
  return card as CardOf<K>
}

/** The definition of a card shape type, or undefined for any other shape type. */
export function findCard(type: string): AnyCard | undefined {
  return CARDS.find((c) => c.type === type)
}

/** True for the shape type of one of the 13 cards (not zones, the legend or tldraw's own). */
export function isCardShapeType(type: string): type is CardShapeType {
  return findCard(type) !== undefined
}

export const DREAM_SHAPE = dreamCard.type
export const ASSIGNMENT_SHAPE = assignmentCard.type
export const PARTICIPANT_SHAPE = participantCard.type
export const INTEREST_SHAPE = interestCard.type
export const SHARED_INTEREST_SHAPE = sharedInterestCard.type
export const ROLE_SHAPE = roleCard.type
export const DECISION_SHAPE = decisionCard.type
export const EXPECTATION_SHAPE = expectationCard.type
export const COMMUNICATION_SHAPE = communicationCard.type
export const RULE_SHAPE = ruleCard.type
export const ACTION_SHAPE = actionCard.type
export const BOTTLENECK_SHAPE = bottleneckCard.type
export const LESSON_SHAPE = lessonCard.type
export const MILESTONE_SHAPE = milestoneCard.type

export type WtDreamShape = CardShape<'dream'>
export type WtAssignmentShape = CardShape<'assignment'>
export type WtParticipantShape = CardShape<'participant'>
export type WtInterestShape = CardShape<'interest'>
export type WtSharedInterestShape = CardShape<'shared-interest'>
export type WtRoleShape = CardShape<'role'>
export type WtDecisionShape = CardShape<'decision'>
export type WtExpectationShape = CardShape<'expectation'>
export type WtCommunicationShape = CardShape<'communication'>
export type WtRuleShape = CardShape<'rule'>
export type WtActionShape = CardShape<'action'>
export type WtBottleneckShape = CardShape<'bottleneck'>
export type WtLessonShape = CardShape<'lesson'>
export type WtMilestoneShape = CardShape<'milestone'>

/** The card kind each section of the partnership map holds; a section looks like its cards. */
export const SECTION_CARD_KIND = {
  roles: 'role',
  decisions: 'decision',
  expectations: 'expectation',
  communication: 'communication',
  rules: 'rule',
  actions: 'action',
  bottlenecks: 'bottleneck',
  lessons: 'lesson',
} as const satisfies Record<SectionKind, CardKind>

export const SECTION_KINDS: readonly Choice<SectionKind>[] = (
  Object.keys(SECTION_CARD_KIND) as SectionKind[]
).map((id) => {
  const { icon, color, ink } = getCardKind(SECTION_CARD_KIND[id])
  return { id, label: `sectionKind.${id}`, icon, color, ink }
})

// [1] tldraw types a shape's props through this interface; extending it with a type derived
//     from CARDS means a card kind's props are declared once, by its fields.
