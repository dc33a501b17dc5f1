import { MAX_PHOTO_SIDE, sniffAssetType, type AssetType } from '@wijktafel/shared'
import { AssetRefusedError } from './AssetRefusedError'

export interface PrepareImageOptions {
  /** The largest file the server takes (MAX_ASSET_BYTES). */
  maxBytes: number
  /** Longest side of a photo after shrinking, in pixels. */
  maxSide?: number
}

/**
 * The largest photo this browser tries to shrink. Decoding takes about 4 bytes per pixel,
 * and a file this size can hold 100 megapixels or more; a phone could run out of memory.
 */
export const MAX_SOURCE_BYTES = 64 * 1024 * 1024

/**
 * Turns a file someone pasted or dropped into what goes to the server: a photo shrunk to
 * at most `maxSide` pixels on its longest side, upright, and re-encoded without any of its
 * metadata [1]; a GIF as it is, animation and all, if it is small enough. Anything that
 * is not a JPEG, PNG, WebP or GIF by its first bytes is refused, whatever its name.
 */
export async function prepareImage(file: File, options: PrepareImageOptions): Promise<File> {
  const { maxBytes, maxSide = MAX_PHOTO_SIDE } = options
  const type = sniffAssetType(new Uint8Array(await file.slice(0, 16).arrayBuffer()))
  if (!type) throw new AssetRefusedError('type')
  if (type === 'image/gif') {
    if (file.size > maxBytes) throw new AssetRefusedError('size')
    return new File([file], renamed(file.name, type), { type })
  }
  if (file.size > MAX_SOURCE_BYTES) throw new AssetRefusedError('size')

  let bitmap: ImageBitmap
  try {
    // 'from-image' applies the EXIF orientation, so a phone photo stands the right way up.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch (cause) {
    throw new AssetRefusedError('type', { cause })
  }
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(bitmap.width * scale))
    canvas.height = Math.max(1, Math.round(bitmap.height * scale))
    const context = canvas.getContext('2d')
    if (!context) throw new AssetRefusedError('upload')
    context.imageSmoothingQuality = 'high'
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    for (const [encoding, quality] of encodingsFor(type)) {
      const blob = await new Promise<Blob | null>((resolve) =>
        canvas.toBlob(resolve, encoding, quality),
      )
      // A browser that cannot write a type silently writes PNG instead [2].
      if (blob && blob.type === encoding && blob.size <= maxBytes) {
        return new File([blob], renamed(file.name, encoding), { type: encoding })
      }
    }
  } finally {
    bitmap.close()
  }
  throw new AssetRefusedError('size')
}

/** Encodings to try, best first: a photo stays a JPEG; PNG and WebP may be transparent. */
function encodingsFor(type: AssetType): [AssetType, number][] {
  if (type === 'image/jpeg') {
    return [
      ['image/jpeg', 0.85],
      ['image/jpeg', 0.6],
    ]
  }
  return [
    ['image/webp', 0.9],
    ['image/png', 1],
    ['image/jpeg', 0.85],
  ]
}

const EXTENSIONS: Record<AssetType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
}

/** The file's own name with the extension of what it has become. */
function renamed(name: string, type: AssetType): string {
  const base = name.replace(/\.[^.]*$/, '').trim() || 'afbeelding'
  return `${base}.${EXTENSIONS[type]}`
}

// [1] A canvas holds pixels only: EXIF (the phone's GPS position, its make and serial
//     number, the time taken), XMP and ICC data stay behind, so they never leave this
//     device. GIFs are not re-encoded (a canvas keeps only the first frame); GIF has no
//     EXIF, though it may carry comments and application blocks.
// [2] Safari writes no WebP: toBlob then returns a PNG, which is tried next on its own
//     merits; a PNG that is still too large becomes a JPEG.
