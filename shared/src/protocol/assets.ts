/**
 * Photos and pictures on a board: what the server accepts, how big, and where it serves
 * them. The browser checks the same rules before it uploads, so a refusal is explained in
 * the page instead of arriving as an HTTP error.
 */

/** The only types stored: raster images that browsers draw without running anything [1]. */
export const ASSET_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const
export type AssetType = (typeof ASSET_TYPES)[number]

/** Default of the server's MAX_ASSET_BYTES, and the limit the browser checks before upload. */
export const DEFAULT_MAX_ASSET_BYTES = 10 * 1024 * 1024

/** A photo's longest side after the browser shrinks it, in pixels [2]. */
export const MAX_PHOTO_SIDE = 2048

/** Asset ids are 16 random bytes in base64url, like board ids: 22 characters. */
export const ASSET_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

export function isAssetId(value: unknown): value is string {
  return typeof value === 'string' && ASSET_ID_PATTERN.test(value)
}

/** `POST /api/boards/:id/assets` answers with where the stored file can be fetched. */
export interface AssetUploadResponse {
  src: string
}

/** Where an asset is served; a relative URL, so it works on every host the board is reached. */
export function assetPath(boardId: string, assetId: string): string {
  return `/api/boards/${boardId}/assets/${assetId}`
}

/**
 * The type a file really is, from its first bytes; null for anything but the four types.
 * A name or a declared Content-Type says nothing: a text file named photo.png is not a PNG.
 */
export function sniffAssetType(bytes: Uint8Array): AssetType | null {
  const starts = (offset: number, signature: readonly number[]) =>
    bytes.length >= offset + signature.length &&
    signature.every((byte, i) => bytes[offset + i] === byte)
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts(0, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  // "RIFF", four bytes of length, "WEBP"
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) {
    return 'image/webp'
  }
  // "GIF87a" or "GIF89a"
  if (starts(0, [0x47, 0x49, 0x46, 0x38]) && (starts(4, [0x37, 0x61]) || starts(4, [0x39, 0x61]))) {
    return 'image/gif'
  }
  return null
}

// [1] SVG is a document: it can carry scripts, links and requests to other hosts, and a
//     direct visit to its URL would run them on our origin. tldraw sanitises pasted SVG,
//     but the server cannot trust that a client did, so SVG is refused outright.
// [2] 2048 px is sharper than any projector or laptop screen at a board's usual zoom, and
//     keeps a phone photo (12 to 50 megapixels, 3 to 15 MB) at a few hundred kilobytes.
