/**
 * Sets the resolution a PNG declares (its pHYs chunk) to `dpi`, so a word processor or a
 * printer places the A4 infographic (2480×3508 pixels) at exactly A4 at 300 dpi [1]. An
 * existing pHYs chunk is rewritten in place; without one, one is inserted before the first
 * IDAT chunk. Anything that is not a PNG is returned as it is.
 */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  if (!isPng(png)) return png
  const perMetre = Math.round(dpi / 0.0254)
  const data = new Uint8Array(9)
  const view = new DataView(data.buffer)
  view.setUint32(0, perMetre)
  view.setUint32(4, perMetre)
  data[8] = 1 // the unit is the metre
  const chunk = makeChunk('pHYs', data)
  const found = findChunk(png, 'pHYs') ?? { start: findChunk(png, 'IDAT')?.start ?? 33, length: 0 }
  const out = new Uint8Array(png.length - found.length + chunk.length)
  out.set(png.subarray(0, found.start), 0)
  out.set(chunk, found.start)
  out.set(png.subarray(found.start + found.length), found.start + chunk.length)
  return out
}

/** The dpi a PNG declares, or null when it declares none (for tests). */
export function dpiOf(png: Uint8Array): number | null {
  const found = findChunk(png, 'pHYs')
  if (!found) return null
  const view = new DataView(png.buffer, png.byteOffset + found.start + 8, 9)
  if (view.getUint8(8) !== 1) return null
  return Math.round(view.getUint32(0) * 0.0254)
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function isPng(png: Uint8Array): boolean {
  return png.length > 8 && SIGNATURE.every((b, i) => png[i] === b)
}

/** Where a chunk of this type starts and its whole length (length, type, data and CRC). */
function findChunk(png: Uint8Array, type: string): { start: number; length: number } | null {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  let at = 8
  while (at + 12 <= png.length) {
    const length = view.getUint32(at)
    const name = String.fromCharCode(...png.subarray(at + 4, at + 8))
    if (name === type) return { start: at, length: length + 12 }
    at += length + 12
  }
  return null
}

function makeChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = new Uint8Array(data.length + 12)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) chunk[4 + i] = type.charCodeAt(i)
  chunk.set(data, 8)
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
  return chunk
}

let table: Uint32Array | null = null

function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

// [1] The browser's canvas writes no resolution; tldraw's export writes 72 dpi × the pixel
//     ratio (144 for our 2×), which a word processor would place at 42 cm wide. The 16:9
//     picture is for screens and keeps what it has.
