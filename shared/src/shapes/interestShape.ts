import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { getCardKind } from '../model/cardKinds.js'
import { INTEREST_CATEGORY_IDS, type InterestCategory } from '../model/enums.js'
import { sizeValidator, longTextValidator, participantRefValidator } from './validators.js'

export const INTEREST_SHAPE = 'wt-interest'

/** An interest of one participant; `shared` once it has been dragged into the shared-interest zone. */
export interface InterestShapeProps {
  w: number
  h: number
  text: string
  category: InterestCategory
  participantId: string | null
  shared: boolean
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-interest': InterestShapeProps
  }
}

export type WtInterestShape = TLShape<typeof INTEREST_SHAPE>

export const interestShapeProps: RecordProps<WtInterestShape> = {
  w: sizeValidator,
  h: sizeValidator,
  text: longTextValidator,
  category: T.literalEnum(...INTEREST_CATEGORY_IDS),
  participantId: participantRefValidator,
  shared: T.boolean,
}

/** Migration ids of wt-interest; add a version here and a step below for every prop change. */
export const interestShapeVersions = createShapePropsMigrationIds(INTEREST_SHAPE, {})

export const interestShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const interestDefaultProps: InterestShapeProps = {
  ...getCardKind('interest').defaultSize,
  text: '',
  category: 'halen',
  participantId: null,
  shared: false,
}
