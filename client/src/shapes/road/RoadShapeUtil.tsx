import {
  dateOfDay,
  dateToX,
  horizonSpan,
  MILESTONE_SHAPE,
  ROAD_ACTION_SHAPE,
  ROAD_HORIZON_CHOICES,
  ROAD_LAYOUT,
  ROAD_SHAPE,
  roadDefaultProps,
  roadShapeMigrations,
  roadShapeProps,
  timeline,
  type WtRoadShape,
} from '@wijktafel/shared'
import { Flag, Play } from 'lucide-react'
import { memo, type CSSProperties } from 'react'
import {
  BaseFrameLikeShapeUtil,
  Group2d,
  HTMLContainer,
  Rectangle2d,
  type Editor,
  type TLShape,
} from 'tldraw'
import { mayChangeStructure } from '../../board/meeting/structureLock'
import { CARD_FONT_FACES, roundedRectPath } from '../common/CardShapeUtil'
import { formatDate } from '../common/PanelFields'
import { Pictogram } from '../common/Pictogram'
import { useCard } from '../common/useCard'
import { registerRoadSync } from './roadSync'
import './road.css'

/**
 * De weg: the timeline from today to the dream. Frame-like, as a zone [1]: its milestones and
 * action references are its children, so their x inside it is their date; it is grabbed by
 * its title band. Part of the structure: only the facilitator moves, resizes or changes it.
 */
export class RoadShapeUtil extends BaseFrameLikeShapeUtil<WtRoadShape> {
  static override type = ROAD_SHAPE
  static override props = roadShapeProps
  static override migrations = roadShapeMigrations

  constructor(editor: Editor) {
    super(editor)
    // Moving an item along the road writes its date; a date written elsewhere moves it [2].
    editor.disposables.add(registerRoadSync(editor))
  }

  override getDefaultProps(): WtRoadShape['props'] {
    return { ...roadDefaultProps }
  }

  override canEdit() {
    return false
  }

  override canResize(shape: WtRoadShape) {
    return mayChangeStructure(shape.id)
  }

  override hideResizeHandles(shape: WtRoadShape) {
    return !mayChangeStructure(shape.id)
  }

  override hideRotateHandle() {
    return true
  }

  override getFontFaces() {
    return CARD_FONT_FACES
  }

  override getText(shape: WtRoadShape) {
    return shape.props.title
  }

  override getGeometry(shape: WtRoadShape) {
    const { w, h } = shape.props
    return new Group2d({
      children: [
        new Rectangle2d({ width: w, height: h, isFilled: false }),
        new Rectangle2d({
          width: w,
          height: Math.min(ROAD_LAYOUT.head, h),
          isFilled: true,
          isLabel: true,
        }),
      ],
    })
  }

  override getIndicatorPath(shape: WtRoadShape) {
    return roundedRectPath(shape.props.w, shape.props.h, 20)
  }

  override canReceiveNewChildrenOfType(shape: WtRoadShape, type: TLShape['type']) {
    return !shape.isLocked && (type === ROAD_ACTION_SHAPE || type === MILESTONE_SHAPE)
  }

  override component(shape: WtRoadShape) {
    return <RoadTimeline shape={shape} />
  }
}

const BAND_TINTS = ['#EEF7EE', '#E3F1E3', '#D5EAD6'] as const

/** The first of January of every year on the road, for the year marks. */
function yearStarts(start: string, end: string): string[] {
  const first = Number(start.slice(0, 4)) + 1
  const last = Number(end.slice(0, 4))
  const years: string[] = []
  for (let y = first; y <= last; y++) years.push(`${y}-01-01`)
  return years
}

const RoadTimeline = memo(function RoadTimeline({ shape }: { shape: WtRoadShape }) {
  const { t, locale } = useCard(shape)
  const { w, h, title, start, end } = shape.props
  const { x0, x1 } = timeline(shape.props)
  const { head, axisY, trayW, rowsY } = ROAD_LAYOUT
  const x = (date: string) => dateToX(shape.props, date)
  // Year marks that would sit on the start or end label are left out.
  const years = yearStarts(start, end).filter((d) => x(d) - x0 > 380 && x1 - x(d) > 480)
  const bands = ROAD_HORIZON_CHOICES.map((choice, i) => {
    const span = horizonSpan(start, end, choice.id)
    const from = x(dateOfDay(span.from))
    const to = x(dateOfDay(span.to))
    return { choice, from, to, tint: BAND_TINTS[i]! }
  }).filter((b) => b.to - b.from > 1)
  return (
    <HTMLContainer className="wtc-road" style={{ width: w, height: h }}>
      {bands.map(({ choice, from, to, tint }) => (
        <div
          key={choice.id}
          className="wtc-road__band"
          style={{ left: from, width: to - from, background: tint } as CSSProperties}
        >
          <span className="wtc-road__band-label">
            <Pictogram name={choice.icon} size={30} />
            {t(choice.label)}
          </span>
        </div>
      ))}
      <div className="wtc-road__head" style={{ height: head, width: trayW + 60 }}>
        <Pictogram name="milestone" size={44} />
        <span className="wtc-road__title">{title || t('road.title')}</span>
      </div>
      <div className="wtc-road__tray" style={{ width: trayW, top: axisY - 40 }}>
        <span className="wtc-road__tray-label">{t('road.tray')}</span>
      </div>
      {years.map((d) => (
        <div key={d} className="wtc-road__year" style={{ left: x(d), top: head, height: h - head }}>
          <span className="wtc-road__year-label" style={{ top: axisY - head + 14 }}>
            {d.slice(0, 4)}
          </span>
        </div>
      ))}
      <div className="wtc-road__axis" style={{ left: x0, width: x1 - x0, top: axisY - 6 }} />
      <div className="wtc-road__end wtc-road__end--start" style={{ left: x0, top: axisY + 14 }}>
        <Play size={28} aria-hidden="true" />
        <span>
          {t('road.start')} · {formatDate(start, locale)}
        </span>
      </div>
      <div className="wtc-road__end wtc-road__end--dream" style={{ left: x1, top: axisY + 14 }}>
        <Flag size={28} aria-hidden="true" />
        <span>
          {t('road.dream')} · {formatDate(end, locale)}
        </span>
      </div>
      <div
        className="wtc-road__rows"
        style={{ left: trayW, top: rowsY - 20, width: w - trayW, height: h - rowsY + 20 }}
      />
    </HTMLContainer>
  )
})

// [1] tldraw's BaseFrameLikeShapeUtil, as client/src/shapes/zone/ZoneShapeUtil.tsx [1]: it
//     reparents shapes dragged in and out, clips its children and is hit only on its edge or
//     on its title band, so people can work on the road without grabbing it.
// [2] Once per editor, undone with it, as the zone's shared marking.
