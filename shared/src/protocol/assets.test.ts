import { describe, expect, it } from 'vitest'
import { assetPath, isAssetId, sniffAssetType } from './assets.js'

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  )

describe('asset types', () => {
  it('recognises PNG, JPEG, WebP and GIF by their first bytes', () => {
    expect(sniffAssetType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('image/png')
    expect(sniffAssetType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg')
    expect(sniffAssetType(bytes('RIFF', 1, 2, 3, 4, 'WEBPVP8 '))).toBe('image/webp')
    expect(sniffAssetType(bytes('GIF89a', 1, 0))).toBe('image/gif')
    expect(sniffAssetType(bytes('GIF87a', 1, 0))).toBe('image/gif')
  })

  it('refuses SVG, text with an image name, other RIFF files and truncated headers', () => {
    expect(sniffAssetType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffAssetType(bytes('<?xml version="1.0"?><svg/>'))).toBeNull()
    expect(sniffAssetType(bytes('just some text, saved as photo.png'))).toBeNull()
    expect(sniffAssetType(bytes('RIFF', 1, 2, 3, 4, 'WAVEfmt '))).toBeNull()
    expect(sniffAssetType(bytes('GIF89'))).toBeNull()
    expect(sniffAssetType(bytes(0x89, 'PN'))).toBeNull()
    expect(sniffAssetType(new Uint8Array())).toBeNull()
  })

  it('asset ids have the shape of 16 random bytes in base64url', () => {
    expect(isAssetId('abcdefghijklmnopqrstuv')).toBe(true)
    expect(isAssetId('abc')).toBe(false)
    expect(isAssetId('../../../../etc/passwd')).toBe(false)
    expect(assetPath('B'.repeat(22), 'a'.repeat(22))).toBe(
      `/api/boards/${'B'.repeat(22)}/assets/${'a'.repeat(22)}`,
    )
  })
})
