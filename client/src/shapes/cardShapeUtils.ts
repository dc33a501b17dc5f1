import { CARDS, type CardKind } from '@wijktafel/shared'
import type { TLAnyShapeUtilConstructor } from 'tldraw'
import { ActionGoal } from './action/ActionGoal'
import { cardShapeUtil } from './common/CardShapeUtil'
import type { CardParts } from './common/CardView'
import { ExpectationFromTo } from './expectation/ExpectationParts'
import { ParticipantShapeUtil } from './participant/ParticipantShapeUtil'

/** What a kind draws besides its fields (shared/src/cards says which fields it has). */
const PARTS: Partial<Record<CardKind, CardParts>> = {
  expectation: { Before: ExpectationFromTo },
  action: { After: ActionGoal },
}

/** Kinds whose ShapeUtil does more than draw fields: participants hold their interests. */
const OWN_UTILS: Partial<Record<CardKind, TLAnyShapeUtilConstructor>> = {
  participant: ParticipantShapeUtil,
}

/**
 * One ShapeUtil per card kind of the card kit, in palette order. A new kind in shared/src/cards
 * gets its ShapeUtil, edit panel and palette button here without a client change.
 */
export const CARD_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = CARDS.map(
  (card) => OWN_UTILS[card.kind] ?? cardShapeUtil(card, PARTS[card.kind]),
)
