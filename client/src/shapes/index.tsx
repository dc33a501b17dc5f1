import { translate, LOCALES } from '@wijktafel/shared'
import { ArrowBigRight } from 'lucide-react'
import type {
  TLAnyShapeUtilConstructor,
  TLEditorComponents,
  TLStateNodeConstructor,
  TLUiComponents,
  TLUiOverrides,
} from 'tldraw'
import { CardEditPanel } from './CardEditPanel'
import { CARD_SHAPE_UTILS } from './cardShapeUtils'
import './cards.css'
import { lookStyle } from './common/CardFrame'
import { Swatch } from './common/Choices'
import { ExchangeArrowShapeUtil } from './exchange/ExchangeArrowShapeUtil'
import { EXCHANGE_LOOK, EXCHANGE_TOOL, ExchangeTool } from './exchange/ExchangeTool'
import { LegendShapeUtil } from './legend/LegendShapeUtil'
import { RoadActionShapeUtil } from './road/RoadActionShapeUtil'
import { RoadShapeUtil } from './road/RoadShapeUtil'
import { WijktafelToolbar } from './tools/CardPalette'
import { ALL_PLACEMENTS, PLACEMENT_TOOLS } from './tools/placementTools'
import { ZoneShapeUtil } from './zone/ZoneShapeUtil'

/**
 * Everything the board passes to tldraw for the Wijktafel cards. Module-level constants: the
 * sync hook reads `shapeUtils` once, and tldraw compares these by identity.
 */
export const WIJKTAFEL_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  ...CARD_SHAPE_UTILS,
  ZoneShapeUtil,
  LegendShapeUtil,
  RoadShapeUtil,
  RoadActionShapeUtil,
]

/**
 * What <Tldraw shapeUtils> gets: the cards, and our arrow util in place of tldraw's, which
 * draws exchanges (Uitwisseling). Not for the store's schema: the arrow's record is tldraw's
 * own, and createTLStore refuses a second util for 'arrow'.
 */
export const WIJKTAFEL_EDITOR_SHAPE_UTILS: readonly TLAnyShapeUtilConstructor[] = [
  ...WIJKTAFEL_SHAPE_UTILS,
  ExchangeArrowShapeUtil,
]

/** One tool per palette button (cards, zones, legends: click to place), and the exchange arrow. */
export const WIJKTAFEL_TOOLS: readonly TLStateNodeConstructor[] = [...PLACEMENT_TOOLS, ExchangeTool]

/** The toolbar with the card palette, and the floating panel of the card being edited. */
export const WIJKTAFEL_COMPONENTS: TLUiComponents & TLEditorComponents = {
  Toolbar: WijktafelToolbar,
  InFrontOfTheCanvas: CardEditPanel,
}

/**
 * Registers the placement tools in tldraw's UI (so they have a label in menus and the
 * keyboard shortcuts dialog), with labels from our catalogue in every language.
 */
export const WIJKTAFEL_OVERRIDES: TLUiOverrides = {
  tools(editor, tools) {
    for (const spec of ALL_PLACEMENTS) {
      tools[spec.id] = {
        id: spec.id,
        label: spec.id,
        icon: <Swatch choice={spec} size={18} />,
        onSelect: () => editor.setCurrentTool(spec.id),
      }
    }
    tools[EXCHANGE_TOOL] = {
      id: EXCHANGE_TOOL,
      label: EXCHANGE_TOOL,
      icon: (
        <span className="wtc-swatch" style={lookStyle(EXCHANGE_LOOK)}>
          <ArrowBigRight size={18} aria-hidden="true" />
        </span>
      ),
      onSelect: () => editor.setCurrentTool(EXCHANGE_TOOL),
    }
    return tools
  },
  translations: Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      Object.fromEntries([
        ...ALL_PLACEMENTS.map((spec) => [spec.id, translate(locale, spec.label)]),
        [EXCHANGE_TOOL, translate(locale, 'card.exchange')],
      ]),
    ]),
  ),
}
