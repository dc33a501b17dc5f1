import type { Page } from 'playwright-core'

declare global {
  interface Window {
    /** Files made in the page by the photo tests, by name. */
    wtFiles?: Record<string, File>
    /** Every state the connection badge showed since watchConnection(). */
    wtConnectionStates?: string[]
  }
}

/**
 * Makes a phone photo in the page as `window.wtFiles[name]`: 4000 × 3000 pixels of noise
 * (which hardly compresses: about 10 MB as a JPEG) with an EXIF block that says "turned a
 * quarter" (orientation 6) and holds a GPS position. Returns its size in bytes.
 */
export function buildPhoto(page: Page, name: string): Promise<number> {
  return page.evaluate(async (name) => {
    const canvas = document.createElement('canvas')
    canvas.width = 4000
    canvas.height = 3000
    const context = canvas.getContext('2d')!
    const pixels = context.createImageData(canvas.width, canvas.height)
    let x = 2041
    for (let i = 0; i < pixels.data.length; i += 4) {
      x ^= x << 13
      x ^= x >>> 17
      x ^= x << 5
      pixels.data[i] = x & 255
      pixels.data[i + 1] = (x >>> 8) & 255
      pixels.data[i + 2] = (x >>> 16) & 255
      pixels.data[i + 3] = 255
    }
    context.putImageData(pixels, 0, 0)
    const jpeg = new Uint8Array(
      await (await new Promise<Blob | null>((r) =>
        canvas.toBlob(r, 'image/jpeg', 0.92),
      ))!.arrayBuffer(),
    )

    // EXIF (big-endian TIFF): IFD0 with Orientation = 6 and a pointer to the GPS IFD, which
    // holds a latitude (51° 59' 24" N, Arnhem) and an area name to look for later.
    const area = 'ASCII\0\0\0GPS-Arnhem'
    const tiff = new DataView(new ArrayBuffer(104 + area.length))
    const entry = (at: number, tag: number, type: number, count: number, value: number) => {
      tiff.setUint16(at, tag)
      tiff.setUint16(at + 2, type)
      tiff.setUint32(at + 4, count)
      if (type === 3) tiff.setUint16(at + 8, value)
      else tiff.setUint32(at + 8, value)
    }
    tiff.setUint16(0, 0x4d4d) // "MM"
    tiff.setUint16(2, 42)
    tiff.setUint32(4, 8)
    tiff.setUint16(8, 2)
    entry(10, 0x0112, 3, 1, 6) // Orientation: rotate 90° clockwise to show
    entry(22, 0x8825, 4, 1, 38) // GPS IFD at 38
    tiff.setUint16(38, 3)
    entry(40, 0x0001, 2, 2, 0x4e000000) // GPSLatitudeRef "N"
    entry(52, 0x0002, 5, 3, 80) // GPSLatitude at 80
    entry(64, 0x001c, 7, area.length, 104) // GPSAreaInformation at 104
    ;[51, 1, 59, 1, 24, 1].forEach((n, i) => tiff.setUint32(80 + 4 * i, n))
    ;[...area].forEach((c, i) => tiff.setUint8(104 + i, c.charCodeAt(0)))
    const app1 = new Uint8Array(10 + tiff.byteLength)
    const head = new DataView(app1.buffer)
    head.setUint16(0, 0xffe1)
    head.setUint16(2, app1.length - 2)
    ;[...'Exif\0\0'].forEach((c, i) => app1.set([c.charCodeAt(0)], 4 + i))
    app1.set(new Uint8Array(tiff.buffer), 10)

    // After SOI and the encoder's JFIF segment, as a camera's file would have it.
    const jfifEnd = 4 + ((jpeg[4]! << 8) | jpeg[5]!)
    const file = new File([jpeg.subarray(0, jfifEnd), app1, jpeg.subarray(jfifEnd)], name, {
      type: 'image/jpeg',
    })
    ;(window.wtFiles ??= {})[name] = file
    return file.size
  }, name)
}

/** Pastes `window.wtFiles[name]` in the middle of the view, as tldraw's paste does. */
export async function pasteFile(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => {
    const editor = window.editor!
    void editor.putExternalContent({
      type: 'files',
      files: [window.wtFiles![name]!],
      point: editor.getViewportPageBounds().center,
    })
  }, name)
}

/** Records every state the connection badge shows from now on in `window.wtConnectionStates`. */
export async function watchConnection(page: Page): Promise<void> {
  await page.evaluate(() => {
    const states: string[] = []
    const record = () => {
      const state =
        document.querySelector('[data-connection]')?.getAttribute('data-connection') ?? 'missing'
      if (states.at(-1) !== state) states.push(state)
    }
    record()
    window.wtConnectionStates = states
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-connection'],
    })
  })
}

/** Waits until the page has an image shape (from anyone); returns its id. */
export async function waitForImageShape(page: Page, timeout: number): Promise<string> {
  const handle = await page.waitForFunction(
    (): string | false =>
      window.editor?.getCurrentPageShapes().find((s) => s.type === 'image')?.id ?? false,
    undefined,
    { timeout },
  )
  return (await handle.jsonValue()) as string
}

/** Waits until the picture of an image shape is loaded and drawn in the page. */
export async function waitForLoadedImage(
  page: Page,
  shapeId: string,
  /** Wait until the page shows a different picture than this one (its `img.currentSrc`). */
  replacing?: string,
): Promise<void> {
  await page.waitForFunction(
    ({ id, replacing }) => {
      const img = document.querySelector<HTMLImageElement>(`[data-shape-id="${id}"] img`)
      if (!img || !img.complete || img.naturalWidth === 0) return false
      return replacing === undefined || img.currentSrc !== replacing
    },
    { id: shapeId, replacing },
    { timeout: 20_000 },
  )
}

/** The address of the picture the page shows for an image shape. */
export function shownImageSrc(page: Page, shapeId: string): Promise<string> {
  return page.evaluate(
    (id) => document.querySelector<HTMLImageElement>(`[data-shape-id="${id}"] img`)!.currentSrc,
    shapeId,
  )
}

/** The asset URL of an image shape and the size of the picture the page loaded for it. */
export function imageState(page: Page, shapeId: string) {
  return page.evaluate((id) => {
    const editor = window.editor!
    const shape = editor.getShape(id as never) as unknown as { props: { assetId: string } }
    const asset = editor.getAsset(shape.props.assetId as never) as unknown as {
      props: { src: string }
    }
    const img = document.querySelector<HTMLImageElement>(`[data-shape-id="${id}"] img`)!
    return {
      src: asset.props.src,
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
    }
  }, shapeId)
}
