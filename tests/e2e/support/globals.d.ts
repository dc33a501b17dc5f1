import type { Editor } from 'tldraw'

declare global {
  interface Window {
    /** The board page exposes its tldraw editor (client/src/board/BoardCanvas.tsx). */
    editor?: Editor
  }
}
