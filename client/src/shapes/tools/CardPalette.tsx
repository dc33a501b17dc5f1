import { MAP_KINDS, translate, type MapKind } from '@wijktafel/shared'
import { memo, useState } from 'react'
import { DefaultToolbar, useEditor, useReadonly, useValue } from 'tldraw'
import { useSession } from '../../state/session'
import { Swatch } from '../common/Choices'
import { Pictogram } from '../common/Pictogram'
import { PLACEMENTS, toolIdOf } from './placementTools'

/**
 * The palette of cards, above tldraw's own toolbar: first the map (belangenkaart or
 * partnerschapskaart), then one button per card of that map, each its pictogram on its colour
 * with a short label. Viewers (read-only) do not get it.
 */
export const CardPalette = memo(function CardPalette() {
  const editor = useEditor()
  const readonly = useReadonly()
  const locale = useSession((s) => s.locale)
  const [map, setMap] = useState<MapKind>('belangenkaart')
  const toolId = useValue('current tool', () => editor.getCurrentToolId(), [editor])
  if (readonly) return null
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
  return (
    <div className="wtc-palette" role="toolbar" aria-label={t(MAP_KINDS[0].label)}>
      <div className="wtc-palette__maps" role="group">
        {MAP_KINDS.map((m) => (
          <button
            key={m.id}
            type="button"
            className="wtc-palette__map"
            aria-pressed={m.id === map}
            onClick={() => setMap(m.id)}
          >
            <Pictogram name={m.icon} size={18} />
            {t(m.label)}
          </button>
        ))}
      </div>
      {PLACEMENTS[map].map((spec) => {
        const label = t(spec.label)
        const id = toolIdOf(spec)
        return (
          <button
            key={spec.id}
            type="button"
            className="wtc-palette__tool"
            title={label}
            aria-label={label}
            aria-pressed={toolId === id}
            data-tool={id}
            onClick={() => editor.setCurrentTool(id)}
          >
            <Swatch choice={spec} size={24} area={spec.area} />
            <span className="wtc-palette__tool-label" aria-hidden="true">
              {label}
            </span>
          </button>
        )
      })}
    </div>
  )
})

/** tldraw's toolbar with our card palette on top of it. */
export function WijktafelToolbar() {
  return (
    <div className="wtc-toolbar-stack">
      <CardPalette />
      <DefaultToolbar />
    </div>
  )
}
