import { MAP_KINDS, translate, type MapKind, type MessageKey } from '@wijktafel/shared'
import { ArrowBigRight, Plus } from 'lucide-react'
import { memo, useState, type ReactNode } from 'react'
import { DefaultToolbar, useEditor, useReadonly, useValue, type TLPageId } from 'tldraw'
import { useSession } from '../../state/session'
import { lookStyle } from '../common/CardFrame'
import { Swatch } from '../common/Choices'
import { Pictogram } from '../common/Pictogram'
import { EXCHANGE_LOOK, EXCHANGE_TOOL } from '../exchange/ExchangeTool'
import { MakeRoadButton } from '../road/MakeRoadButton'
import { makePartnershipMap } from './makePartnershipMap'
import { getPageMaps } from './pageMap'
import { PLACEMENTS, toolIdOf, type PlacementSpec } from './placementTools'

/**
 * The palette of cards, above tldraw's own toolbar: first the map (belangenkaart or
 * partnerschapskaart), then one button per card of that map, each its pictogram on its colour
 * with a short label. The map shown is the one the current page holds, until someone picks
 * the other. On a page with participant cards it ends with "Make the partnership map".
 * Viewers (read-only) do not get it.
 */
export const CardPalette = memo(function CardPalette() {
  const editor = useEditor()
  const readonly = useReadonly()
  const locale = useSession((s) => s.locale)
  const pageId = useValue('current page', () => editor.getCurrentPageId(), [editor])
  const page = useValue('wt page maps', () => getPageMaps(editor), [editor])
  const [picked, setPicked] = useState<{ pageId: TLPageId; map: MapKind } | null>(null)
  const toolId = useValue('current tool', () => editor.getCurrentToolId(), [editor])
  if (readonly) return null
  const map = picked?.pageId === pageId ? picked.map : page.map
  const t = (key: MessageKey) => translate(locale, key)
  const specs = PLACEMENTS[map]
  const firstArea = specs.findIndex((s) => s.area)
  const toolButton = (spec: PlacementSpec) => (
    <ToolButton
      key={spec.id}
      id={toolIdOf(spec)}
      label={t(spec.label)}
      pressed={toolId === toolIdOf(spec)}
      onSelect={(id) => editor.setCurrentTool(id)}
    >
      <Swatch choice={spec} size={24} area={spec.area} />
    </ToolButton>
  )
  return (
    <div className="wtc-palette" role="toolbar" aria-label={t(MAP_KINDS[0].label)}>
      <div className="wtc-palette__maps" role="group">
        {MAP_KINDS.map((m) => (
          <button
            key={m.id}
            type="button"
            className="wtc-palette__map"
            aria-pressed={m.id === map}
            title={t(m.label)}
            onClick={() => setPicked({ pageId, map: m.id })}
          >
            <Pictogram name={m.icon} size={18} />
            <span className="wtc-palette__map-label">{t(m.label)}</span>
          </button>
        ))}
      </div>
      {specs.slice(0, firstArea).map(toolButton)}
      {map === 'belangenkaart' ? (
        <ToolButton
          id={EXCHANGE_TOOL}
          label={t('card.exchange')}
          pressed={toolId === EXCHANGE_TOOL}
          onSelect={(id) => editor.setCurrentTool(id)}
        >
          <span className="wtc-swatch" style={lookStyle(EXCHANGE_LOOK)}>
            <ArrowBigRight size={24} strokeWidth={2.25} aria-hidden="true" />
          </span>
        </ToolButton>
      ) : null}
      {specs.slice(firstArea).map(toolButton)}
      {page.hasParticipants ? (
        <button
          type="button"
          className="wtc-palette__tool wtc-palette__make"
          title={t('map.makePartnership.hint')}
          onClick={() => makePartnershipMap(editor, locale)}
        >
          <span className="wtc-swatch" style={lookStyle(MAP_KINDS[1])}>
            <Pictogram name={MAP_KINDS[1].icon} size={24} />
            <Plus className="wtc-palette__plus" size={16} strokeWidth={3} aria-hidden="true" />
          </span>
          <span className="wtc-palette__make-label">{t('map.makePartnership')}</span>
        </button>
      ) : null}
      <MakeRoadButton />
    </div>
  )
})

function ToolButton({
  id,
  label,
  pressed,
  onSelect,
  children,
}: {
  id: string
  label: string
  pressed: boolean
  onSelect: (id: string) => void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className="wtc-palette__tool"
      title={label}
      aria-label={label}
      aria-pressed={pressed}
      data-tool={id}
      onClick={() => onSelect(id)}
    >
      {children}
      <span className="wtc-palette__tool-label" aria-hidden="true">
        {label}
      </span>
    </button>
  )
}

/** tldraw's toolbar with our card palette on top of it. */
export function WijktafelToolbar() {
  return (
    <div className="wtc-toolbar-stack">
      <CardPalette />
      <DefaultToolbar />
    </div>
  )
}
