import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  MalformedMessageError,
  decodeClientMessage,
  encodeSyncStep1,
  encodeSyncUpdate,
} from './messages.js'

const doc = new Y.Doc()
doc.getMap('records').set('shape:a', 1)
const update = Y.encodeStateAsUpdate(doc)

describe('decodeClientMessage', () => {
  it('decodes the messages a y-websocket client sends', () => {
    expect(decodeClientMessage(encodeSyncStep1(doc)).kind).toBe('sync-step1')
    expect(decodeClientMessage(encodeSyncUpdate(update))).toEqual({ kind: 'sync-update', update })
    expect(decodeClientMessage(new Uint8Array([0, 1, 2, 0, 0]))).toEqual({
      kind: 'sync-step2',
      update: new Uint8Array([0, 0]),
    })
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ kind: 'query-awareness' })
    expect(decodeClientMessage(new Uint8Array([1, 1, 0])).kind).toBe('awareness')
  })

  it.each([
    ['empty', []],
    ['unknown type', [9]],
    ['auth from a client', [2, 0, 0]],
    ['unknown sync type', [0, 7, 0]],
    ['truncated payload', [0, 2, 10, 1, 2]],
    ['overlong varint', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]],
    ['trailing bytes', [...encodeSyncUpdate(update), 0]],
    ['query awareness with a tail', [3, 0]],
    ['awareness that is not JSON', [1, 6, 1, 1, 1, 2, 0x7b, 0x7b]],
    ['awareness state that is a number', [1, 5, 1, 1, 1, 1, 0x37]],
    ['awareness with trailing bytes', [1, 2, 0, 0]],
  ])('refuses %s', (_name, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(MalformedMessageError)
  })
})
