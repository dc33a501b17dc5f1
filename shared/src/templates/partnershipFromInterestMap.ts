import {
  ASSIGNMENT_SHAPE,
  DREAM_SHAPE,
  INTEREST_SHAPE,
  PARTICIPANT_SHAPE,
  SHARED_INTEREST_SHAPE,
} from '../cards/index.js'
import type { TLPageId, TLShape } from '@tldraw/tlschema'
import { sortByIndex } from '@tldraw/utils'
import type { Locale } from '../i18n/messages.js'
import type { PartnershipContent } from './content.js'
import { partnerLanes } from './partnerLanes.js'
import { partnerschapskaart } from './partnerschapskaart.js'
import type { MapTemplate, TemplateOptions } from './recordBuilder.js'

export interface PartnershipFromInterestMapOptions extends TemplateOptions {
  pageId: TLPageId
  locale: Locale
}

/**
 * "Make the partnership map from the interest map": a partnerschapskaart with one lane per
 * participant organisation, and the dream, the assignment and the shared interests copied
 * over (shared interests go into the banner). Interest notes that were dragged into the
 * shared-interest zone (`shared: true`) become shared interests of their participant; equal
 * texts are merged. References keep pointing at the interest map's participant shapes.
 */
export function partnershipFromInterestMap(
  interestMapShapes: readonly TLShape[],
  options: PartnershipFromInterestMapOptions,
): MapTemplate {
  return partnerschapskaart({
    ...options,
    content: partnershipContentFromInterestMap(interestMapShapes, options.locale),
  })
}

/** The content partnershipFromInterestMap puts on the new map. */
export function partnershipContentFromInterestMap(
  interestMapShapes: readonly TLShape[],
  locale: Locale,
): PartnershipContent {
  const shapes = [...interestMapShapes].sort(sortByIndex)
  const dream = shapes.find((s) => s.type === DREAM_SHAPE)
  const assignment = shapes.find((s) => s.type === ASSIGNMENT_SHAPE)
  const participants = shapes.filter((s) => s.type === PARTICIPANT_SHAPE)

  const shared = new Map<string, { text: string; participantIds: string[] }>()
  const addShared = (text: string, participantIds: readonly string[]) => {
    const key = text.trim().toLocaleLowerCase('nl')
    if (!key) return
    const entry = shared.get(key) ?? { text: text.trim(), participantIds: [] }
    for (const id of participantIds)
      if (!entry.participantIds.includes(id)) entry.participantIds.push(id)
    shared.set(key, entry)
  }
  // Shared-interest cards first, then the notes marked shared, each in board order.
  for (const s of shapes) {
    if (s.type === SHARED_INTEREST_SHAPE) addShared(s.props.text, s.props.participantIds)
  }
  for (const s of shapes) {
    if (s.type === INTEREST_SHAPE && s.props.shared) {
      addShared(s.props.text, s.props.participantId ? [s.props.participantId] : [])
    }
  }

  return {
    ...(dream && { dream: { text: dream.props.text, horizonYears: dream.props.horizonYears } }),
    ...(assignment && {
      assignment: { text: assignment.props.text, horizonYears: assignment.props.horizonYears },
    }),
    partners: partnerLanes(
      participants.map((p) => ({ id: p.id, ...p.props })),
      locale,
    ).map(({ title, participantId, roles }) => ({ title, participantId, roles })),
    sharedInterests: [...shared.values()],
  }
}
