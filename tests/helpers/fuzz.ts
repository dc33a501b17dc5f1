import * as encoding from 'lib0/encoding'
import { MessageType, SyncMessageType } from '@wijktafel/shared'
import { BAD_VARINT, awarenessFrame, syncFrame, updateFrame } from './frames.js'

/** A deterministic random source (mulberry32), so a failing run can be replayed by seed. */
export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }
  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => Math.floor(this.next() * 256))
  }
}

/** Valid frames of a live board to mutate: real updates, presence and state vectors. */
export interface Corpus {
  updates: Uint8Array[]
  awareness: Uint8Array[]
  stateVectors: Uint8Array[]
  /** A valid Yjs update that writes an invalid record (put back; the connection stays). */
  invalidRecord: Uint8Array
}

export type Frame = Uint8Array | string

/**
 * Frames that should cost the sender its connection: random bytes, truncated and mutated
 * valid frames, wrong varints, valid prefixes with garbage, oversized and text frames,
 * awareness garbage. Mutation makes some of them harmless, and an invalid record is put
 * back instead (the server corrects it); that is fine.
 */
export function hostileFrame(rng: Rng, corpus: Corpus, maxMessageBytes: number): Frame {
  const valid = () => validFrame(rng, corpus)
  switch (rng.int(0, 9)) {
    case 0:
      return rng.bytes(rng.int(1, 64))
    case 1: {
      const frame = valid()
      return frame.slice(0, rng.int(0, frame.length - 1))
    }
    case 2: {
      // A wrong varint where the type, the sub-type or a length should be.
      const frame = valid()
      const at = rng.int(0, Math.min(3, frame.length - 1))
      return new Uint8Array([...frame.slice(0, at), ...BAD_VARINT, ...frame.slice(at + 1)])
    }
    case 3: {
      // A valid frame header whose payload is a valid prefix followed by garbage.
      const update = rng.pick(corpus.updates)
      const cut = rng.int(1, update.length)
      return updateFrame(new Uint8Array([...update.slice(0, cut), ...rng.bytes(rng.int(1, 40))]))
    }
    case 4:
      return rng.bytes(maxMessageBytes + rng.int(1, 64))
    case 5:
      return rng.pick(['hello', '{"type":"sync"}', '\u0000\u0001', 'x'.repeat(rng.int(1, 200))])
    case 6:
      return awarenessGarbage(rng)
    case 7:
      return updateFrame(corpus.invalidRecord)
    case 8: {
      // A length prefix that promises more than the frame holds.
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MessageType.SYNC)
      encoding.writeVarUint(encoder, SyncMessageType.UPDATE)
      encoding.writeVarUint(encoder, rng.int(100, 1_000_000))
      encoding.writeUint8Array(encoder, rng.bytes(rng.int(0, 50)))
      return encoding.toUint8Array(encoder)
    }
    default:
      return mutate(rng, valid())
  }
}

/**
 * Frames that are well framed but carry junk or nothing new, which a server must take
 * without closing the connection: a viewer's garbage updates (dropped unread), presence
 * junk at a stale clock, random state vectors, replays of stored updates, queries.
 */
export function junkFrame(rng: Rng, corpus: Corpus, viewer: boolean): Frame {
  // Sync step 1 is rare: the server allows a few per connection (each costs an encode).
  switch (rng.int(viewer ? 0 : 1, 12)) {
    case 0:
      return syncFrame(
        rng.pick([SyncMessageType.STEP2, SyncMessageType.UPDATE]),
        rng.next() < 0.5 ? rng.bytes(rng.int(3, 200)) : mutate(rng, rng.pick(corpus.updates)),
      )
    case 1:
      return junkPresence(rng)
    case 2:
    case 3:
    case 4:
      return updateFrame(rng.pick(corpus.updates))
    case 5: {
      const encoder = encoding.createEncoder()
      const entries = rng.int(0, 4)
      encoding.writeVarUint(encoder, entries)
      for (let i = 0; i < entries; i++) {
        encoding.writeVarUint(encoder, rng.int(0, 2 ** 30))
        encoding.writeVarUint(encoder, rng.int(0, 1000))
      }
      return syncFrame(SyncMessageType.STEP1, encoding.toUint8Array(encoder))
    }
    case 6:
    case 7:
      return new Uint8Array([MessageType.QUERY_AWARENESS])
    default:
      return junkPresence(rng)
  }
}

/** Presence for a client nobody has, at clock 0: changes nothing, is not sent on. */
function junkPresence(rng: Rng): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, rng.int(1, 2 ** 30))
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, JSON.stringify({ junk: rng.int(0, 1e9), s: 'x' }))
  return awarenessFrame(encoding.toUint8Array(encoder))
}

function validFrame(rng: Rng, corpus: Corpus): Uint8Array {
  switch (rng.int(0, 2)) {
    case 0:
      return updateFrame(rng.pick(corpus.updates))
    case 1:
      return awarenessFrame(rng.pick(corpus.awareness))
    default:
      return syncFrame(SyncMessageType.STEP1, rng.pick(corpus.stateVectors))
  }
}

function mutate(rng: Rng, frame: Uint8Array): Uint8Array {
  const copy = frame.slice()
  for (let i = rng.int(1, 4); i > 0; i--) copy[rng.int(0, copy.length - 1)] = rng.int(0, 255)
  return copy
}

function awarenessGarbage(rng: Rng): Uint8Array {
  const encoder = encoding.createEncoder()
  switch (rng.int(0, 3)) {
    case 0: // not JSON
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, rng.int(1, 1000))
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, '{"cursor":')
      break
    case 1: // JSON, but not an object
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, rng.int(1, 1000))
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, rng.pick(['42', '"x"', 'true']))
      break
    case 2: // more entries than bytes
      encoding.writeVarUint(encoder, rng.int(2, 1_000_000))
      encoding.writeUint8Array(encoder, rng.bytes(rng.int(0, 20)))
      break
    default: // a valid entry and trailing bytes
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, rng.int(1, 1000))
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, '{}')
      encoding.writeUint8Array(encoder, rng.bytes(rng.int(1, 8)))
  }
  return awarenessFrame(encoding.toUint8Array(encoder))
}
