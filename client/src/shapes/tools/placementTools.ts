import {
  CARD_KINDS,
  type CardKindInfo,
  INTEREST_SHAPE,
  LEGEND_SHAPE,
  MAP_KINDS,
  PARTICIPANT_SHAPE,
  ZONE_KINDS,
  ZONE_SHAPE,
  type IconName,
  type MapKind,
  type MessageKey,
} from '@wijktafel/shared'
import {
  createShapeId,
  StateNode,
  type Editor,
  type TLShape,
  type TLShapeId,
  type TLStateNodeConstructor,
  type VecLike,
} from 'tldraw'

/** One button of the card palette: a tool that puts one kind of card where you click. */
export interface PlacementSpec {
  /** tldraw tool id (the shape type for cards; zones and legends have one per variant). */
  id: string
  type: string
  label: MessageKey
  icon: IconName
  color: string
  ink: string
  map: MapKind
  /** A zone: shown as a dashed area in the palette, to tell it from the card of that name. */
  area?: boolean
  /** Props of the new shape besides the shape's defaults. */
  props?: Record<string, unknown>
}

const zone = (kind: 'shared-interest' | 'lane' | 'section', map: MapKind): PlacementSpec => {
  const look = ZONE_KINDS.find((z) => z.id === kind)!
  return {
    ...look,
    id: `${ZONE_SHAPE}-${kind}`,
    type: ZONE_SHAPE,
    map,
    area: true,
    props: { kind },
  }
}

const legend = (map: MapKind): PlacementSpec => {
  const look = MAP_KINDS.find((m) => m.id === map)!
  return {
    ...look,
    id: `${LEGEND_SHAPE}-${map}`,
    type: LEGEND_SHAPE,
    label: 'legend.title',
    map,
    props: { map },
  }
}

/** A card kind's button: its look and label; a new card gets its kind's default props. */
function cardPlacement(card: CardKindInfo, id: string): PlacementSpec {
  const { type, label, icon, color, ink, map } = card
  return { id, type, label, icon, color, ink, map }
}

/**
 * The palette, grouped by map. The dream and the assignment are on both maps, so on both
 * groups; each group ends with its areas and its legend.
 */
export const PLACEMENTS: Record<MapKind, readonly PlacementSpec[]> = {
  belangenkaart: [
    ...CARD_KINDS.filter((c) => c.map === 'belangenkaart').map((c) => cardPlacement(c, c.type)),
    zone('shared-interest', 'belangenkaart'),
    legend('belangenkaart'),
  ],
  partnerschapskaart: [
    ...CARD_KINDS.filter(
      (c) => c.map === 'partnerschapskaart' || c.kind === 'dream' || c.kind === 'assignment',
    ).map((c) =>
      // Only the dream and assignment also sit in the belangenkaart group: they share its tool.
      cardPlacement(c, c.map === 'partnerschapskaart' ? c.type : `${c.type}@partnerschapskaart`),
    ),
    zone('lane', 'partnerschapskaart'),
    zone('section', 'partnerschapskaart'),
    legend('partnerschapskaart'),
  ],
}

/** Every distinct tool; the dream and assignment buttons of both groups share one tool. */
export const ALL_PLACEMENTS: readonly PlacementSpec[] = [
  ...PLACEMENTS.belangenkaart,
  ...PLACEMENTS.partnerschapskaart.filter((s) => !s.id.includes('@')),
]

/** The tool a palette button selects (the same for a card shown in both groups). */
export function toolIdOf(spec: PlacementSpec): string {
  return spec.id.split('@')[0]!
}

/**
 * The shape under `point` that would take a new `type` shape as its child (a participant for
 * an interest, a zone for a card), topmost first, or undefined.
 */
function receiverAt(editor: Editor, point: VecLike, type: string, except: TLShapeId) {
  return editor
    .getShapesAtPoint(point, { hitInside: true })
    .find(
      (s) =>
        s.id !== except &&
        !s.isLocked &&
        editor.getShapeUtil(s).canReceiveNewChildrenOfType(s, type as TLShape['type']),
    )
}

/**
 * Creates the card of `spec` centred on `point`, puts it in the area under the point (an
 * interest into a participant, which becomes its owner; anything into a zone), selects it and
 * starts editing it so people can type straight away. One undo step.
 */
export function placeCard(editor: Editor, spec: PlacementSpec, point: VecLike): TLShapeId {
  const id = createShapeId()
  const util = editor.getShapeUtil(spec.type as TLShape['type'])
  const { w, h } = util.getDefaultProps() as { w: number; h: number }
  editor.markHistoryStoppingPoint(`create ${spec.id}`)
  editor.run(() => {
    editor.createShape({
      id,
      type: spec.type,
      x: point.x - w / 2,
      y: point.y - h / 2,
      props: spec.props ?? {},
    } as Parameters<Editor['createShape']>[0])
    const receiver = receiverAt(editor, point, spec.type, id)
    if (receiver && editor.getShape(id)?.parentId !== receiver.id) {
      editor.reparentShapes([id], receiver.id)
    }
    if (spec.type === INTEREST_SHAPE && receiver) {
      if (receiver.type === PARTICIPANT_SHAPE) {
        editor.updateShape({ id, type: INTEREST_SHAPE, props: { participantId: receiver.id } })
      } else if (receiver.type === ZONE_SHAPE && receiver.props.kind === 'shared-interest') {
        editor.updateShape({ id, type: INTEREST_SHAPE, props: { shared: true } })
      }
    }
  })
  const shape = editor.getShape(id)
  if (!shape) {
    // Nothing was made (a read-only board): just hand back to the select tool.
    editor.setCurrentTool('select')
    return id
  }
  editor.select(id)
  editor.setEditingShape(id)
  // Enter the select tool's editing state, so a click elsewhere or Escape ends editing.
  editor.setCurrentTool('select.editing_shape', { target: 'shape', shape })
  return id
}

/** A tldraw tool (a StateNode) that places one card per click, then hands over to select. */
export function createPlacementTool(spec: PlacementSpec): TLStateNodeConstructor {
  return class PlacementTool extends StateNode {
    static override id = spec.id

    override onEnter() {
      this.editor.setCursor({ type: 'cross', rotation: 0 })
    }

    override onExit() {
      this.editor.setCursor({ type: 'default', rotation: 0 })
    }

    override onPointerDown() {
      placeCard(this.editor, spec, this.editor.inputs.getCurrentPagePoint())
    }

    override onCancel() {
      this.editor.setCurrentTool('select')
    }
  }
}

export const PLACEMENT_TOOLS: readonly TLStateNodeConstructor[] =
  ALL_PLACEMENTS.map(createPlacementTool)
