import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { getCardKind } from '../model/cardKinds.js'
import { sizeValidator, longTextValidator, participantRefValidator } from './validators.js'

export const EXPECTATION_SHAPE = 'wt-expectation'

/** What one partner expects from another. */
export interface ExpectationShapeProps {
  w: number
  h: number
  fromId: string | null
  toId: string | null
  text: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-expectation': ExpectationShapeProps
  }
}

export type WtExpectationShape = TLShape<typeof EXPECTATION_SHAPE>

export const expectationShapeProps: RecordProps<WtExpectationShape> = {
  w: sizeValidator,
  h: sizeValidator,
  fromId: participantRefValidator,
  toId: participantRefValidator,
  text: longTextValidator,
}

/** Migration ids of wt-expectation; add a version here and a step below for every prop change. */
export const expectationShapeVersions = createShapePropsMigrationIds(EXPECTATION_SHAPE, {})

export const expectationShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const expectationDefaultProps: ExpectationShapeProps = {
  ...getCardKind('expectation').defaultSize,
  fromId: null,
  toId: null,
  text: '',
}
