import { Plus } from 'lucide-react'
import { useEditor, useValue } from 'tldraw'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { lookStyle } from '../common/CardFrame'
import { Pictogram } from '../common/Pictogram'
import { canMakeRoad, makeRoad } from './makeRoad'

const ROAD_LOOK = { color: '#2E7D32', ink: '#FFFFFF' }

/**
 * "Maak de weg" in the card palette, beside "Maak partnerschapskaart": shown while the board
 * has a dream or an action card to make a road from.
 */
export function MakeRoadButton() {
  const editor = useEditor()
  const t = useT()
  const locale = useSession((s) => s.locale)
  const possible = useValue('wt can make road', () => canMakeRoad(editor), [editor])
  if (!possible) return null
  return (
    <button
      type="button"
      className="wtc-palette__tool wtc-palette__make"
      title={t('road.make.hint')}
      data-testid="make-road"
      onClick={() => makeRoad(editor, locale)}
    >
      <span className="wtc-swatch" style={lookStyle(ROAD_LOOK)}>
        <Pictogram name="milestone" size={24} />
        <Plus className="wtc-palette__plus" size={16} strokeWidth={3} aria-hidden="true" />
      </span>
      <span className="wtc-palette__make-label">{t('road.make')}</span>
    </button>
  )
}
