import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { getCardKind } from '../model/cardKinds.js'
import { sizeValidator, longTextValidator, participantListValidator } from './validators.js'

export const SHARED_INTEREST_SHAPE = 'wt-shared-interest'

/** An interest that several participants share: the common goal. */
export interface SharedInterestShapeProps {
  w: number
  h: number
  text: string
  participantIds: string[]
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-shared-interest': SharedInterestShapeProps
  }
}

export type WtSharedInterestShape = TLShape<typeof SHARED_INTEREST_SHAPE>

export const sharedInterestShapeProps: RecordProps<WtSharedInterestShape> = {
  w: sizeValidator,
  h: sizeValidator,
  text: longTextValidator,
  participantIds: participantListValidator,
}

/** Migration ids of wt-shared-interest; add a version here and a step below for every prop change. */
export const sharedInterestShapeVersions = createShapePropsMigrationIds(SHARED_INTEREST_SHAPE, {})

export const sharedInterestShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const sharedInterestDefaultProps: SharedInterestShapeProps = {
  ...getCardKind('shared-interest').defaultSize,
  text: '',
  participantIds: [],
}
