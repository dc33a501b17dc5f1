import { PARTICIPANT_KINDS, PARTICIPANT_SHAPE } from '@wijktafel/shared'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { react, type Editor } from 'tldraw'
import { zoomToContent } from '../../shapes/tools/zoomToContent'
import { useBoard } from '../BoardContext'

const RESIDENT_ICON = PARTICIPANT_KINDS.find((k) => k.id === 'bewoner')!.icon

/**
 * While presenting: nothing can be edited, selected or dragged and the camera moves only by
 * stepping (locked camera, read-only editor, no pointer on the canvas); tldraw's menus and our
 * palette are hidden (present.css, through the container's class). On leaving, the editor is
 * as before and the whole map is in view again.
 */
export function useStillCanvas(editor: Editor, namesHidden: boolean, residentLabel: string) {
  const { sync } = useBoard()
  const readOnly = useRef(sync.readOnly)
  readOnly.current = sync.readOnly

  useLayoutEffect(() => {
    const container = editor.getContainer()
    const camera = editor.getCameraOptions()
    container.classList.add('wt-present-on')
    editor.setEditingShape(null)
    editor.selectNone()
    editor.setCurrentTool('select')
    editor.setCameraOptions({ ...camera, isLocked: true })
    // tldraw sets read-only from the connection's mode when it changes: set it again [1].
    const stop = react('present read-only', () => {
      if (!editor.getInstanceState().isReadonly) editor.updateInstanceState({ isReadonly: true })
    })
    return () => {
      stop()
      container.classList.remove('wt-present-on', 'wt-names-hidden')
      editor.setCameraOptions({ ...editor.getCameraOptions(), isLocked: camera.isLocked })
      editor.updateInstanceState({ isReadonly: readOnly.current })
      zoomToContent(editor, { animation: { duration: 0 } })
    }
  }, [editor])

  useEffect(() => {
    const container = editor.getContainer()
    container.classList.toggle('wt-names-hidden', namesHidden)
    // CSS `content:` takes a string: the translated kind label, quoted.
    container.style.setProperty('--wt-resident-label', JSON.stringify(residentLabel))
  }, [editor, namesHidden, residentLabel])
}

/**
 * The rules that hide residents' names: on a resident's participant card (its header shows
 * the resident pictogram) and on every participant chip of a resident, the name gives way to
 * the kind's label; collaborators' name tags go. Built from the model's pictogram, so a new
 * pictogram for residents cannot leave names showing [2].
 */
export const NAMES_HIDDEN_CSS = `
.wt-names-hidden .tl-shape[data-shape-type='${PARTICIPANT_SHAPE}']:has(.wtc-card__head > svg.lucide-${RESIDENT_ICON}) .wtc-text--lg {
  display: none;
}
.wt-names-hidden .tl-shape[data-shape-type='${PARTICIPANT_SHAPE}']:has(.wtc-card__head > svg.lucide-${RESIDENT_ICON}) .wtc-card__body::before {
  content: var(--wt-resident-label);
  font-size: 26px;
  font-weight: 600;
  line-height: 1.25;
}
.wt-names-hidden .wtc-chip:has(> svg.lucide-${RESIDENT_ICON}) .wtc-chip__text {
  display: none;
}
.wt-names-hidden .wtc-chip:has(> svg.lucide-${RESIDENT_ICON})::after {
  content: var(--wt-resident-label);
}
.wt-names-hidden .tl-nametag,
.wt-names-hidden .tl-nametag-title {
  display: none;
}
`

// [1] BoardConnection's collaboration mode is applied by tldraw with
//     updateInstanceState({ isReadonly }) on every change of the mode (a reconnect); the
//     reaction puts read-only back at once. On leaving, the connection's own state returns.
// [2] The card component (shapes/common) has no data attribute for the participant kind; the
//     kind's pictogram is the one mark it shows, in the card's header band and in each chip.
