import { YDOC_META, YDOC_META_SCHEMA, YDOC_RECORDS } from '@wijktafel/shared'
import {
  HistoryManager,
  PageRecordType,
  type IndexKey,
  type SerializedSchemaV2,
  type TLRecord,
} from 'tldraw'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import {
  documentRecords,
  geoShape,
  linkDocs,
  newStore,
  noteShape,
  PAGE_ID,
  recordingWarn,
} from './testKit'
import { YjsStoreBridge } from './YjsStoreBridge'

function client(options: { readOnly?: boolean } = {}) {
  const store = newStore()
  const doc = new Y.Doc()
  const warn = recordingWarn()
  const bridge = new YjsStoreBridge({ store, doc, warn, ...options })
  return { store, doc, warn, bridge }
}

/** Two clients whose docs are linked; A starts first on an empty doc, then B joins. */
function pair() {
  const a = client()
  const b = client()
  const link = linkDocs(a.doc, b.doc)
  a.bridge.start()
  b.bridge.start()
  return { a, b, link }
}

/** Counts the transactions a doc sees, and the record keys they touched. */
function watch(doc: Y.Doc) {
  const seen = { updates: 0, keys: new Set<string>(), meta: 0 }
  doc.on('update', () => seen.updates++)
  doc.getMap(YDOC_RECORDS).observe((e) => e.keysChanged.forEach((k) => seen.keys.add(k)))
  doc.getMap(YDOC_META).observe(() => seen.meta++)
  return seen
}

