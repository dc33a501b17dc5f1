import { crc32, deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { dpiOf, withDpi } from './pngDpi'

/** A 1×1 PNG, as chunks, optionally with a pHYs chunk of 144 dpi as tldraw writes it. */
function png(withPhys: boolean): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8)
    head.writeUInt32BE(data.length, 0)
    head.write(type, 4, 'latin1')
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
    return Buffer.concat([head, data, crc])
  }
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])
  const phys = Buffer.alloc(9)
  phys.writeUInt32BE(5669, 0)
  phys.writeUInt32BE(5669, 4)
  phys[8] = 1
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      ...(withPhys ? [chunk('pHYs', phys)] : []),
      chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  )
}

/** Every chunk's type, with whether its CRC is right. */
function chunks(bytes: Uint8Array): string[] {
  const b = Buffer.from(bytes)
  const out: string[] = []
  for (let at = 8; at < b.length;) {
    const length = b.readUInt32BE(at)
    const type = b.toString('latin1', at + 4, at + 8)
    const ok = b.readUInt32BE(at + 8 + length) === crc32(b.subarray(at + 4, at + 8 + length))
    out.push(ok ? type : `${type}!`)
    at += length + 12
  }
  return out
}

describe('the infographic PNG declares 300 dpi', () => {
  it('rewrites the pHYs chunk tldraw wrote (144 dpi) in place', () => {
    const before = png(true)
    expect(dpiOf(before)).toBe(144)
    const after = withDpi(before, 300)
    expect(dpiOf(after)).toBe(300)
    expect(chunks(after)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND'])
    expect(after.length).toBe(before.length)
  })

  it('adds one before the image data when there is none', () => {
    const after = withDpi(png(false), 300)
    expect(dpiOf(after)).toBe(300)
    expect(chunks(after)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND'])
  })

  it('leaves anything that is not a PNG alone', () => {
    const text = new TextEncoder().encode('not a picture')
    expect(withDpi(text, 300)).toBe(text)
  })
})
