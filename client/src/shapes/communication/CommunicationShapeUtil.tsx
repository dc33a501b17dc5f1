import {
  COMMUNICATION_SHAPE,
  communicationDefaultProps,
  communicationShapeMigrations,
  communicationShapeProps,
  getCardKind,
  type MessageKey,
  type WtCommunicationShape,
} from '@wijktafel/shared'
import { Languages } from 'lucide-react'
import { memo } from 'react'
import { CardFrame } from '../common/CardFrame'
import { CardShapeUtil } from '../common/CardShapeUtil'
import { FieldRow } from '../common/FieldRow'
import { Pictogram } from '../common/Pictogram'
import { SHORT_TEXT, TextField } from '../common/TextField'
import { useCard } from '../common/useCard'

const KIND = getCardKind('communication')

type TextProp = 'channel' | 'frequency' | 'contact' | 'language'

const ROWS: readonly { prop: TextProp; label: MessageKey; icon: React.ReactNode }[] = [
  { prop: 'channel', label: 'field.channel', icon: <Pictogram name="messages-square" size={28} /> },
  { prop: 'frequency', label: 'field.frequency', icon: <Pictogram name="clock" size={28} /> },
  { prop: 'contact', label: 'field.contact', icon: <Pictogram name="user" size={28} /> },
  { prop: 'language', label: 'field.language', icon: <Languages size={28} strokeWidth={2.25} /> },
]

/** Communicatie: channel, how often, point of contact and language. */
export class CommunicationShapeUtil extends CardShapeUtil<WtCommunicationShape> {
  static override type = COMMUNICATION_SHAPE
  static override props = communicationShapeProps
  static override migrations = communicationShapeMigrations

  override getDefaultProps(): WtCommunicationShape['props'] {
    return { ...communicationDefaultProps }
  }

  override getText(shape: WtCommunicationShape) {
    return ROWS.map((r) => shape.props[r.prop])
      .filter(Boolean)
      .join(', ')
  }

  override component(shape: WtCommunicationShape) {
    return <CommunicationCard shape={shape} />
  }
}

const CommunicationCard = memo(function CommunicationCard({
  shape,
}: {
  shape: WtCommunicationShape
}) {
  const { editing, exporting, t, update } = useCard(shape)
  return (
    <CardFrame look={{ ...KIND, label: t(KIND.label) }} editing={editing}>
      {ROWS.map((row, i) =>
        shape.props[row.prop] || editing || !exporting ? (
          <FieldRow key={row.prop} icon={row.icon} title={t(row.label)}>
            <TextField
              value={shape.props[row.prop]}
              onChange={(value) => update({ [row.prop]: value })}
              editing={editing}
              exporting={exporting}
              placeholder={t(row.label)}
              multiline={false}
              maxLength={SHORT_TEXT}
              autoFocus={i === 0}
            />
          </FieldRow>
        ) : null,
      )}
    </CardFrame>
  )
})
