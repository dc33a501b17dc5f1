import type { CardProps } from '../cards/index.js'
import type {
  ExchangeType,
  InterestCategory,
  ParticipantKind,
  ParticipantLevel,
  PartnerRole,
} from '../model/enums.js'

/** The content of a map's card, without its size (the template decides that). */
export type CardContent<P> = Partial<Omit<P, 'w' | 'h'>>

export interface HorizonText {
  text: string
  horizonYears?: number
}

/** One participant of the belangenkaart with the interests they bring to the table. */
export interface ParticipantContent {
  /** The content's own id ('p1'), used by shared interests and exchanges to refer to it. */
  key?: string
  name: string
  organisation?: string
  kind: ParticipantKind
  level?: ParticipantLevel
  interests?: { category: InterestCategory; text: string }[]
}

/** What to put on a belangenkaart. Participant references are ParticipantContent keys. */
export interface InterestMapContent {
  dream?: HorizonText
  assignment?: HorizonText
  participants?: ParticipantContent[]
  sharedInterests?: { text: string; participants?: string[] }[]
  exchanges?: { from: string; to: string; type: ExchangeType; text?: string }[]
}

/** One partner's lane on the partnerschapskaart. */
export interface PartnerLaneContent {
  title: string
  /** The lane's partner: a `wt-participant` shape id, or null without a participant card. */
  participantId?: string | null
  roles?: { role: PartnerRole; participantId?: string | null; partner?: string }[]
}

/**
 * What to put on a partnerschapskaart. Participant references (participantId, fromId, toId,
 * agreedBy, ownerId, participantIds) are `wt-participant` shape ids, usually of the
 * belangenkaart on the same board.
 */
export interface PartnershipContent {
  dream?: HorizonText
  assignment?: HorizonText
  partners?: PartnerLaneContent[]
  sharedInterests?: { text: string; participantIds?: string[] }[]
  decisions?: CardContent<CardProps<'decision'>>[]
  expectations?: CardContent<CardProps<'expectation'>>[]
  communication?: CardContent<CardProps<'communication'>>[]
  rules?: CardContent<CardProps<'rule'>>[]
  actions?: CardContent<CardProps<'action'>>[]
  bottlenecks?: CardContent<CardProps<'bottleneck'>>[]
  lessons?: CardContent<CardProps<'lesson'>>[]
}
