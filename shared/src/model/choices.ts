import type { RoadHorizon, UnitKind } from '../impact/impact.js'
import { INK_DARK as D, INK_LIGHT as L, type Choice } from './choice.js'
import type {
  ActionStatus,
  DecisionRule,
  ExchangeType,
  InterestCategory,
  MapKind,
  ParticipantKind,
  ParticipantLevel,
  PartnerRole,
  ValueKind,
  ZoneKind,
} from './enums.js'

// Colours [1]: participant kinds and interest categories differ in lightness as well as hue, so
// they stay apart for people with red-green colour blindness; the pictogram carries the
// meaning too. Every ink has a WCAG contrast of at least 4.5:1 on its fill (model.test.ts).

export const PARTICIPANT_KINDS = [
  { id: 'bewoner', label: 'participantKind.bewoner', icon: 'house', color: '#F28C28', ink: D },
  { id: 'gemeente', label: 'participantKind.gemeente', icon: 'landmark', color: '#1F5FAD', ink: L },
  {
    id: 'woningcorporatie',
    label: 'participantKind.woningcorporatie',
    icon: 'building-complex',
    color: '#A0308A',
    ink: L,
  },
  {
    id: 'ondernemer',
    label: 'participantKind.ondernemer',
    icon: 'store',
    color: '#7A5200',
    ink: L,
  },
  {
    id: 'maatschappelijk',
    label: 'participantKind.maatschappelijk',
    icon: 'hand-heart',
    color: '#2A9D8F',
    ink: D,
  },
  {
    id: 'onderwijs',
    label: 'participantKind.onderwijs',
    icon: 'graduation-cap',
    color: '#8CCBF5',
    ink: D,
  },
  { id: 'energie', label: 'participantKind.energie', icon: 'zap', color: '#F7DE3A', ink: D },
  { id: 'zorg', label: 'participantKind.zorg', icon: 'heart-pulse', color: '#D98CC4', ink: D },
  {
    id: 'anders',
    label: 'participantKind.anders',
    icon: 'circle-question-mark',
    color: '#D3D7DC',
    ink: D,
  },
] as const satisfies readonly Choice<ParticipantKind>[]

export const PARTICIPANT_LEVELS = [
  {
    id: 'persoonlijk',
    label: 'participantLevel.persoonlijk',
    icon: 'user',
    color: '#FFE3C2',
    ink: D,
  },
  {
    id: 'organisatie',
    label: 'participantLevel.organisatie',
    icon: 'building',
    color: '#D6DEE6',
    ink: D,
  },
] as const satisfies readonly Choice<ParticipantLevel>[]

export const INTEREST_CATEGORIES = [
  {
    id: 'halen',
    label: 'interestCategory.halen',
    icon: 'arrow-down-to-line',
    color: '#B9A8F5',
    ink: D,
  },
  { id: 'brengen', label: 'interestCategory.brengen', icon: 'gift', color: '#5CBF7A', ink: D },
  { id: 'verwacht', label: 'interestCategory.verwacht', icon: 'ban', color: '#FFC9A0', ink: D },
  {
    id: 'zorg',
    label: 'interestCategory.zorg',
    icon: 'shield-exclamation-point',
    color: '#B3364A',
    ink: L,
  },
] as const satisfies readonly Choice<InterestCategory>[]

export const EXCHANGE_TYPES = [
  { id: 'tijd', label: 'exchangeType.tijd', icon: 'clock', color: '#3F51B5', ink: L },
  { id: 'geld', label: 'exchangeType.geld', icon: 'coins', color: '#F9A825', ink: D },
  { id: 'kennis', label: 'exchangeType.kennis', icon: 'book-open', color: '#00796B', ink: L },
  { id: 'ruimte', label: 'exchangeType.ruimte', icon: 'map-pin', color: '#6D4C41', ink: L },
  { id: 'netwerk', label: 'exchangeType.netwerk', icon: 'network', color: '#8E24AA', ink: L },
  { id: 'mandaat', label: 'exchangeType.mandaat', icon: 'stamp', color: '#37474F', ink: L },
  { id: 'data', label: 'exchangeType.data', icon: 'database', color: '#90A4AE', ink: D },
  {
    id: 'vertrouwen',
    label: 'exchangeType.vertrouwen',
    icon: 'handshake',
    color: '#E57373',
    ink: D,
  },
] as const satisfies readonly Choice<ExchangeType>[]

export const PARTNER_ROLES = [
  { id: 'trekker', label: 'partnerRole.trekker', icon: 'flag', color: '#BF360C', ink: L },
  { id: 'uitvoerder', label: 'partnerRole.uitvoerder', icon: 'wrench', color: '#2E7D32', ink: L },
  { id: 'financier', label: 'partnerRole.financier', icon: 'piggy-bank', color: '#F9A825', ink: D },
  { id: 'adviseur', label: 'partnerRole.adviseur', icon: 'compass', color: '#1565C0', ink: L },
  { id: 'beslisser', label: 'partnerRole.beslisser', icon: 'crown', color: '#6A1B9A', ink: L },
] as const satisfies readonly Choice<PartnerRole>[]

