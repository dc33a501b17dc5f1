import { CARD_KINDS, PARTICIPANT_SHAPE, ZONE_SHAPE, type MapKind } from '@wijktafel/shared'
import type { Editor, TLShape } from 'tldraw'

const PARTNERSHIP_CARD_TYPES: ReadonlySet<string> = new Set(
  CARD_KINDS.filter((c) => c.map === 'partnerschapskaart').map((c) => c.type),
)

export interface PageMaps {
  /** The map the page's content belongs to: partnerschapskaart once it has lanes, sections or partnership cards. */
  map: MapKind
  /** The page holds participant cards: a belangenkaart to make a partnership map from. */
  hasParticipants: boolean
}

/**
 * What the current page holds. Reactive on the page's set of shapes only [1], so moving or
 * editing cards does not recompute it.
 */
export function getPageMaps(editor: Editor): PageMaps {
  let partnership = false
  let hasParticipants = false
  for (const id of editor.getCurrentPageShapeIds()) {
    const shape = editor.store.unsafeGetWithoutCapture(id) as TLShape | undefined
    if (!shape) continue
    if (shape.type === PARTICIPANT_SHAPE) hasParticipants = true
    else if (PARTNERSHIP_CARD_TYPES.has(shape.type)) partnership = true
    else if (shape.type === ZONE_SHAPE) {
      const kind = (shape.props as { kind?: string }).kind
      if (kind === 'lane' || kind === 'section') partnership = true
    }
    if (partnership && hasParticipants) break
  }
  return { map: partnership ? 'partnerschapskaart' : 'belangenkaart', hasParticipants }
}

// [1] A shape's type never changes and a zone's kind is set when it is made, so reading the
// records without capturing them is safe; only adding or removing shapes re-runs this.
