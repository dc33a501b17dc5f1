import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { isLocale, type BoardInfo } from '@wijktafel/shared'
import { useMemo } from 'react'
import {
  Tldraw,
  useTldrawCurrentUser,
  type Editor,
  type TLComponents,
  type TLShapeId,
} from 'tldraw'
import 'tldraw/tldraw.css'
import {
  WIJKTAFEL_COMPONENTS,
  WIJKTAFEL_EDITOR_SHAPE_UTILS,
  WIJKTAFEL_OVERRIDES,
  WIJKTAFEL_SHAPE_UTILS,
  WIJKTAFEL_TOOLS,
} from '../shapes'
import { zoomToContent } from '../shapes/tools/zoomToContent'
import { useSession } from '../state/session'
import { BoardA11y } from './a11y/BoardA11y'
import { BoardAssets } from './assets/BoardAssets'
import { noEmbedOverrides } from './assets/noEmbedOverrides'
import { BoardContext, type BoardContextValue } from './BoardContext'
import { BoardTopPanel } from './BoardTopPanel'
import type { ImageExport, ImageFormat } from './record/exportImage'
import { PresentationLayer } from './present/PresentationMode'
import { RoadLayer } from './road/RoadLayer'
import { OutlineLayer } from './outline/OutlineView'
import { ImpactLayer } from './impact/ImpactView'
import { MeasurementLayer } from './impact/MeasurementLayer'
import { MeetingLayer } from './meeting/MeetingLayer'
import { SharePanel } from './SharePanel'
import { SyncStoppedPage } from './SyncStoppedPage'
import { useBoardSync } from './sync/useBoardSync'

declare global {
  interface Window {
    /** The tldraw editor of the open board, for tests and debugging in the console. */
    editor?: Editor
    /** "Bewaren → afbeelding" without the dialog, for the benchmark (tests/bench) [2]. */
    wtExportImage?: (
      ids: TLShapeId[],
      options: { format: ImageFormat; footer: string },
    ) => Promise<ImageExport | null>
  }
}

// Fonts, icons and translations come from our own build: no request leaves for a CDN.
const assetUrls = getAssetUrlsByImport()
// Wijktafel cards (client/src/shapes): their toolbar palette and edit panel join our panels.
const components: TLComponents = { TopPanel: BoardTopPanel, SharePanel, ...WIJKTAFEL_COMPONENTS }
// No embeds: they load other sites into everyone's board (client/src/board/assets).
const overrides = [WIJKTAFEL_OVERRIDES, noEmbedOverrides]

/**
 * A name typed in tldraw's own menu becomes ours. One function for good: tldraw makes a new
 * current user, and so a new editor, whenever this callback changes [1].
 */
function setUserName(prefs: { name?: string | null; locale?: string | null }): void {
  const { user, setName, locale, setLocale } = useSession.getState()
  if (prefs.name && prefs.name !== user.name) setName(prefs.name)
  // A language picked in tldraw's own menu becomes ours too, when we have it (nl, en, tr, ar).
  if (isLocale(prefs.locale) && prefs.locale !== locale) setLocale(prefs.locale)
}

export function BoardCanvas({ info, token }: { info: BoardInfo; token: string }) {
  const user = useSession((s) => s.user)
  const locale = useSession((s) => s.locale)
  const sync = useBoardSync({
    boardId: info.id,
    token,
    role: info.role,
    user,
    shapeUtils: WIJKTAFEL_SHAPE_UTILS, // Wijktafel cards: the store's schema includes them
  })
  // tldraw's own idea of the user must be ours, or it will not recognise its own presence
  // (following, "hide idle people") and would keep a random id of its own.
  const currentUser = useTldrawCurrentUser({
    userPreferences: { id: user.id, name: user.name, color: user.color, locale },
    setUserPreferences: setUserName,
  })
  const { connection, close, outdated, readOnly, notice, room } = sync
  const context = useMemo<BoardContextValue>(
    () => ({ info, token, sync: { connection, close, outdated, readOnly, notice, room } }),
    [info, token, connection, close, outdated, readOnly, notice, room],
  )

  function onMount(editor: Editor) {
    window.editor = editor
    window.wtExportImage = async (ids, options) =>
      (await import('./record/exportImage')).exportImage(editor, ids, options)
    // Read-only (a viewer, a stopped connection, an outdated app) follows the store's
    // collaboration mode (sync/BoardConnection.ts), from the editor's first moment on.
    // A template is larger than a screen: everyone starts with the whole map in view.
    if (editor.getCurrentPageShapeIds().size > 0)
      zoomToContent(editor, { animation: { duration: 0 } })
    return () => {
      if (window.editor === editor) {
        delete window.editor
        delete window.wtExportImage
      }
    }
  }

  // Stopped before the board could be shown: a page that says so, not a spinner for ever.
  if (sync.store.status === 'loading' && connection === 'stopped') {
    return <SyncStoppedPage close={close} />
  }

  return (
    <BoardContext.Provider value={context}>
      <div className="wt-board">
        <Tldraw
          store={sync.store}
          assetUrls={assetUrls}
          licenseKey={import.meta.env.VITE_TLDRAW_LICENSE_KEY}
          locale={locale}
          user={currentUser}
          shapeUtils={WIJKTAFEL_EDITOR_SHAPE_UTILS}
          tools={WIJKTAFEL_TOOLS}
          overrides={overrides}
          components={components}
          onMount={onMount}
        >
          {/* First in the Tab order: the skip link to the outline; the canvas's name (./a11y). */}
          <BoardA11y />
          {/* Photos through our server, links without unfurling (client/src/board/assets). */}
          <BoardAssets boardId={info.id} token={token} />
          {/* The meeting: shared state, following, structure locks (client/src/board/meeting). */}
          <MeetingLayer />
          {/* Measurements and evaluation rounds: the impact store and its forms (client/src/board/impact). */}
          <MeasurementLayer />
          {/* `?view=present`: one section at a time, for a projector (client/src/board/present). */}
          <PresentationLayer />
          {/* `?view=road` and the value filter of the maps and the road (client/src/board/road). */}
          <RoadLayer />
          {/* `?view=outline`: the board as a live, structured list (client/src/board/outline). */}
          <OutlineLayer />
          {/* `?view=impact`: indicators, measurements and rounds on one page (client/src/board/impact). */}
          <ImpactLayer />
        </Tldraw>
      </div>
    </BoardContext.Provider>
  )
}

// [1] `useTldrawCurrentUser` memoises on `setUserPreferences`, and `<Tldraw>` recreates its
//     editor when the user changes: an inline callback threw the editor away (with the
//     gesture in progress and the undo history) on every render of this component, such as
//     each change of the connection state.
// [2] Loaded on first use, so the export code stays out of the board's first download; the
//     benchmark times exactly what the dialog calls, on our cards and on plain shapes.
