import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { getCardKind } from '../model/cardKinds.js'
import { sizeValidator, horizonYearsValidator, longTextValidator } from './validators.js'

export const ASSIGNMENT_SHAPE = 'wt-assignment'

/** The societal assignment: what the partners will concretely do in the next two years. */
export interface AssignmentShapeProps {
  w: number
  h: number
  text: string
  horizonYears: number
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-assignment': AssignmentShapeProps
  }
}

export type WtAssignmentShape = TLShape<typeof ASSIGNMENT_SHAPE>

export const assignmentShapeProps: RecordProps<WtAssignmentShape> = {
  w: sizeValidator,
  h: sizeValidator,
  text: longTextValidator,
  horizonYears: horizonYearsValidator,
}

/** Migration ids of wt-assignment; add a version here and a step below for every prop change. */
export const assignmentShapeVersions = createShapePropsMigrationIds(ASSIGNMENT_SHAPE, {})

export const assignmentShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const assignmentDefaultProps: AssignmentShapeProps = {
  ...getCardKind('assignment').defaultSize,
  text: '',
  horizonYears: 2,
}