export const DECISION_RULES = [
  { id: 'consent', label: 'decisionRule.consent', icon: 'thumbs-up', color: '#66BB6A', ink: D },
  { id: 'meerderheid', label: 'decisionRule.meerderheid', icon: 'vote', color: '#9575CD', ink: D },
  // The same colour and pictogram as the participant kind that decides.
  { id: 'gemeente', label: 'decisionRule.gemeente', icon: 'landmark', color: '#1F5FAD', ink: L },
  { id: 'bewoners', label: 'decisionRule.bewoners', icon: 'house', color: '#F28C28', ink: D },
] as const satisfies readonly Choice<DecisionRule>[]

export const ACTION_STATUSES = [
  { id: 'idee', label: 'actionStatus.idee', icon: 'circle-dashed', color: '#E0E0E0', ink: D },
  { id: 'gepland', label: 'actionStatus.gepland', icon: 'calendar', color: '#90CAF9', ink: D },
  { id: 'bezig', label: 'actionStatus.bezig', icon: 'loader', color: '#FFB74D', ink: D },
  { id: 'klaar', label: 'actionStatus.klaar', icon: 'circle-check-big', color: '#2E7D32', ink: L },
] as const satisfies readonly Choice<ActionStatus>[]

export const VALUE_KINDS = [
  { id: 'sociaal', label: 'valueKind.sociaal', icon: 'users', color: '#F06292', ink: D },
  { id: 'ecologisch', label: 'valueKind.ecologisch', icon: 'leaf', color: '#66BB6A', ink: D },
  { id: 'economisch', label: 'valueKind.economisch', icon: 'euro', color: '#42A5F5', ink: D },
  // Connection and well-being: the two values the publication adds to the classic three.
  { id: 'verbinding', label: 'valueKind.verbinding', icon: 'link', color: '#9575CD', ink: D },
  {
    id: 'welzijn',
    label: 'valueKind.welzijn',
    icon: 'face-slightly-smiling',
    color: '#FFD54F',
    ink: D,
  },
] as const satisfies readonly Choice<ValueKind>[]

export const ZONE_KINDS = [
  {
    id: 'shared-interest',
    label: 'zoneKind.shared-interest',
    icon: 'heart-handshake',
    color: '#C2185B',
    ink: L,
  },
  { id: 'lane', label: 'zoneKind.lane', icon: 'rows-3', color: '#ECEFF1', ink: D },
  { id: 'section', label: 'zoneKind.section', icon: 'layout-grid', color: '#F5F5F5', ink: D },
  { id: 'banner', label: 'zoneKind.banner', icon: 'panel-top', color: '#FFF4D6', ink: D },
] as const satisfies readonly Choice<ZoneKind>[]

export const MAP_KINDS = [
  { id: 'belangenkaart', label: 'map.belangenkaart', icon: 'map', color: '#FFF3B0', ink: D },
  {
    id: 'partnerschapskaart',
    label: 'map.partnerschapskaart',
    icon: 'puzzle',
    color: '#E3F2FD',
    ink: D,
  },
] as const satisfies readonly Choice<MapKind>[]

/**
 * The units of an indicator (ids in shared/src/impact/impact.ts as `UNIT_KINDS`). Named
 * `..._CHOICES` because the impact contract already exports the id lists under the plain names.
 */
export const UNIT_KIND_CHOICES = [
  { id: 'aantal', label: 'unitKind.aantal', icon: 'hash', color: '#CFD8DC', ink: D },
  { id: 'euro', label: 'unitKind.euro', icon: 'euro', color: '#42A5F5', ink: D },
  { id: 'kg', label: 'unitKind.kg', icon: 'weight', color: '#A1887F', ink: D },
  { id: 'kwh', label: 'unitKind.kwh', icon: 'zap', color: '#F7DE3A', ink: D },
  { id: 'procent', label: 'unitKind.procent', icon: 'percent', color: '#80CBC4', ink: D },
  { id: 'uur', label: 'unitKind.uur', icon: 'clock', color: '#3F51B5', ink: L },
  { id: 'anders', label: 'unitKind.anders', icon: 'ruler', color: '#E0E0E0', ink: D },
] as const satisfies readonly Choice<UnitKind>[]

/** Where an action sits on the road from today to the dream (ids: `ROAD_HORIZONS`). */
export const ROAD_HORIZON_CHOICES = [
  { id: 'kort', label: 'roadHorizon.kort', icon: 'footprints', color: '#C8E6C9', ink: D },
  {
    id: 'middellang',
    label: 'roadHorizon.middellang',
    icon: 'milestone',
    color: '#81C784',
    ink: D,
  },
  { id: 'lang', label: 'roadHorizon.lang', icon: 'mountain', color: '#2E7D32', ink: L },
] as const satisfies readonly Choice<RoadHorizon>[]

// [1] The palette was chosen by measuring distances in OKLab, with normal vision and with
// simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009); model.test.ts keeps
// the minimum distances of participant kinds and interest categories from sliding back.
