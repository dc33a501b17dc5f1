import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { getCardKind } from '../model/cardKinds.js'
import { sizeValidator, longTextValidator, shortTextValidator } from './validators.js'

export const BOTTLENECK_SHAPE = 'wt-bottleneck'

/** Something in the way, and who can remove it. */
export interface BottleneckShapeProps {
  w: number
  h: number
  text: string
  whoCanRemove: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-bottleneck': BottleneckShapeProps
  }
}

export type WtBottleneckShape = TLShape<typeof BOTTLENECK_SHAPE>

export const bottleneckShapeProps: RecordProps<WtBottleneckShape> = {
  w: sizeValidator,
  h: sizeValidator,
  text: longTextValidator,
  whoCanRemove: shortTextValidator,
}

/** Migration ids of wt-bottleneck; add a version here and a step below for every prop change. */
export const bottleneckShapeVersions = createShapePropsMigrationIds(BOTTLENECK_SHAPE, {})

export const bottleneckShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const bottleneckDefaultProps: BottleneckShapeProps = {
  ...getCardKind('bottleneck').defaultSize,
  text: '',
  whoCanRemove: '',
}
