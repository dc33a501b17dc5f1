import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { getCardKind } from '../model/cardKinds.js'
import { sizeValidator, horizonYearsValidator, longTextValidator } from './validators.js'

export const DREAM_SHAPE = 'wt-dream'

/** The residents' long-term dream (5+ years) for the neighbourhood. */
export interface DreamShapeProps {
  w: number
  h: number
  text: string
  horizonYears: number
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-dream': DreamShapeProps
  }
}

export type WtDreamShape = TLShape<typeof DREAM_SHAPE>

export const dreamShapeProps: RecordProps<WtDreamShape> = {
  w: sizeValidator,
  h: sizeValidator,
  text: longTextValidator,
  horizonYears: horizonYearsValidator,
}

/** Migration ids of wt-dream; add a version here and a step below for every prop change. */
export const dreamShapeVersions = createShapePropsMigrationIds(DREAM_SHAPE, {})

export const dreamShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const dreamDefaultProps: DreamShapeProps = {
  ...getCardKind('dream').defaultSize,
  text: '',
  horizonYears: 5,
}
