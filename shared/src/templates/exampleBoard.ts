import type { TLPageId, TLShapeId } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import type { Locale } from '../i18n/messages.js'
import { ROAD_HORIZONS } from '../impact/impact.js'
import { IMPACT_ID, indicatorListValidator } from '../impact/indicators.js'
import {
  ACTION_STATUS_IDS,
  DECISION_RULE_IDS,
  EXCHANGE_TYPE_IDS,
  INTEREST_CATEGORY_IDS,
  PARTICIPANT_KIND_IDS,
  PARTICIPANT_LEVEL_IDS,
  PARTNER_ROLE_IDS,
  VALUE_KIND_IDS,
  type DecisionRule,
} from '../model/enums.js'
import {
  dateValidator,
  horizonYearsValidator,
  longTextValidator,
  shortTextValidator,
} from '../shapes/validators.js'
import { belangenkaart } from './belangenkaart.js'
import type { InterestMapContent, PartnershipContent } from './content.js'
import { partnerLanes } from './partnerLanes.js'
import { partnerschapskaart } from './partnerschapskaart.js'
import type { MapTemplate, TemplateOptions } from './recordBuilder.js'

// The example file's decision rules are written out ("bewoners beslissen"); both that and the
// rule's id are accepted.
const DECISION_RULE_PHRASES: Record<string, DecisionRule> = {
  consent: 'consent',
  meerderheid: 'meerderheid',
  'gemeente beslist': 'gemeente',
  'bewoners beslissen': 'bewoners',
}
function toDecisionRule(value: string): DecisionRule | undefined {
  return (DECISION_RULE_IDS as readonly string[]).includes(value)
    ? (value as DecisionRule)
    : DECISION_RULE_PHRASES[value.trim().toLowerCase()]
}
// A check, not a refine: tldraw's object validators return the input object, so a refined
// value would be lost; parseExampleBoard converts the phrase to the id.
const decisionRuleValidator = T.string.check((value) => {
  if (!toDecisionRule(value)) {
    throw new T.ValidationError(
      `Expected a decision rule (${DECISION_RULE_IDS.join(', ')}), got '${value.slice(0, 40)}'`,
    )
  }
})

const key = T.string
/** An evaluation round of the example's impact (deHorstImpact.ts), or '' for none. */
const roundIdValidator = T.string.check((s) => {
  if (s !== '' && !IMPACT_ID.test(s)) throw new T.ValidationError(`Expected a round id, got '${s}'`)
})
const horizon = T.object({ text: longTextValidator, horizonYears: horizonYearsValidator })

/** Validator of an example board file (the format of shared/examples/de-horst.json). */
export const exampleBoardValidator = T.object({
  about: T.string.optional(),
  title: shortTextValidator,
  neighbourhood: shortTextValidator,
  dream: horizon,
  assignment: horizon,
  participants: T.arrayOf(
    T.object({
      id: key,
      name: shortTextValidator,
      organisation: shortTextValidator,
      kind: T.literalEnum(...PARTICIPANT_KIND_IDS),
      level: T.literalEnum(...PARTICIPANT_LEVEL_IDS),
      interests: T.arrayOf(
        T.object({ category: T.literalEnum(...INTEREST_CATEGORY_IDS), text: longTextValidator }),
      ),
    }),
  ),
  sharedInterests: T.arrayOf(T.object({ text: longTextValidator, participants: T.arrayOf(key) })),
  exchanges: T.arrayOf(
    T.object({
      from: key,
      to: key,
      type: T.literalEnum(...EXCHANGE_TYPE_IDS),
      text: longTextValidator,
    }),
  ),
  partnership: T.object({
    roles: T.arrayOf(T.object({ participant: key, role: T.literalEnum(...PARTNER_ROLE_IDS) })),
    decisions: T.arrayOf(
      T.object({ what: longTextValidator, who: shortTextValidator, rule: decisionRuleValidator }),
    ),
    expectations: T.arrayOf(T.object({ from: key, to: key, text: longTextValidator })),
    communication: T.arrayOf(
      T.object({
        channel: shortTextValidator,
        frequency: shortTextValidator,
        contact: shortTextValidator,
        language: shortTextValidator,
      }),
    ),
    rules: T.arrayOf(T.object({ text: longTextValidator, agreed: T.arrayOf(key) })),
    actions: T.arrayOf(
      T.object({
        what: longTextValidator,
        owner: key,
        due: dateValidator,
        status: T.literalEnum(...ACTION_STATUS_IDS),
        values: T.arrayOf(T.literalEnum(...VALUE_KIND_IDS)),
        horizon: T.literalEnum('', ...ROAD_HORIZONS),
        indicators: indicatorListValidator,
      }),
    ),
    bottlenecks: T.arrayOf(
      T.object({
        text: longTextValidator,
        whoCanRemove: shortTextValidator,
        roundId: roundIdValidator.optional(),
      }),
    ),
    lessons: T.arrayOf(
      T.object({
        text: longTextValidator,
        date: dateValidator,
        roundId: roundIdValidator.optional(),
      }),
    ),
  }),
})

