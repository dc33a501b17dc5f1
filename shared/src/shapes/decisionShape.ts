import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { getCardKind } from '../model/cardKinds.js'
import { DECISION_RULE_IDS, type DecisionRule } from '../model/enums.js'
import { sizeValidator, longTextValidator, shortTextValidator } from './validators.js'

export const DECISION_SHAPE = 'wt-decision'

/** What is decided, who decides and how. */
export interface DecisionShapeProps {
  w: number
  h: number
  what: string
  who: string
  rule: DecisionRule
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-decision': DecisionShapeProps
  }
}

export type WtDecisionShape = TLShape<typeof DECISION_SHAPE>

export const decisionShapeProps: RecordProps<WtDecisionShape> = {
  w: sizeValidator,
  h: sizeValidator,
  what: longTextValidator,
  who: shortTextValidator,
  rule: T.literalEnum(...DECISION_RULE_IDS),
}

/** Migration ids of wt-decision; add a version here and a step below for every prop change. */
export const decisionShapeVersions = createShapePropsMigrationIds(DECISION_SHAPE, {})

export const decisionShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const decisionDefaultProps: DecisionShapeProps = {
  ...getCardKind('decision').defaultSize,
  what: '',
  who: '',
  rule: 'consent',
}
