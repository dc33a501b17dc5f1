import { useEffect } from 'react'
import { useEditor } from 'tldraw'
import { useT } from '../../app/useT'
import { useBoard } from '../BoardContext'
import { readViewState, setViewState, useViewState, viewHref } from '../view'
import './a11y.css'

/**
 * What the canvas needs outside axe's reach: a name for the drawing surface ("Kaart: <board
 * title>", a landmark region screen readers list) and, as the first stop of the Tab key on the
 * board, a link to the same board as a list (`?view=outline`), which is the keyboard and
 * screen-reader route to everything on the canvas [1]. Mounted inside <Tldraw>, so it can
 * reach the editor's container.
 */
export function BoardA11y() {
  const editor = useEditor()
  const t = useT()
  const { info } = useBoard()
  const { view } = useViewState()
  const canvasName = t('a11y.canvas').replace('{title}', info.title)
  const appName = t('app.name')

  useEffect(() => {
    const container = editor.getContainer()
    // tldraw names its container "tldraw" (its role is application); ours is Wijktafel.
    container.setAttribute('aria-label', appName)
    const canvas = container.querySelector<HTMLElement>('.tl-canvas')
    if (!canvas) return
    canvas.setAttribute('role', 'region')
    canvas.setAttribute('aria-label', canvasName)
  }, [editor, canvasName, appName])

  if (view !== 'canvas') return null
  const href = viewHref(window.location, { ...readViewState(window.location), view: 'outline' })
  return (
    <a
      href={href}
      className="wt-skiplink"
      data-testid="skip-to-outline"
      onClick={(event) => {
        event.preventDefault()
        setViewState({ view: 'outline' })
      }}
    >
      {t('a11y.skipToOutline')}
    </a>
  )
}

// [1] tldraw renders the children of <Tldraw> after its canvas and before its own menus and
//     toolbar, and nothing on the canvas is in the Tab order; so this link is the first
//     thing Tab reaches on the board page (tests/e2e/accessibility.test.ts checks it).