type ExampleBoardFile = T.TypeOf<typeof exampleBoardValidator>
type ExampleDecision = ExampleBoardFile['partnership']['decisions'][number]

/** An example board, with decision rules as ids. */
export type ExampleBoard = Omit<ExampleBoardFile, 'partnership'> & {
  partnership: Omit<ExampleBoardFile['partnership'], 'decisions'> & {
    decisions: (Omit<ExampleDecision, 'rule'> & { rule: DecisionRule })[]
  }
}

/** Reads an example board file; throws a ValidationError that says where it is wrong. */
export function parseExampleBoard(json: unknown): ExampleBoard {
  const example = exampleBoardValidator.validate(json)
  const ids = new Set(example.participants.map((p) => p.id))
  const p = example.partnership
  const refs = [
    ...example.sharedInterests.flatMap((s) => s.participants),
    ...example.exchanges.flatMap((e) => [e.from, e.to]),
    ...p.roles.map((r) => r.participant),
    ...p.expectations.flatMap((e) => [e.from, e.to]),
    ...p.rules.flatMap((r) => r.agreed),
    ...p.actions.map((a) => a.owner),
  ]
  const unknown = refs.find((ref) => !ids.has(ref))
  if (unknown !== undefined) throw new T.ValidationError(`Unknown participant '${unknown}'`)
  return {
    ...example,
    partnership: {
      ...p,
      decisions: p.decisions.map((d) => ({ ...d, rule: toDecisionRule(d.rule)! })),
    },
  }
}

/** The example's belangenkaart content. */
export function exampleInterestMap(example: ExampleBoard): InterestMapContent {
  return {
    dream: example.dream,
    assignment: example.assignment,
    participants: example.participants.map(({ id, ...p }) => ({ key: id, ...p })),
    sharedInterests: example.sharedInterests,
    exchanges: example.exchanges,
  }
}

/**
 * The example's partnerschapskaart content, with participant references resolved to the
 * participant shapes of its belangenkaart (`participantIds`: example id -> shape id).
 */
export function examplePartnership(
  example: ExampleBoard,
  participantIds: Record<string, TLShapeId>,
  locale: Locale,
): PartnershipContent {
  const ref = (key: string): TLShapeId => {
    const id = participantIds[key]
    if (!id) throw new Error(`No participant shape for '${key}'`)
    return id
  }
  const byKey = new Map(example.participants.map((p) => [p.id, p]))
  const lanes = partnerLanes(
    example.participants.map((p) => ({ ...p, id: ref(p.id) })),
    locale,
  )
  for (const { participant, role } of example.partnership.roles) {
    const id = ref(participant)
    const lane = lanes.find((l) => l.memberIds.includes(id))!
    lane.roles!.push({ role, participantId: id, partner: byKey.get(participant)!.name })
  }
  const p = example.partnership
  return {
    dream: example.dream,
    assignment: example.assignment,
    partners: lanes.map(({ title, participantId, roles }) => ({ title, participantId, roles })),
    sharedInterests: example.sharedInterests.map((s) => ({
      text: s.text,
      participantIds: s.participants.map(ref),
    })),
    decisions: p.decisions,
    expectations: p.expectations.map((e) => ({
      fromId: ref(e.from),
      toId: ref(e.to),
      text: e.text,
    })),
    communication: p.communication,
    rules: p.rules.map((r) => ({ text: r.text, agreedBy: [...new Set(r.agreed.map(ref))] })),
    actions: p.actions.map(({ owner, values, ...a }) => ({
      ...a,
      ownerId: ref(owner),
      values: [...new Set(values)],
    })),
    bottlenecks: p.bottlenecks,
    lessons: p.lessons,
  }
}

export interface ExampleBoardOptions extends TemplateOptions {
  belangenkaartPageId: TLPageId
  partnerschapskaartPageId: TLPageId
  locale: Locale
}

export interface ExampleBoardMaps {
  title: string
  belangenkaart: MapTemplate
  partnerschapskaart: MapTemplate
}

/**
 * Both maps of an example board, each for its own page. The partnerschapskaart refers to the
 * participant shapes of the belangenkaart; exchanges are bound arrows on the belangenkaart.
 */
export function exampleBoard(
  example: ExampleBoard,
  options: ExampleBoardOptions,
): ExampleBoardMaps {
  const { locale, makeId } = options
  const interests = belangenkaart({
    pageId: options.belangenkaartPageId,
    locale,
    content: exampleInterestMap(example),
    ...(makeId && { makeId }),
  })
  const partnership = partnerschapskaart({
    pageId: options.partnerschapskaartPageId,
    locale,
    content: examplePartnership(example, interests.participantIds, locale),
    ...(makeId && { makeId }),
  })
  return { title: example.title, belangenkaart: interests, partnerschapskaart: partnership }
}
