import {
  ACTION_STATUSES,
  CARD_KINDS,
  EXCHANGE_TYPES,
  findChoice,
  INTEREST_CATEGORIES,
  LEGEND_SHAPE,
  legendDefaultProps,
  legendShapeMigrations,
  legendShapeProps,
  MAP_KINDS,
  PARTICIPANT_KINDS,
  PARTNER_ROLES,
  VALUE_KINDS,
  type Choice,
  type MapKind,
  type MessageKey,
  type WtLegendShape,
} from '@wijktafel/shared'
import { memo } from 'react'
import { BaseBoxShapeUtil, HTMLContainer } from 'tldraw'
import { CARD_FONT_FACES, roundedRectPath } from '../common/CardShapeUtil'
import { ChoicePicker, Swatch } from '../common/Choices'
import { useCard } from '../common/useCard'

interface LegendGroup {
  title: MessageKey
  items: readonly Pick<Choice, 'label' | 'icon' | 'color' | 'ink'>[]
}

/** The dream and the assignment stand on both maps; the other cards on one. */
function cardsOf(map: MapKind) {
  return CARD_KINDS.filter((c) => c.map === map || c.kind === 'dream' || c.kind === 'assignment')
}

/**
 * What a legend lists, straight from the shared choice lists, so it always matches the cards.
 */
export function legendGroups(map: MapKind): LegendGroup[] {
  return map === 'belangenkaart'
    ? [
        { title: 'legend.cardKinds', items: cardsOf(map) },
        { title: 'legend.participantKinds', items: PARTICIPANT_KINDS },
        { title: 'legend.interestCategories', items: INTEREST_CATEGORIES },
        { title: 'legend.exchangeTypes', items: EXCHANGE_TYPES },
      ]
    : [
        { title: 'legend.cardKinds', items: cardsOf(map) },
        { title: 'legend.partnerRoles', items: PARTNER_ROLES },
        { title: 'legend.actionStatuses', items: ACTION_STATUSES },
        { title: 'legend.valueKinds', items: VALUE_KINDS },
      ]
}

/** Legenda: every pictogram and colour of one map with its label. */
export class LegendShapeUtil extends BaseBoxShapeUtil<WtLegendShape> {
  static override type = LEGEND_SHAPE
  static override props = legendShapeProps
  static override migrations = legendShapeMigrations

  override getDefaultProps(): WtLegendShape['props'] {
    return { ...legendDefaultProps }
  }

  override canEdit() {
    return true
  }

  override getFontFaces() {
    return CARD_FONT_FACES
  }

  override getIndicatorPath(shape: WtLegendShape) {
    return roundedRectPath(shape.props.w, shape.props.h)
  }

  override component(shape: WtLegendShape) {
    return <Legend shape={shape} />
  }
}

const Legend = memo(function Legend({ shape }: { shape: WtLegendShape }) {
  const { t } = useCard(shape)
  const map = findChoice(MAP_KINDS, shape.props.map) ?? MAP_KINDS[0]
  return (
    <HTMLContainer className="wtc-legend">
      <div className="wtc-legend__title">
        <Swatch choice={map} size={32} />
        {t('legend.title')}: {t(map.label)}
      </div>
      {legendGroups(map.id).map((group) => (
        <div key={group.title} className="wtc-legend__group">
          <div className="wtc-legend__group-title">{t(group.title)}</div>
          <div className="wtc-legend__items">
            {group.items.map((item) => (
              <div key={item.label} className="wtc-legend__item">
                <Swatch choice={item} size={30} />
                <span>{t(item.label)}</span>
              </div>
            ))}
          </div>
        </div>
      ))}
    </HTMLContainer>
  )
})

export function LegendPanel({ shape }: { shape: WtLegendShape }) {
  const { t, update } = useCard(shape)
  return (
    <ChoicePicker
      title={t('legend.title')}
      choices={MAP_KINDS}
      value={shape.props.map}
      onPick={(map) => update({ map })}
      t={t}
    />
  )
}
