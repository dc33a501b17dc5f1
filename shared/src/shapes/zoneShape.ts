import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { SECTION_KIND_IDS, ZONE_KIND_IDS, type SectionKind, type ZoneKind } from '../model/enums.js'
import { participantRefValidator, shortTextValidator, sizeValidator } from './validators.js'

export const ZONE_SHAPE = 'wt-zone'

/**
 * A titled area of a map template that holds cards as its children: the shared-interest zone
 * of the belangenkaart; the banner, a partner's lane and the agreement sections of the
 * partnerschapskaart. `participantId` is a lane's partner, `section` a section's kind (both
 * null for the other kinds).
 */
export interface ZoneShapeProps {
  w: number
  h: number
  kind: ZoneKind
  title: string
  participantId: string | null
  section: SectionKind | null
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-zone': ZoneShapeProps
  }
}

export type WtZoneShape = TLShape<typeof ZONE_SHAPE>

export const zoneShapeProps: RecordProps<WtZoneShape> = {
  w: sizeValidator,
  h: sizeValidator,
  kind: T.literalEnum(...ZONE_KIND_IDS),
  title: shortTextValidator,
  participantId: participantRefValidator,
  section: T.nullable(T.literalEnum(...SECTION_KIND_IDS)),
}

/** Migration ids of wt-zone; add a version here and a step below for every prop change. */
export const zoneShapeVersions = createShapePropsMigrationIds(ZONE_SHAPE, {})

export const zoneShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const zoneDefaultProps: ZoneShapeProps = {
  w: 880,
  h: 520,
  kind: 'section',
  title: '',
  participantId: null,
  section: null,
}