describe('YjsStoreBridge', () => {
  test('the first client initialises an empty doc in one transaction', () => {
    const a = client()
    const seen = watch(a.doc)
    a.bridge.start()
    expect(seen.updates).toBe(1)
    expect([...a.doc.getMap(YDOC_RECORDS).keys()].sort()).toEqual(['document:document', PAGE_ID])
    expect(a.doc.getMap(YDOC_META).get(YDOC_META_SCHEMA)).toEqual(a.store.schema.serialize())
  })

  test('shapes created, changed and deleted on either side reach the other', () => {
    const { a, b } = pair()
    a.store.put([geoShape(a.store, 'one', 10, 20)])
    expect(b.store.get(geoShape(b.store, 'one').id)?.x).toBe(10)

    const one = b.store.get(geoShape(b.store, 'one').id)!
    b.store.put([{ ...one, x: 300 }])
    expect(a.store.get(one.id)?.x).toBe(300)

    b.store.put([geoShape(b.store, 'two')])
    a.store.remove([one.id])
    expect(b.store.has(one.id)).toBe(false)
    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
    expect(a.warn.messages).toEqual([])
    expect(b.warn.messages).toEqual([])
  })

  test('concurrent edits during a partition converge once updates flow again', () => {
    const { a, b, link } = pair()
    const shape = geoShape(a.store, 'shared')
    a.store.put([shape])
    link.pause()
    a.store.put([{ ...shape, x: 111 }, geoShape(a.store, 'onlyA')])
    b.store.put([{ ...shape, y: 222 }, geoShape(b.store, 'onlyB')])
    b.store.remove([shape.id])
    a.store.put([{ ...a.store.get(shape.id)!, x: 112 }])
    link.flush()
    expect(documentRecords(a.store)).toEqual(documentRecords(b.store))
    expect(a.doc.getMap(YDOC_RECORDS).toJSON()).toEqual(b.doc.getMap(YDOC_RECORDS).toJSON())
    expect(a.store.has(geoShape(a.store, 'onlyB').id)).toBe(true)
    expect(b.store.has(geoShape(b.store, 'onlyA').id)).toBe(true)
  })

  test('an invalid remote record is skipped with a warning; the rest of its transaction arrives', () => {
    const { a, b } = pair()
    const good = geoShape(a.store, 'good')
    const bad = { ...geoShape(a.store, 'bad'), props: { ...good.props, w: 'wide' } }
    const session = {
      ...b.store.get('instance:instance' as TLRecord['id']),
      id: 'instance:instance',
    }
    a.doc.transact(() => {
      const records = a.doc.getMap(YDOC_RECORDS)
      records.set(good.id, good)
      records.set(bad.id, bad)
      records.set('thing:1', { id: 'thing:1', typeName: 'thing' })
      records.set('instance:instance', { ...session, typeName: 'instance' })
      records.set('shape:mismatch', { ...good, id: 'shape:other' })
    }) // not through A's bridge: A's store would refuse these, a faulty peer need not
    expect(b.store.has(good.id)).toBe(true)
    expect(b.store.has(bad.id)).toBe(false)
    expect(b.warn.messages.filter((m) => m.startsWith('skipped remote'))).toHaveLength(4)

    a.store.put([{ ...good, x: 5 }])
    expect(b.store.get(good.id)?.x).toBe(5)
  })

  test('joining a doc writes nothing back when no migration is needed', () => {
    const a = client()
    a.bridge.start()
    a.store.put([geoShape(a.store, 'one'), noteShape(a.store, 'two', 'hallo')])
    const b = client()
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc))
    const seen = watch(b.doc)
    b.bridge.start()
    expect(seen.updates).toBe(0)
    expect(documentRecords(b.store)).toEqual(documentRecords(a.store))
  })

  test('a doc saved with an older schema is migrated; only changed records are written back', () => {
    const writer = newStore()
    const current = noteShape(writer, 'old', 'from last year')
    const ours = writer.schema.serialize()
    const older: SerializedSchemaV2 = {
      schemaVersion: 2,
      sequences: { ...ours.sequences, 'com.tldraw.shape.note': 12 },
    }
    const down = writer.schema.migratePersistedRecord(current, older, 'down')
    if (down.type !== 'success') throw new Error(`down-migration failed: ${down.reason}`)
    expect(down.value).toHaveProperty('props.textFirstEditedBy', null)

    // An old client's doc: a note at version 12 and a rectangle, which has no migration due.
    const old = new Y.Doc()
    const geo = geoShape(writer, 'unchanged')
    old.transact(() => {
      const records = old.getMap(YDOC_RECORDS)
      records.set(
        'document:document',
        writer.schema.types.document.create({ id: 'document:document' as never }),
      )
      records.set(
        PAGE_ID,
        writer.schema.types.page.create({ id: PAGE_ID, name: 'Page 1', index: 'a1' as never }),
      )
      records.set(current.id, down.value)
      records.set(geo.id, geo)
      old.getMap(YDOC_META).set(YDOC_META_SCHEMA, older)
    })

    const b = client()
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(old))
    const seen = watch(b.doc)
    b.bridge.start()
    expect(b.store.get(current.id)).toEqual(current)
    expect(seen.updates).toBe(1)
    expect([...seen.keys]).toEqual([current.id])
    expect(b.doc.getMap(YDOC_META).get(YDOC_META_SCHEMA)).toEqual(ours)

    // A second new client joining afterwards has nothing left to write.
    const c = client()
    Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(b.doc))
    const seenByC = watch(c.doc)
    c.bridge.start()
    expect(seenByC.updates).toBe(0)
  })

  test('a remote change never enters the local undo history', () => {
    const { a, b } = pair()
    const history = new HistoryManager({ store: b.store })
    const remote = geoShape(a.store, 'remote')
    const local = geoShape(b.store, 'local')
    b.store.put([local])
    a.store.put([remote])
    a.store.put([{ ...remote, x: 50 }])
    history.undo()
    expect(b.store.has(local.id)).toBe(false)
    expect(b.store.get(remote.id)?.x).toBe(50)
    // The undo itself is a local change, so it reaches the other client.
    expect(a.store.has(local.id)).toBe(false)
  })

  test('a viewer shows the board but never writes to the doc', () => {
    const a = client()
    a.bridge.start()
    a.store.put([geoShape(a.store, 'one')])
    const viewer = client({ readOnly: true })
    linkDocs(a.doc, viewer.doc)
    const seen = watch(viewer.doc)
    viewer.bridge.start()
    viewer.store.put([geoShape(viewer.store, 'mine')])
    expect(viewer.store.has(geoShape(viewer.store, 'one').id)).toBe(true)
    expect(a.store.has(geoShape(a.store, 'mine').id)).toBe(false)
    expect(seen.updates).toBe(0)
  })

  test('a doc from a newer app version marks the client outdated and stops its writes', () => {
    const a = client()
    let outdated = 0
    const b = client()
    const bridge = new YjsStoreBridge({
      store: b.store,
      doc: b.doc,
      warn: b.warn,
      onOutdated: () => outdated++,
    })
    linkDocs(a.doc, b.doc)
    a.bridge.start()
    bridge.start()
    expect(bridge.outdated).toBe(false)
    const ours = a.store.schema.serialize()
    // A newer client, not through A's bridge (A would consider itself outdated too).
    a.doc.transact(() => {
      a.doc.getMap(YDOC_META).set(YDOC_META_SCHEMA, {
        schemaVersion: 2,
        sequences: { ...ours.sequences, 'com.tldraw.shape.geo': 99 },
      })
    })
    expect(bridge.outdated).toBe(true)
    expect(outdated).toBe(1)
    b.store.put([geoShape(b.store, 'kept-local')])
    expect(a.store.has(geoShape(a.store, 'kept-local').id)).toBe(false)
    // What the newer client writes still arrives, each record validated on its own.
    const newer = geoShape(a.store, 'from-newer')
    a.doc.transact(() => a.doc.getMap(YDOC_RECORDS).set(newer.id, newer))
    expect(b.store.has(newer.id)).toBe(true)
  })

  test('two clients deleting the two pages at once make no new page while the server corrects one', () => {
    const { a, b, link } = pair()
    const second = PageRecordType.create({
      id: PageRecordType.createId('second'),
      name: 'Tweede',
      index: 'a2' as IndexKey,
    })
    a.store.put([second])
    link.pause()
    a.store.remove([PAGE_ID])
    b.store.remove([second.id])
    link.flush()
    // Each doc is without pages for a moment; neither client fills the gap on the board.
    const pagesIn = (doc: Y.Doc) =>
      [...doc.getMap(YDOC_RECORDS).keys()].filter((id) => id.startsWith('page:'))
    expect(pagesIn(a.doc)).toEqual([])
    expect(pagesIn(b.doc)).toEqual([])
    expect(a.store.query.ids('page').get().size).toBe(1)
    expect(b.store.query.ids('page').get().size).toBe(1)

    // The server took A's deletion and puts B's page back (refused:cannot delete the last page).
    const server = Symbol('server')
    a.doc.transact(() => a.doc.getMap(YDOC_RECORDS).set(second.id, second), server)
    for (const side of [a, b]) {
      expect([...side.store.query.ids('page').get()]).toEqual([second.id])
      expect(pagesIn(side.doc)).toEqual([second.id])
    }
  })

  test('destroy stops both directions', () => {
    const { a, b } = pair()
    b.bridge.destroy()
    a.store.put([geoShape(a.store, 'one')])
    b.store.put([geoShape(b.store, 'two')])
    expect(b.store.has(geoShape(b.store, 'one').id)).toBe(false)
    expect(a.store.has(geoShape(a.store, 'two').id)).toBe(false)
  })
})
