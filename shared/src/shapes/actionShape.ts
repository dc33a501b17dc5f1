import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { getCardKind } from '../model/cardKinds.js'
import {
  ACTION_STATUS_IDS,
  VALUE_KIND_IDS,
  type ActionStatus,
  type ValueKind,
} from '../model/enums.js'
import {
  dateValidator,
  longTextValidator,
  participantRefValidator,
  shortTextValidator,
  sizeValidator,
  uniqueListValidator,
} from './validators.js'

export const ACTION_SHAPE = 'wt-action'

/**
 * A short-term action with its owner, and a measurable goal that residents can monitor
 * themselves (Dazo step 8: indicator, baseline, target, latest measurement, who measures).
 */
export interface ActionShapeProps {
  w: number
  h: number
  what: string
  ownerId: string | null
  /** '' or YYYY-MM-DD */
  due: string
  status: ActionStatus
  values: ValueKind[]
  indicator: string
  baseline: number | null
  target: number | null
  latest: number | null
  measuredBy: string
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-action': ActionShapeProps
  }
}

export type WtActionShape = TLShape<typeof ACTION_SHAPE>

export const actionShapeProps: RecordProps<WtActionShape> = {
  w: sizeValidator,
  h: sizeValidator,
  what: longTextValidator,
  ownerId: participantRefValidator,
  due: dateValidator,
  status: T.literalEnum(...ACTION_STATUS_IDS),
  values: uniqueListValidator(T.literalEnum(...VALUE_KIND_IDS), VALUE_KIND_IDS.length),
  indicator: shortTextValidator,
  baseline: T.nullable(T.number),
  target: T.nullable(T.number),
  latest: T.nullable(T.number),
  measuredBy: shortTextValidator,
}

/** Migration ids of wt-action; add a version here and a step below for every prop change. */
export const actionShapeVersions = createShapePropsMigrationIds(ACTION_SHAPE, {})

export const actionShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const actionDefaultProps: ActionShapeProps = {
  ...getCardKind('action').defaultSize,
  what: '',
  ownerId: null,
  due: '',
  status: 'idee',
  values: [],
  indicator: '',
  baseline: null,
  target: null,
  latest: null,
  // Residents measure by default: the publication asks for goals they can monitor themselves.
  measuredBy: 'bewoners',
}
