import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { getCardKind } from '../model/cardKinds.js'
import {
  PARTICIPANT_KIND_IDS,
  PARTICIPANT_LEVEL_IDS,
  type ParticipantKind,
  type ParticipantLevel,
} from '../model/enums.js'
import { sizeValidator, shortTextValidator } from './validators.js'

export const PARTICIPANT_SHAPE = 'wt-participant'

/** A participant (a person or an organisation), drawn as an area that holds its interest notes. */
export interface ParticipantShapeProps {
  w: number
  h: number
  name: string
  organisation: string
  kind: ParticipantKind
  level: ParticipantLevel
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-participant': ParticipantShapeProps
  }
}

export type WtParticipantShape = TLShape<typeof PARTICIPANT_SHAPE>

export const participantShapeProps: RecordProps<WtParticipantShape> = {
  w: sizeValidator,
  h: sizeValidator,
  name: shortTextValidator,
  organisation: shortTextValidator,
  kind: T.literalEnum(...PARTICIPANT_KIND_IDS),
  level: T.literalEnum(...PARTICIPANT_LEVEL_IDS),
}

/** Migration ids of wt-participant; add a version here and a step below for every prop change. */
export const participantShapeVersions = createShapePropsMigrationIds(PARTICIPANT_SHAPE, {})

export const participantShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const participantDefaultProps: ParticipantShapeProps = {
  ...getCardKind('participant').defaultSize,
  name: '',
  organisation: '',
  kind: 'bewoner',
  level: 'persoonlijk',
}
