import {
  createShapePropsMigrationIds,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { getCardKind } from '../model/cardKinds.js'
import { PARTNER_ROLE_IDS, type PartnerRole } from '../model/enums.js'
import { sizeValidator, participantRefValidator, shortTextValidator } from './validators.js'

export const ROLE_SHAPE = 'wt-role'

/** The role a partner takes; `partner` is a free name when there is no participant card. */
export interface RoleShapeProps {
  w: number
  h: number
  participantId: string | null
  partner: string
  role: PartnerRole
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'wt-role': RoleShapeProps
  }
}

export type WtRoleShape = TLShape<typeof ROLE_SHAPE>

export const roleShapeProps: RecordProps<WtRoleShape> = {
  w: sizeValidator,
  h: sizeValidator,
  participantId: participantRefValidator,
  partner: shortTextValidator,
  role: T.literalEnum(...PARTNER_ROLE_IDS),
}

/** Migration ids of wt-role; add a version here and a step below for every prop change. */
export const roleShapeVersions = createShapePropsMigrationIds(ROLE_SHAPE, {})

export const roleShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

export const roleDefaultProps: RoleShapeProps = {
  ...getCardKind('role').defaultSize,
  participantId: null,
  partner: '',
  role: 'uitvoerder',
}
