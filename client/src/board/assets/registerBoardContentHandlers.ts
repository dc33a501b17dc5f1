import {
  AssetRecordType,
  T,
  createShapesForAssets,
  defaultHandleExternalTextContent,
  getAssetInfo,
  getHashForString,
  type Editor,
  type TLAsset,
  type TLAssetStore,
  type TLBookmarkAsset,
  type TLImageShape,
  type VecLike,
} from 'tldraw'
import { AssetRefusedError } from './AssetRefusedError'
import { prepareImage } from './prepareImage'

export interface BoardContentOptions {
  /** Where files go (createBoardAssetStore). */
  assets: TLAssetStore
  /** The largest file the server takes. */
  maxBytes: number
  /** Tells the person why a file did not become a picture. */
  onRefused(error: AssetRefusedError): void
  /** Shows that a picture is on its way; returns the function that hides it again. */
  onBusy(): () => void
}

/**
 * Replaces tldraw's default handling of what is pasted or dropped on the board [1]:
 * - every file becomes a picture only once it is shrunk and stored on our server, so the
 *   others never see a placeholder and a refused file leaves nothing behind;
 * - a URL becomes a text with a link: no bookmark unfurling and no embeds, so no browser
 *   at the table fetches another host [2].
 * Call it after tldraw registered its own handlers (in or after `onMount`).
 */
export function registerBoardContentHandlers(editor: Editor, options: BoardContentOptions): void {
  const { assets, maxBytes, onRefused, onBusy } = options

  // Every path by which tldraw turns a file into an asset comes through here: paste, drop,
  // "insert media", "replace image", flattening, pasting tldraw content with data: URLs.
  editor.registerExternalAssetHandler('file', async ({ file, assetId }) => {
    const done = onBusy()
    try {
      const prepared = await prepareImage(file, { maxBytes })
      const asset = await getAssetInfo(editor, prepared, assetId)
      if (!asset) throw new AssetRefusedError('type')
      const existing = editor.getAsset(asset.id)
      // The same picture again (same bytes, so the same id): no second upload.
      if (existing && 'src' in existing.props && existing.props.src) return existing
      const { src } = await assets.upload(asset, prepared)
      return { ...asset, props: { ...asset.props, src } } as TLAsset
    } catch (error) {
      const refusal = AssetRefusedError.from(error)
      onRefused(refusal)
      throw refusal
    } finally {
      done()
    }
  })

  editor.registerExternalContentHandler('files', ({ files, point }) => {
    if (editor.getIsReadonly()) return
    const at = point ?? editor.getViewportPageBounds().center
    if (files.length > editor.options.maxFilesAtOnce) {
      onRefused(new AssetRefusedError('tooMany'))
      return
    }
    void placeFiles(editor, files, at)
  })

  editor.registerExternalContentHandler('file-replace', ({ file, shapeId }) => {
    if (editor.getIsReadonly() || editor.getShape(shapeId)?.type !== 'image') return
    void editor.getAssetForExternalContent({ type: 'file', file }).then((asset) => {
      const shape = editor.getShape<TLImageShape>(shapeId)
      if (asset?.type !== 'image' || shape?.type !== 'image') return
      // Same width on the board, the new picture's proportions; an old crop does not fit it.
      const h = (shape.props.w * asset.props.h) / Math.max(1, asset.props.w)
      editor.run(() => {
        if (!editor.getAsset(asset.id)) editor.createAssets([asset])
        editor.updateShape<TLImageShape>({
          id: shapeId,
          type: 'image',
          props: { assetId: asset.id, h, crop: null },
        })
      })
    }, ignoreRefusal)
  })

  // No unfurling: a bookmark asset is only its URL (tldraw converts embeds with this).
  editor.registerExternalAssetHandler('url', async ({ url }) => {
    const bookmark: TLBookmarkAsset = {
      id: AssetRecordType.createId(getHashForString(url)),
      typeName: 'asset',
      type: 'bookmark',
      props: { src: url, title: url, description: '', image: '', favicon: '' },
      meta: {},
    }
    return bookmark
  })
  editor.registerExternalContentHandler('url', ({ url, point }) => pasteLink(editor, url, point))
  editor.registerExternalContentHandler('embed', ({ url, point }) => pasteLink(editor, url, point))
  // Pasted SVG markup would become an SVG file: not a type the board takes.
  editor.registerExternalContentHandler('svg-text', () => {
    if (!editor.getIsReadonly()) onRefused(new AssetRefusedError('type'))
  })
}

/** One file after the other (each photo is decoded in full), then all shapes at once. */
async function placeFiles(editor: Editor, files: File[], at: VecLike): Promise<void> {
  const placed: TLAsset[] = []
  for (const file of files) {
    const asset = await editor.getAssetForExternalContent({ type: 'file', file }).catch(() => null)
    if (asset) placed.push(asset)
  }
  if (placed.length > 0) await createShapesForAssets(editor, placed, at)
}

/** A URL as a text shape holding that link, placed where tldraw would put any text. */
function pasteLink(editor: Editor, url: string, point: VecLike | undefined): Promise<void> {
  if (!T.linkUrl.isValid(url)) return defaultHandleExternalTextContent(editor, { point, text: url })
  const escaped = url.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return defaultHandleExternalTextContent(editor, {
    point,
    text: url,
    html: `<a href="${escaped}">${escaped}</a>`,
  })
}

/** A refusal was already shown by the 'file' handler. */
function ignoreRefusal(): void {}

// [1] tldraw's default file handler creates the shape and its asset first and uploads
//     afterwards: every other browser sees an empty picture until the upload lands, and a
//     failed upload deletes the asset but leaves the shape, broken. Its size check also
//     looks at the file before shrinking, so a 10 MB phone photo would be refused.
// [2] A bookmark makes the pasting browser fetch the page for its title and picture, and
//     every browser then loads that picture and favicon from the other host; an embed is
//     an iframe of another site in everyone's page. Both tell that host who sits at the
//     table. A link is only followed when someone clicks it.
