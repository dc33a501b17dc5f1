/**
 * The enumerations of the card model. Ids are Dutch, as in shared/DESIGN.md and the example
 * board; they are stored in the board, so never rename one without a shape migration.
 */
export const PARTICIPANT_KIND_IDS = [
  'bewoner',
  'gemeente',
  'woningcorporatie',
  'ondernemer',
  'maatschappelijk',
  'onderwijs',
  'energie',
  'zorg',
  'anders',
] as const
export type ParticipantKind = (typeof PARTICIPANT_KIND_IDS)[number]

export const PARTICIPANT_LEVEL_IDS = ['persoonlijk', 'organisatie'] as const
export type ParticipantLevel = (typeof PARTICIPANT_LEVEL_IDS)[number]

export const INTEREST_CATEGORY_IDS = ['halen', 'brengen', 'verwacht', 'zorg'] as const
export type InterestCategory = (typeof INTEREST_CATEGORY_IDS)[number]

export const EXCHANGE_TYPE_IDS = [
  'tijd',
  'geld',
  'kennis',
  'ruimte',
  'netwerk',
  'mandaat',
  'data',
  'vertrouwen',
] as const
export type ExchangeType = (typeof EXCHANGE_TYPE_IDS)[number]

export const PARTNER_ROLE_IDS = [
  'trekker',
  'uitvoerder',
  'financier',
  'adviseur',
  'beslisser',
] as const
export type PartnerRole = (typeof PARTNER_ROLE_IDS)[number]

export const DECISION_RULE_IDS = ['consent', 'meerderheid', 'gemeente', 'bewoners'] as const
export type DecisionRule = (typeof DECISION_RULE_IDS)[number]

export const ACTION_STATUS_IDS = ['idee', 'gepland', 'bezig', 'klaar'] as const
export type ActionStatus = (typeof ACTION_STATUS_IDS)[number]

export const VALUE_KIND_IDS = [
  'sociaal',
  'ecologisch',
  'economisch',
  'verbinding',
  'welzijn',
] as const
export type ValueKind = (typeof VALUE_KIND_IDS)[number]

export const SECTION_KIND_IDS = [
  'roles',
  'decisions',
  'expectations',
  'communication',
  'rules',
  'actions',
  'bottlenecks',
  'lessons',
] as const
export type SectionKind = (typeof SECTION_KIND_IDS)[number]

export const ZONE_KIND_IDS = ['shared-interest', 'lane', 'section', 'banner'] as const
export type ZoneKind = (typeof ZONE_KIND_IDS)[number]

export const MAP_KIND_IDS = ['belangenkaart', 'partnerschapskaart'] as const
export type MapKind = (typeof MAP_KIND_IDS)[number]

export const CARD_KIND_IDS = [
  'dream',
  'assignment',
  'participant',
  'interest',
  'shared-interest',
  'role',
  'decision',
  'expectation',
  'communication',
  'rule',
  'action',
  'bottleneck',
  'lesson',
  'milestone',
] as const
export type CardKind = (typeof CARD_KIND_IDS)[number]

/** The tldraw shape type of each card kind: kebab-case with the `wt-` prefix. */
export type CardShapeType = `wt-${CardKind}`
