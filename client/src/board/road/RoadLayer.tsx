import { Milestone } from 'lucide-react'
import { useEffect } from 'react'
import { useEditor, useReadonly, useValue, type TLShapeId } from 'tldraw'
import { useT } from '../../app/useT'
import { canMakeRoad, findRoad, makeRoad } from '../../shapes/road/makeRoad'
import { zoomToRoad } from '../../shapes/road/zoomToRoad'
import { useSession } from '../../state/session'
import { setViewState, useViewState } from '../view'
import { ValueFilter } from './ValueFilter'
import './road.css'

/**
 * The road's view and the value filter, inside <Tldraw> (one line in BoardCanvas.tsx): with
 * `?view=road` the road's page, zoomed to the whole road; on the canvas and the road the
 * per-person value filter. Presentation mode has its own screen and shows neither.
 */
export function RoadLayer() {
  const { view } = useViewState()
  if (view === 'present' || view === 'outline' || view === 'impact') return null
  return (
    <>
      <ValueFilter />
      {view === 'road' ? <RoadView /> : null}
    </>
  )
}

/** `?view=road`: shows the road; on a board without one, offers to make it (or says so). */
function RoadView() {
  const editor = useEditor()
  const readonly = useReadonly()
  const t = useT()
  const locale = useSession((s) => s.locale)
  const roadId = useValue('wt road', () => findRoad(editor)?.id ?? null, [
    editor,
  ]) as TLShapeId | null
  const possible = useValue('wt can make road', () => canMakeRoad(editor), [editor])

  // Once per road (and per opening of the view): its page, the whole road in sight.
  useEffect(() => {
    if (roadId) zoomToRoad(editor, roadId)
  }, [editor, roadId])

  if (roadId) return null
  return (
    <div className="wt-roadview" role="dialog" aria-labelledby="wt-roadview-title">
      <div className="wt-roadview__card">
        <Milestone size={48} aria-hidden="true" />
        <p id="wt-roadview-title" className="wt-roadview__text">
          {readonly ? t('road.none.viewer') : t('road.none')}
        </p>
        {!readonly && possible ? (
          <button
            type="button"
            className="wt-roadview__make"
            onClick={() => makeRoad(editor, locale)}
          >
            <Milestone size={28} aria-hidden="true" />
            {t('road.make')}
          </button>
        ) : null}
        <button
          type="button"
          className="wt-roadview__back"
          onClick={() => setViewState({ view: 'canvas' })}
        >
          {t('road.back')}
        </button>
      </div>
    </div>
  )
}
