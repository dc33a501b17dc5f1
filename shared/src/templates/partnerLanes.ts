import { translate, type Locale } from '../i18n/messages.js'
import type { ParticipantKind, ParticipantLevel } from '../model/enums.js'
import type { PartnerLaneContent } from './content.js'

export interface LaneParticipant {
  id: string
  name: string
  organisation: string
  kind: ParticipantKind
  level: ParticipantLevel
}

export interface PartnerLane extends PartnerLaneContent {
  /** Every participant in this lane, in the order given. */
  memberIds: string[]
}

/**
 * One lane per partner organisation: participants with the same organisation (ignoring case
 * and spaces around it) share a lane; a participant without one gets a lane of their own. The
 * lane's participant is the first member who speaks for the organisation (level
 * 'organisatie'), else the first member. Lanes keep the order in which partners first appear.
 */
export function partnerLanes(
  participants: readonly LaneParticipant[],
  locale: Locale,
): PartnerLane[] {
  const lanes = new Map<string, { members: LaneParticipant[] }>()
  for (const p of participants) {
    const organisation = p.organisation.trim().toLocaleLowerCase('nl')
    const key = organisation ? `org:${organisation}` : `id:${p.id}`
    const lane = lanes.get(key) ?? { members: [] }
    lane.members.push(p)
    lanes.set(key, lane)
  }
  return [...lanes.values()].map(({ members }) => {
    const lead = members.find((m) => m.level === 'organisatie') ?? members[0]!
    const title =
      lead.organisation.trim() ||
      lead.name.trim() ||
      translate(locale, `participantKind.${lead.kind}`)
    return { title, participantId: lead.id, roles: [], memberIds: members.map((m) => m.id) }
  })
}
