import type { Role } from '../protocol/roles.js'
import { LEGEND_SHAPE } from '../shapes/legendShape.js'
import { ROAD_SHAPE } from '../shapes/roadShapes.js'
import { ZONE_SHAPE } from '../shapes/zoneShape.js'

/** tldraw's own frame shape. */
export const FRAME_SHAPE = 'frame'

/**
 * The shape types that make up a map's structure: zones (the shared-interest zone, lanes,
 * sections with their titles, the banner), the legend, frames, and the road's timeline (its
 * start and end dates set the time axis everyone's actions stand on). Together with any
 * locked shape they are the template a meeting works on, which only the facilitator may
 * move, change or delete [1].
 */
export const STRUCTURE_SHAPE_TYPES: readonly string[] = [
  ZONE_SHAPE,
  LEGEND_SHAPE,
  FRAME_SHAPE,
  ROAD_SHAPE,
]

/**
 * How every refusal of the server's structure lock begins (`refused:the structure is
 * locked: …`), so a client can tell it from other refusals and say it in plain words.
 */
export const STRUCTURE_LOCKED = 'the structure is locked'

/** True for a shape record that is part of the structure: its type, or locked. */
export function isStructureShape(record: unknown): boolean {
  if (typeof record !== 'object' || record === null) return false
  const { typeName, type, isLocked } = record as Record<string, unknown>
  if (typeName !== 'shape') return false
  return isLocked === true || (typeof type === 'string' && STRUCTURE_SHAPE_TYPES.includes(type))
}

/** Whether this role may move, change, delete, lock or unlock structure shapes. */
export function canChangeStructure(role: Role): boolean {
  return role === 'facilitator'
}

// [1] Anyone who may write may still ADD structure: a map built from a template ("Maak
//     partnerschapskaart") creates zones and a legend. The server enforces the rest
//     (server/src/rules/structureLockRule.ts); a client hides the handles to match.
