import type { MessageKey } from '../i18n/messages.js'
import { INK_DARK, INK_LIGHT } from './choice.js'
import type { CardKind, CardShapeType, MapKind } from './enums.js'
import type { IconName } from './icons.js'

/** A card kind as the toolbar, the legend and the outline view show it. */
export interface CardKindInfo {
  readonly kind: CardKind
  readonly type: CardShapeType
  readonly label: MessageKey
  readonly icon: IconName
  readonly color: string
  readonly ink: string
  /** The map the card belongs on; the dream and the assignment are on both maps. */
  readonly map: MapKind
  /** Size of a new card, in page units; large enough for 24 px text on a projector. */
  readonly defaultSize: { readonly w: number; readonly h: number }
}

/**
 * The 13 card kinds. A participant card is an area that holds its interest notes, so its
 * default size fits a grid of two by two notes under a header [1].
 */
export const CARD_KINDS = [
  card('dream', 'sparkles', '#FFC93C', INK_DARK, 'belangenkaart', 560, 320),
  card('assignment', 'target', '#1B4F72', INK_LIGHT, 'belangenkaart', 560, 320),
  card('participant', 'user', '#5D6D7E', INK_LIGHT, 'belangenkaart', 640, 584),
  card('interest', 'sticky-note', '#FFF3B0', INK_DARK, 'belangenkaart', 280, 200),
  card('shared-interest', 'heart-handshake', '#C2185B', INK_LIGHT, 'belangenkaart', 320, 200),
  card('role', 'id-card', '#7E57C2', INK_LIGHT, 'partnerschapskaart', 280, 160),
  card('decision', 'gavel', '#263238', INK_LIGHT, 'partnerschapskaart', 360, 240),
  card('expectation', 'arrow-right-left', '#4DB6AC', INK_DARK, 'partnerschapskaart', 360, 220),
  card('communication', 'messages-square', '#64B5F6', INK_DARK, 'partnerschapskaart', 360, 260),
  card('rule', 'scale', '#795548', INK_LIGHT, 'partnerschapskaart', 360, 200),
  card('action', 'list-checks', '#2E7D32', INK_LIGHT, 'partnerschapskaart', 400, 340),
  card('bottleneck', 'construction', '#EF6C00', INK_DARK, 'partnerschapskaart', 360, 200),
  card('lesson', 'lightbulb', '#E8C8F0', INK_DARK, 'partnerschapskaart', 360, 200),
] as const satisfies readonly CardKindInfo[]

/** The card kind with this kind id or shape type (`'dream'` or `'wt-dream'`). */
export function getCardKind(kindOrType: CardKind | CardShapeType): CardKindInfo {
  const info = CARD_KINDS.find((c) => c.kind === kindOrType || c.type === kindOrType)
  if (!info) throw new Error(`Unknown card kind '${kindOrType}'`)
  return info
}

/** True for the shape type of one of the 13 cards (not zones, the legend or tldraw's own). */
export function isCardShapeType(type: string): type is CardShapeType {
  return CARD_KINDS.some((c) => c.type === type)
}

function card<const K extends CardKind>(
  kind: K,
  icon: IconName,
  color: string,
  ink: string,
  map: MapKind,
  w: number,
  h: number,
) {
  return {
    kind,
    type: `wt-${kind}` as const,
    label: `card.${kind}` as const,
    icon,
    color,
    ink,
    map,
    defaultSize: { w, h },
  }
}

// [1] Participant area: 140 header + 2 rows of 200 high notes + 20 gap + 24 bottom padding = 584;
// 24 + 2 x 280 wide notes + 20 gap + 24 = 628, rounded up to 640. See templates/layout.ts.
