import {
  ACTION_SHAPE,
  ACTION_STATUSES,
  actionCard,
  findChoice,
  ROAD_ACTION_SHAPE,
  roadActionDefaultProps,
  roadActionShapeMigrations,
  roadActionShapeProps,
  VALUE_KINDS,
  type WtRoadActionShape,
} from '@wijktafel/shared'
import { CalendarDays, Trash2 } from 'lucide-react'
import { memo } from 'react'
import {
  BaseBoxShapeUtil,
  HTMLContainer,
  useEditor,
  useReadonly,
  useValue,
  type TLShape,
  type TLShapeId,
} from 'tldraw'
import { lookStyle } from '../common/CardFrame'
import { CARD_FONT_FACES, roundedRectPath } from '../common/CardShapeUtil'
import { ChoiceChip, Swatch } from '../common/Choices'
import { formatDate } from '../common/PanelFields'
import { ParticipantChip } from '../common/Participants'
import { Pictogram } from '../common/Pictogram'
import { stopEvent, useCard } from '../common/useCard'

/** The fields of an action card a reference draws. */
interface ActionView {
  what: string
  ownerId: string | null
  due: string
  status: string
  values: string[]
}

/** The action card a reference points at, or null when it was deleted (any page). */
export function readAction(editor: { getShape(id: TLShapeId): TLShape | undefined }, id: string) {
  const shape = editor.getShape(id as TLShapeId)
  return shape && shape.type === ACTION_SHAPE ? shape : null
}

/**
 * An action on the road: a live reference to its action card [1]. It draws the card's what,
 * owner, due date, status and values from the card itself; moving it along the road changes
 * the card's due date (roadSync.ts). When the card was deleted it says so and can be removed.
 */
export class RoadActionShapeUtil extends BaseBoxShapeUtil<WtRoadActionShape> {
  static override type = ROAD_ACTION_SHAPE
  static override props = roadActionShapeProps
  static override migrations = roadActionShapeMigrations

  override getDefaultProps(): WtRoadActionShape['props'] {
    return { ...roadActionDefaultProps }
  }

  override canEdit() {
    return false
  }

  override canResize() {
    return false
  }

  override hideResizeHandles() {
    return true
  }

  override hideRotateHandle() {
    return true
  }

  override getFontFaces() {
    return CARD_FONT_FACES
  }

  override getText(shape: WtRoadActionShape) {
    const action = readAction(this.editor, shape.props.actionId)
    return action ? (action.props as ActionView).what : ''
  }

  override getIndicatorPath(shape: WtRoadActionShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override component(shape: WtRoadActionShape) {
    return <RoadAction shape={shape} />
  }
}

const RoadAction = memo(function RoadAction({ shape }: { shape: WtRoadActionShape }) {
  const editor = useEditor()
  const readonly = useReadonly()
  const { t, locale, exporting } = useCard(shape)
  const action = useValue(
    'wt road action',
    () => {
      const card = readAction(editor, shape.props.actionId)
      return card ? (card.props as ActionView) : null
    },
    [editor, shape.props.actionId],
  )
  if (!action) {
    return (
      <HTMLContainer className="wtc-roadref wtc-roadref--gone" data-gone="true">
        <span className="wtc-roadref__gone">{t('road.gone')}</span>
        {readonly || exporting ? null : (
          <button
            type="button"
            className="wtc-roadref__remove"
            onPointerDown={stopEvent}
            onClick={() => editor.deleteShape(shape.id)}
          >
            <Trash2 size={26} aria-hidden="true" />
            {t('road.remove')}
          </button>
        )}
      </HTMLContainer>
    )
  }
  const status = findChoice(ACTION_STATUSES, action.status)
  const values = action.values
    .map((id) => findChoice(VALUE_KINDS, id))
    .filter((c) => c !== undefined)
  return (
    <HTMLContainer className="wtc-roadref" style={lookStyle(actionCard)}>
      <div className="wtc-roadref__head">
        <Pictogram name={actionCard.icon} size={30} />
        {status ? <ChoiceChip choice={status} t={t} /> : null}
      </div>
      <div className="wtc-roadref__what">{action.what}</div>
      <div className="wtc-roadref__foot">
        <span className={`wtc-roadref__due${action.due ? '' : ' wtc-roadref__due--none'}`}>
          <CalendarDays size={24} aria-hidden="true" />
          {action.due ? formatDate(action.due, locale) : t('road.noDate')}
        </span>
        <ParticipantChip id={action.ownerId} t={t} iconOnly />
        {values.map((v) => (
          <span key={v.id} title={t(v.label)} className="wtc-roadref__value">
            <Swatch choice={v} size={22} />
          </span>
        ))}
      </div>
    </HTMLContainer>
  )
})

// [1] The action's data lives once, on its card (shared/src/shapes/roadShapes.ts [1]); this
//     shape stores only the card's id and its own size. No `toSvg`: tldraw's export mounts
//     `component` in a foreignObject, as for the cards.
