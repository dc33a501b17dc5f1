import { Milestone, Plus } from 'lucide-react'
import { useEditor, useValue } from 'tldraw'
import { useT } from '../../app/useT'
import { useSession } from '../../state/session'
import { lookStyle } from '../common/CardFrame'
import { Pictogram } from '../common/Pictogram'
import { canMakeRoad, findRoad, makeRoad, openRoad } from './makeRoad'

const ROAD_LOOK = { color: '#2E7D32', ink: '#FFFFFF' }

/**
 * "Maak de weg" in the card palette, beside "Maak partnerschapskaart": shown while the board
 * has a dream or an action card to make a road from. Once the board has a road it becomes
 * "Naar de weg" and shows that road: a board has one road, made once [1].
 */
export function MakeRoadButton() {
  const editor = useEditor()
  const t = useT()
  const locale = useSession((s) => s.locale)
  const possible = useValue('wt can make road', () => canMakeRoad(editor), [editor])
  const hasRoad = useValue('wt has road', () => findRoad(editor) !== undefined, [editor])
  if (hasRoad) {
    return (
      <button
        type="button"
        className="wtc-palette__tool wtc-palette__make"
        title={t('road.open.hint')}
        data-testid="open-road"
        onClick={() => openRoad(editor)}
      >
        <span className="wtc-swatch" style={lookStyle(ROAD_LOOK)}>
          <Milestone size={24} aria-hidden="true" />
        </span>
        <span className="wtc-palette__make-label">{t('road.open')}</span>
      </button>
    )
  }
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

// [1] A second "Maak de weg" made a second page "De weg 2" beside the first, and the road view
//     (?view=road) shows only the first: the actions moved on the second were never seen there.
