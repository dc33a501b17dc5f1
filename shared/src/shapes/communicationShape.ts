import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { getCardKind } from '../model/cardKinds.js'
import { sizeValidator, shortTextValidator } from './validators.js'

export const COMMUNICATION_SHAPE = 'wt-communication'

/** How the partners keep each other informed. */
export interface CommunicationShapeProps {
  w: number
  h: number
  channel: string
  frequency: string
  contact: string
  language: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-communication': CommunicationShapeProps
  }
}

export type WtCommunicationShape = TLShape<typeof COMMUNICATION_SHAPE>

export const communicationShapeProps: RecordProps<WtCommunicationShape> = {
  w: sizeValidator,
  h: sizeValidator,
  channel: shortTextValidator,
  frequency: shortTextValidator,
  contact: shortTextValidator,
  language: shortTextValidator,
}

/** Migration ids of wt-communication; add a version here and a step below for every prop change. */
export const communicationShapeVersions = createShapePropsMigrationIds(COMMUNICATION_SHAPE, {})

export const communicationShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const communicationDefaultProps: CommunicationShapeProps = {
  ...getCardKind('communication').defaultSize,
  channel: '',
  frequency: '',
  contact: '',
  language: '',
}
