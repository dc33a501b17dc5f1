import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { getCardKind } from '../model/cardKinds.js'
import { sizeValidator, longTextValidator, participantListValidator } from './validators.js'

export const RULE_SHAPE = 'wt-rule'

/** A rule of the game, with the participants that agreed to it. */
export interface RuleShapeProps {
  w: number
  h: number
  text: string
  agreedBy: string[]
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-rule': RuleShapeProps
  }
}

export type WtRuleShape = TLShape<typeof RULE_SHAPE>

export const ruleShapeProps: RecordProps<WtRuleShape> = {
  w: sizeValidator,
  h: sizeValidator,
  text: longTextValidator,
  agreedBy: participantListValidator,
}

/** Migration ids of wt-rule; add a version here and a step below for every prop change. */
export const ruleShapeVersions = createShapePropsMigrationIds(RULE_SHAPE, {})

export const ruleShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const ruleDefaultProps: RuleShapeProps = {
  ...getCardKind('rule').defaultSize,
  text: '',
  agreedBy: [],
}
