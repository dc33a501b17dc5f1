import {
  docSchemaStatus,
  migrateDocRecords,
  readDocSchema,
  schemaToWrite,
  YDOC_META,
  YDOC_META_SCHEMA,
  YDOC_RECORDS,
} from '@wijktafel/shared'
import {
  DocumentRecordType,
  isEqual,
  PageRecordType,
  TLDOCUMENT_ID,
  type IndexKey,
  type RecordsDiff,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import type * as Y from 'yjs'
import { LastPageKeeper } from './LastPageKeeper'
import {
  applyRemoteChanges,
  checkRemoteRecord,
  consoleWarn,
  existingIdsInScope,
  type Warn,
} from './remoteRecords'

export interface YjsStoreBridgeOptions {
  store: TLStore
  doc: Y.Doc
  /** A viewer: shows the doc and never writes to it (the server would drop it anyway). */
  readOnly?: boolean
  /** The doc was written by a newer version of the app: from now on we stop writing [3]. */
  onOutdated?: () => void
  warn?: Warn
}

/**
 * Keeps a tldraw store and the `records` map of a board's Y.Doc in step (layout in
 * `@wijktafel/shared` ydoc.ts). Nothing happens until `start()`, which the caller calls once
 * the doc holds the board: the provider reported `synced`, or an offline copy was loaded.
 */
export class YjsStoreBridge {
  /** The origin of every transaction this bridge makes; its own are not read back [1]. */
  readonly origin = { name: 'YjsStoreBridge' }
  private readonly store: TLStore
  private readonly doc: Y.Doc
  private readonly records: Y.Map<unknown>
  private readonly meta: Y.Map<unknown>
  private readonly warn: Warn
  private state: 'idle' | 'started' | 'destroyed' = 'idle'
  private isOutdated = false
  private readonly lastPage = new LastPageKeeper()
  private unlisten: (() => void) | undefined

  constructor(private readonly options: YjsStoreBridgeOptions) {
    this.store = options.store
    this.doc = options.doc
    this.records = options.doc.getMap(YDOC_RECORDS)
    this.meta = options.doc.getMap(YDOC_META)
    this.warn = options.warn ?? consoleWarn
  }

  get started(): boolean {
    return this.state === 'started'
  }

  /** True once the doc turned out to be written by a newer app version. */
  get outdated(): boolean {
    return this.isOutdated
  }

  start(): void {
    if (this.state !== 'idle') return
    this.state = 'started'
    this.records.observe(this.onRecordsChanged)
    this.meta.observe(this.onMetaChanged)
    if (this.records.size === 0) {
      this.initialise()
      this.listen()
    } else {
      // Listening first: whatever tldraw's integrity check adds while loading (a missing
      // document record, say) is a local change that belongs in the doc too.
      this.listen()
      this.load()
    }
  }

  destroy(): void {
    if (this.state === 'started') {
      this.records.unobserve(this.onRecordsChanged)
      this.meta.unobserve(this.onMetaChanged)
      this.unlisten?.()
    }
    this.state = 'destroyed'
  }

  private get canWrite(): boolean {
    return !this.options.readOnly && !this.isOutdated
  }

  private listen(): void {
    this.unlisten = this.store.listen(({ changes }) => this.writeLocalChanges(changes), {
      source: 'user',
      scope: 'document',
    })
  }

  /** An empty doc: a new board. The first writer puts the default document and page [2]. */
  private initialise(): void {
    if (!this.canWrite) return
    const defaults: TLRecord[] = []
    if (!this.store.has(TLDOCUMENT_ID)) {
      defaults.push(
        DocumentRecordType.create({ id: TLDOCUMENT_ID, name: this.store.props.defaultName }),
      )
    }
    if (!this.store.allRecords().some((r) => r.typeName === 'page')) {
      const id = PageRecordType.createId('page')
      defaults.push(PageRecordType.create({ id, name: 'Page 1', index: 'a1' as IndexKey }))
    }
    if (defaults.length) this.store.put(defaults)
    this.doc.transact(() => {
      for (const record of Object.values(this.store.serialize('document'))) {
        this.records.set(record.id, record)
      }
      this.meta.set(YDOC_META_SCHEMA, this.store.schema.serialize())
    }, this.origin)
  }

  /**
   * A doc with a board in it: migrate what it holds, replace the store's document records
   * with it, and write back only what a migration changed (ENGINEERING.md: the old example
   * rewrote every record on every join).
   */
  private load(): void {
    const docSchema = readDocSchema(this.meta.get(YDOC_META_SCHEMA))
    const status = docSchemaStatus(this.store.schema, docSchema)
    const stored = new Map(this.records.entries())
    let current: Map<string, unknown> = stored
    let failed = new Set<string>()
    if (status === 'older' && docSchema) {
      ;({ records: current, failed } = migrateDocRecords(
        this.store.schema,
        docSchema,
        stored,
        this.warn,
      ))
    }
    for (const id of failed) this.warn(`skipped ${id}: its migration failed`)

    const valid: TLRecord[] = []
    for (const [id, value] of current) {
      const checked = checkRemoteRecord(this.store, id, value, 'document')
      if (checked.ok) valid.push(checked.record)
      else this.warn(`skipped ${id}: ${checked.reason}`)
    }
    const keep = new Set<string>(valid.map((r) => r.id))
    const stale = Object.keys(this.store.serialize('document')).filter((id) => !keep.has(id))
    applyRemoteChanges(
      this.store,
      valid,
      existingIdsInScope(this.store, stale, 'document'),
      this.warn,
    )

    if (status === 'newer') {
      this.markOutdated()
      return
    }
    if (!this.canWrite) return
    const writes = valid.filter((r) => !isEqual(stored.get(r.id), r))
    const deletes = [...stored.keys()].filter((id) => !current.has(id) && !failed.has(id))
    const schema = schemaToWrite(this.store.schema, docSchema)
    if (writes.length === 0 && deletes.length === 0 && !schema) return
    this.doc.transact(() => {
      for (const record of writes) this.records.set(record.id, record)
      for (const id of deletes) this.records.delete(id)
      if (schema) this.meta.set(YDOC_META_SCHEMA, schema)
    }, this.origin)
  }

  /**
   * tldraw calls store listeners once per animation frame with the changes of that frame
   * squashed, so one call is one Yjs transaction: one update on the wire per frame.
   */
  private writeLocalChanges(changes: RecordsDiff<TLRecord>): void {
    if (this.state !== 'started' || !this.canWrite) return
    this.doc.transact(() => {
      for (const record of Object.values(changes.added)) this.setRecord(record)
      for (const [, record] of Object.values(changes.updated)) this.setRecord(record)
      for (const record of Object.values(changes.removed)) this.records.delete(record.id)
    }, this.origin)
  }

  private setRecord(record: TLRecord): void {
    // Several clients often derive the same change from a remote one (an arrow following
    // a moved shape); skipping equal values saves an update and a tombstone each.
    if (!isEqual(this.records.get(record.id), record)) this.records.set(record.id, record)
  }

  private readonly onRecordsChanged = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.origin === this.origin) return
    const docSchema = readDocSchema(this.meta.get(YDOC_META_SCHEMA))
    const migrateFrom = docSchemaStatus(this.store.schema, docSchema) === 'older' ? docSchema : null
    const puts: TLRecord[] = []
    const removed: string[] = []
    event.changes.keys.forEach((change, id) => {
      if (change.action === 'delete') {
        removed.push(id)
        return
      }
      const checked = checkRemoteRecord(
        this.store,
        id,
        this.records.get(id),
        'document',
        migrateFrom,
      )
      if (checked.ok) puts.push(checked.record)
      else this.warn(`skipped remote ${id}: ${checked.reason}`)
    })
    const removes = existingIdsInScope(this.store, removed, 'document')
    const inDoc = (id: string) => this.records.has(id)
    applyRemoteChanges(
      this.store,
      puts,
      this.lastPage.removals(this.store, puts, removes, inDoc),
      this.warn,
    )
  }

  private readonly onMetaChanged = (event: Y.YMapEvent<unknown>): void => {
    if (event.transaction.origin === this.origin || !event.keysChanged.has(YDOC_META_SCHEMA)) {
      return
    }
    const docSchema = readDocSchema(this.meta.get(YDOC_META_SCHEMA))
    if (docSchemaStatus(this.store.schema, docSchema) === 'newer') this.markOutdated()
  }

  private markOutdated(): void {
    if (this.isOutdated) return
    this.isOutdated = true
    this.warn('this board was saved by a newer version of the app; reload to keep editing')
    this.options.onOutdated?.()
  }
}

// [1] Not `transaction.local`: any local writer other than this bridge (a template
//     inserted straight into the doc, a restored version) must reach the store as well.
//     Updates from the provider, IndexedDB and `Y.applyUpdate` carry their own origin.
// [2] Two fresh clients can both find the doc empty; they write the same ids
//     (`document:document`, `page:page`) with the same content, so the maps converge. A viewer
//     writes nothing and shows tldraw's default page until a writer arrives.
// [3] Our records would be written at older versions into a doc that claims newer ones, and
//     newer clients would reject them. Local edits stay local; the app should ask for a
//     reload. Incoming changes keep arriving, each validated on its own.
