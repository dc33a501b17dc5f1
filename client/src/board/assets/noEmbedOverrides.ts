import type { TLUiOverrides } from 'tldraw'

/**
 * Takes "insert embed" out of the main menu and "convert to embed" out of the context menu:
 * an embed is another site's page inside everyone's board, loaded from that site [1].
 */
export const noEmbedOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    delete actions['insert-embed']
    delete actions['convert-to-embed']
    return actions
  },
}

// [1] Whatever still asks for an embed (an <iframe> snippet pasted as text, a URL dropped
//     from another page) reaches the 'embed' content handler, which makes it a link
//     (registerBoardContentHandlers.ts).
