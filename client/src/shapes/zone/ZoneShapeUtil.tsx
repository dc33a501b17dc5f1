import {
  SECTION_KINDS,
  ZONE_KINDS,
  ZONE_SHAPE,
  zoneDefaultProps,
  zoneShapeMigrations,
  zoneShapeProps,
  type WtZoneShape,
} from '@wijktafel/shared'
import { memo, type CSSProperties } from 'react'
import {
  BaseFrameLikeShapeUtil,
  Group2d,
  HTMLContainer,
  Rectangle2d,
  type Editor,
  type TLShape,
} from 'tldraw'
import { CARD_FONT_FACES, roundedRectPath } from '../common/CardShapeUtil'
import { ChoicePicker } from '../common/Choices'
import { ParticipantChip, ParticipantPicker, useParticipant } from '../common/Participants'
import { Pictogram } from '../common/Pictogram'
import { SHORT_TEXT, TextField } from '../common/TextField'
import { stopEvent, useCard } from '../common/useCard'
import { registerSharedMarking } from './registerSharedMarking'
import { zoneChoice } from './zoneLook'
import { mayChangeStructure } from '../../board/meeting/structureLock'

/** Height of the title band; the band is where a zone is grabbed (like a frame's heading). */
export const ZONE_HEAD = 60

/**
 * A large labelled area of a map template: the "Gedeeld belang" zone, a partner's lane, a
 * section of agreements, the banner. Frame-like [1]: cards dropped in become its children and
 * move with it; it is selected by its title band or its edge, so people can work inside it.
 */
export class ZoneShapeUtil extends BaseFrameLikeShapeUtil<WtZoneShape> {
  static override type = ZONE_SHAPE
  static override props = zoneShapeProps
  static override migrations = zoneShapeMigrations

  constructor(editor: Editor) {
    super(editor)
    // Interests in a "Gedeeld belang" zone are shared: dragged in or out, or the kind changed [2].
    editor.disposables.add(registerSharedMarking(editor))
  }

  override getDefaultProps(): WtZoneShape['props'] {
    return { ...zoneDefaultProps }
  }

  // The structure is locked in a meeting: only the facilitator, with "Indeling aanpassen"
  // on, retitles or resizes a zone (client/src/board/meeting/structureLock.ts).
  override canEdit(shape: WtZoneShape) {
    return mayChangeStructure(shape.id)
  }

  override canResize(shape: WtZoneShape) {
    return mayChangeStructure(shape.id)
  }

  override hideResizeHandles(shape: WtZoneShape) {
    return !mayChangeStructure(shape.id)
  }

  override hideRotateHandle(shape: WtZoneShape) {
    return !mayChangeStructure(shape.id)
  }

  override getFontFaces() {
    return CARD_FONT_FACES
  }

  override getText(shape: WtZoneShape) {
    return shape.props.title
  }

  override getGeometry(shape: WtZoneShape) {
    const { w, h } = shape.props
    return new Group2d({
      children: [
        new Rectangle2d({ width: w, height: h, isFilled: false }),
        new Rectangle2d({
          width: w,
          height: Math.min(ZONE_HEAD, h),
          isFilled: true,
          isLabel: true,
        }),
      ],
    })
  }

  override getIndicatorPath(shape: WtZoneShape) {
    return roundedRectPath(shape.props.w, shape.props.h, 20)
  }

  override canReceiveNewChildrenOfType(shape: WtZoneShape, type: TLShape['type']) {
    return !shape.isLocked && type !== ZONE_SHAPE
  }

  override component(shape: WtZoneShape) {
    return <ZoneArea shape={shape} />
  }
}

const ZoneArea = memo(function ZoneArea({ shape }: { shape: WtZoneShape }) {
  const { editing, exporting, t, update } = useCard(shape)
  const { kind, section, title, participantId } = shape.props
  const partner = useParticipant(kind === 'lane' ? participantId : null)
  const look = partner ? partner.kind : zoneChoice(kind, section)
  const style = {
    '--wt-color': look.color,
    '--wt-ink': look.ink,
    '--wt-tint': `color-mix(in srgb, ${look.color} 10%, #ffffff)`,
    borderColor: `color-mix(in srgb, ${look.color} 75%, #000000)`,
    pointerEvents: 'none',
  } as CSSProperties
  const fallbackTitle =
    kind === 'section' && section ? t(look.label) : t(zoneChoice(kind, null).label)
  return (
    <HTMLContainer className="wtc-zone" style={style}>
      <div
        className="wtc-zone__head"
        style={{ height: ZONE_HEAD, pointerEvents: editing ? 'all' : 'none' }}
        onPointerDown={editing ? stopEvent : undefined}
      >
        <Pictogram name={look.icon} size={44} />
        {partner ? <ParticipantChip id={participantId} t={t} big /> : null}
        <div className="wtc-zone__title">
          {editing || title ? (
            <TextField
              value={title}
              onChange={(value) => update({ title: value })}
              editing={editing}
              exporting={exporting}
              placeholder={partner ? '' : fallbackTitle}
              multiline={false}
              maxLength={SHORT_TEXT}
              autoFocus
            />
          ) : partner ? null : (
            // An untitled zone says what it is, on the canvas and in exports alike.
            <div className="wtc-text">{fallbackTitle}</div>
          )}
        </div>
      </div>
    </HTMLContainer>
  )
})

export function ZonePanel({ shape }: { shape: WtZoneShape }) {
  const { t, update } = useCard(shape)
  const { kind } = shape.props
  return (
    <>
      <ChoicePicker
        title={t('field.kind')}
        choices={ZONE_KINDS}
        value={kind}
        onPick={(next) => update({ kind: next })}
        t={t}
      />
      {kind === 'section' ? (
        <ChoicePicker
          title={t('legend.cardKinds')}
          choices={SECTION_KINDS}
          value={shape.props.section}
          onPick={(section) => update({ section })}
          t={t}
        />
      ) : null}
      {kind === 'lane' ? (
        <ParticipantPicker
          title={t('field.partner')}
          value={shape.props.participantId}
          onPick={(participantId) => update({ participantId })}
          t={t}
          noneLabel="—"
        />
      ) : null}
    </>
  )
}

// [1] tldraw's BaseFrameLikeShapeUtil (the frame's base in v5) reparents shapes dragged in
// and out, clips its children and, in getShapeAtPoint, only hits a frame-like shape on its
// edge or on a child geometry marked `isLabel`: here the title band.
//
// [2] Once per editor (tldraw builds each util once, in the Editor's constructor), undone with
// the editor: the store can outlive it (BoardConnection keeps it when the canvas remounts).
