import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as authProtocol from 'y-protocols/auth'
import { MessageType, SyncMessageType } from '@wijktafel/shared'

/** One y-websocket frame from a client, fully decoded and structurally checked. */
export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2' | 'sync-update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' }

/** One client's entry in an awareness update, without its state. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  /** The state is null: the client left. */
  removed: boolean
}

/** The frame is not a y-websocket message this server accepts. */
export class MalformedMessageError extends Error {
  readonly code = 'malformed_message'
  constructor(detail: string) {
    super(`malformed message: ${detail}`)
    this.name = 'MalformedMessageError'
  }
}

/**
 * Decodes a frame. Throws MalformedMessageError on an unknown type, truncation, a bad
 * varint, trailing bytes [1] or an awareness update that does not parse. A Yjs update's
 * payload is only framed here; whether Yjs can apply it is the room's business.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessage(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes')
    return message
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    // lib0 throws plain errors on truncation and overlong varints; Yjs on a bad state vector.
    throw new MalformedMessageError(error instanceof Error ? error.message : 'undecodable')
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.SYNC: {
      const subtype = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (subtype === SyncMessageType.STEP1) {
        Y.decodeStateVector(payload) // throws on garbage, before it reaches encodeStateAsUpdate
        return { kind: 'sync-step1', stateVector: payload }
      }
      if (subtype === SyncMessageType.STEP2) return { kind: 'sync-step2', update: payload }
      if (subtype === SyncMessageType.UPDATE) return { kind: 'sync-update', update: payload }
      throw new MalformedMessageError(`unknown sync message type ${subtype}`)
    }
    case MessageType.AWARENESS: {
      const update = decoding.readVarUint8Array(decoder)
      return { kind: 'awareness', update, entries: readAwarenessEntries(update) }
    }
    case MessageType.QUERY_AWARENESS:
      return { kind: 'query-awareness' }
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
}

/**
 * Walks an awareness update the way applyAwarenessUpdate reads it. Checking first means
 * a bad entry can never leave earlier entries applied without an 'update' event.
 */
function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state: unknown = JSON.parse(decoding.readVarString(decoder))
    if (typeof state !== 'object') throw new MalformedMessageError('awareness state not an object')
    entries.push({ clientId, clock, removed: state === null })
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing awareness bytes')
  return entries
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SyncMessageType.STEP1, Y.encodeStateVector(doc))
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.STEP2, Y.encodeStateAsUpdate(doc, stateVector))
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.UPDATE, update)
}

function encodeSync(subtype: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.SYNC)
  encoding.writeVarUint(encoder, subtype)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clientIds: readonly number[],
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.AWARENESS)
  encoding.writeVarUint8Array(
    encoder,
    awarenessProtocol.encodeAwarenessUpdate(awareness, [...clientIds]),
  )
  return encoding.toUint8Array(encoder)
}

export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.AUTH)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

// [1] The y-websocket client sends exactly one message per frame. Bytes after it are
//     either a bug or an attempt to smuggle something past the checks, so they refuse
//     the whole frame instead of being ignored.
