// Helpers for the sync unit tests: real stores, real Y.Docs, updates exchanged in memory.
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  PageRecordType,
  toRichText,
  type IndexKey,
  type TLGeoShape,
  type TLNoteShape,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import * as Y from 'yjs'
import type { Warn } from './remoteRecords'

export const PAGE_ID = PageRecordType.createId('page')

export function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

export function geoShape(store: TLStore, id: string, x = 0, y = 0): TLGeoShape {
  return store.schema.types.shape.create({
    id: createShapeId(id),
    type: 'geo',
    parentId: PAGE_ID,
    index: 'a1' as IndexKey,
    x,
    y,
    props: {
      w: 100,
      h: 100,
      geo: 'rectangle',
      dash: 'draw',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      color: 'black',
      labelColor: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(''),
    },
  }) as TLGeoShape
}

export function noteShape(store: TLStore, id: string, text: string): TLNoteShape {
  return store.schema.types.shape.create({
    id: createShapeId(id),
    type: 'note',
    parentId: PAGE_ID,
    index: 'a2' as IndexKey,
    x: 0,
    y: 0,
    props: {
      color: 'yellow',
      richText: toRichText(text),
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      labelColor: 'black',
      growY: 0,
      fontSizeAdjustment: 1,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
  }) as TLNoteShape
}

/** Document-scope records of a store, sorted by id, for comparing two stores. */
export function documentRecords(store: TLStore): TLRecord[] {
  return Object.values(store.serialize('document')).sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * Forwards every update of one doc to the other, both ways, like a server would. `paused`
 * holds updates back (a network partition) until `flush()`.
 */
export function linkDocs(a: Y.Doc, b: Y.Doc) {
  const remote = Symbol('remote')
  let paused = false
  const queue: Array<[Y.Doc, Uint8Array]> = []
  const forward = (to: Y.Doc) => (update: Uint8Array, origin: unknown) => {
    if (origin === remote) return
    if (paused) queue.push([to, update])
    else Y.applyUpdate(to, update, remote)
  }
  const aToB = forward(b)
  const bToA = forward(a)
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), remote)
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), remote)
  a.on('update', aToB)
  b.on('update', bToA)
  return {
    pause() {
      paused = true
    },
    flush() {
      paused = false
      for (const [to, update] of queue.splice(0)) Y.applyUpdate(to, update, remote)
    },
    unlink() {
      a.off('update', aToB)
      b.off('update', bToA)
    },
  }
}

/** A `Warn` that remembers what it was told. */
export function recordingWarn(): Warn & { messages: string[] } {
  const messages: string[] = []
  const warn = (message: string) => void messages.push(message)
  return Object.assign(warn, { messages })
}
