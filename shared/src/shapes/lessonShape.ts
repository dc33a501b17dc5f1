import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { getCardKind } from '../model/cardKinds.js'
import { sizeValidator, dateValidator, longTextValidator } from './validators.js'

export const LESSON_SHAPE = 'wt-lesson'

/** A lesson learned, with the date it was learned. */
export interface LessonShapeProps {
  w: number
  h: number
  text: string
  date: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-lesson': LessonShapeProps
  }
}

export type WtLessonShape = TLShape<typeof LESSON_SHAPE>

export const lessonShapeProps: RecordProps<WtLessonShape> = {
  w: sizeValidator,
  h: sizeValidator,
  text: longTextValidator,
  date: dateValidator,
}

/** Migration ids of wt-lesson; add a version here and a step below for every prop change. */
export const lessonShapeVersions = createShapePropsMigrationIds(LESSON_SHAPE, {})

export const lessonShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const lessonDefaultProps: LessonShapeProps = {
  ...getCardKind('lesson').defaultSize,
  text: '',
  date: '',
}
