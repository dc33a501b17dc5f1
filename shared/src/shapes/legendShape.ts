import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { MAP_KIND_IDS, type MapKind } from '../model/enums.js'
import { sizeValidator } from './validators.js'

export const LEGEND_SHAPE = 'wt-legend'

/**
 * The legend of one map: its pictograms and colours with their labels. The content comes from
 * the model (shared/src/model), so the legend always matches the cards.
 */
export interface LegendShapeProps {
  w: number
  h: number
  map: MapKind
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-legend': LegendShapeProps
  }
}

export type WtLegendShape = TLShape<typeof LEGEND_SHAPE>

export const legendShapeProps: RecordProps<WtLegendShape> = {
  w: sizeValidator,
  h: sizeValidator,
  map: T.literalEnum(...MAP_KIND_IDS),
}

/** Migration ids of wt-legend; add a version here and a step below for every prop change. */
export const legendShapeVersions = createShapePropsMigrationIds(LEGEND_SHAPE, {})

export const legendShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

/** Room for the longest legend: 22 rows of a 40 px pictogram and label under 4 headings. */
export const legendDefaultProps: LegendShapeProps = { w: 520, h: 1200, map: 'belangenkaart' }
