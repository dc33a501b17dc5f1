import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { MessageType, SyncMessageType } from '@wijktafel/shared'

/** Builds y-websocket frames by hand, for tests that send what honest clients do not. */
export function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, subtype)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return syncFrame(SyncMessageType.UPDATE, update)
}

export function awarenessFrame(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.AWARENESS)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** A valid Yjs update that sets `records[key] = value`. */
export function validUpdate(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('records').set(key, value)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** The reason of a y-protocols auth "permission denied" frame; null for any other frame. */
export function deniedReason(frame: Uint8Array): string | null {
  const decoder = decoding.createDecoder(frame)
  if (decoding.readVarUint(decoder) !== MessageType.AUTH) return null
  if (decoding.readVarUint(decoder) !== 0) return null
  return decoding.readVarString(decoder)
}

/** An overlong varint: more than 53 bits, which lib0 refuses. */
export const BAD_VARINT = new Uint8Array([
  0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
])

/** Small deterministic PRNG (mulberry32), so a failing fuzz case can be replayed. */
export function seededBytes(seed: number): (length: number) => Uint8Array {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return (length) => Uint8Array.from({ length }, () => Math.floor(next() * 256))
}
