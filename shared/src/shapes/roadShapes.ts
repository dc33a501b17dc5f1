import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { dateValidator, shortTextValidator, sizeValidator } from './validators.js'

/** The road from today to the dream: a timeline on its own page, the facilitator's structure. */
export const ROAD_SHAPE = 'wt-road'
/** An action on the road: a live reference to an action card, never a copy of it [1]. */
export const ROAD_ACTION_SHAPE = 'wt-road-action'

/**
 * The timeline. Its x axis is time from `start` (today, when it was made) to `end` (the
 * dream's horizon); shared/src/road/layout.ts maps dates to x and back. Milestones and action
 * references are its children, so their x inside it is their date.
 */
export interface RoadShapeProps {
  w: number
  h: number
  title: string
  /** `YYYY-MM-DD`, never ''. */
  start: string
  /** `YYYY-MM-DD`, never ''; after `start`. */
  end: string
}

/** A reference to one action card (`actionId`, a `wt-action` shape id on any page). */
export interface RoadActionShapeProps {
  w: number
  h: number
  actionId: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-road': RoadShapeProps
    'wt-road-action': RoadActionShapeProps
  }
}

export type WtRoadShape = TLShape<typeof ROAD_SHAPE>
export type WtRoadActionShape = TLShape<typeof ROAD_ACTION_SHAPE>

const requiredDate = dateValidator.check((s) => {
  if (s === '') throw new T.ValidationError('Expected a date as YYYY-MM-DD, got an empty date')
})

/** The id of a shape (`shape:...`), at most 200 characters. */
export const shapeIdValidator = T.string.check((s) => {
  if (!s.startsWith('shape:') || s.length <= 'shape:'.length || s.length > 200) {
    throw new T.ValidationError(`Expected a shape id ('shape:...'), got '${s.slice(0, 60)}'`)
  }
})

export const roadShapeProps: RecordProps<WtRoadShape> = {
  w: sizeValidator,
  h: sizeValidator,
  title: shortTextValidator,
  start: requiredDate,
  end: requiredDate,
}

export const roadActionShapeProps: RecordProps<WtRoadActionShape> = {
  w: sizeValidator,
  h: sizeValidator,
  actionId: shapeIdValidator,
}

/** Migration ids of the road shapes; add a version and a step for every prop change. */
export const roadShapeVersions = createShapePropsMigrationIds(ROAD_SHAPE, {})
export const roadShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })
export const roadActionShapeVersions = createShapePropsMigrationIds(ROAD_ACTION_SHAPE, {})
export const roadActionShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const roadDefaultProps: RoadShapeProps = {
  w: 3380,
  h: 1300,
  title: '',
  start: '2026-01-01',
  end: '2031-01-01',
}

export const roadActionDefaultProps: RoadActionShapeProps = {
  w: 360,
  h: 210,
  actionId: 'shape:none',
}

// [1] An action's what, owner, due date, status and values live once, on its action card; the
//     reference draws them from there. Moving the reference writes the card's due date and
//     horizon (client/src/shapes/road/roadSync.ts), so the two never disagree.
