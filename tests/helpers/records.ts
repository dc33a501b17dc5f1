import * as Y from 'yjs'
import { DREAM_SHAPE, INTEREST_SHAPE, getWijktafelDefaultProps } from '@wijktafel/shared'

/**
 * Board records as tldraw 5.4 writes them into a Y.Doc's `records` map, for tests that
 * drive the server with plain y-websocket clients (no tldraw store). The server validates
 * every record, so these must stay valid: `server/src/rooms/UpdateGuard.test.ts` checks them.
 */

export type TestRecord = { id: string; typeName: string } & Record<string, unknown>

export const DOCUMENT_ID = 'document:document'
export const PAGE_ID = 'page:page'

export function documentRecord(): TestRecord {
  return { id: DOCUMENT_ID, typeName: 'document', gridSize: 10, name: '', meta: {} }
}

export function pageRecord(id = PAGE_ID, name = 'Pagina 1'): TestRecord {
  return { id, typeName: 'page', name, index: 'a1', meta: {} }
}

/** A rectangle with a text label, id `shape:<name>`. */
export function geoShape(
  name: string,
  label = '',
  { x = 0, y = 0, props = {} }: { x?: number; y?: number; props?: Record<string, unknown> } = {},
): TestRecord {
  return {
    id: `shape:${name}`,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: PAGE_ID,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: 200,
      h: 100,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: label ? [{ type: 'text', text: label }] : [] }],
      },
      ...props,
    },
  }
}

/**
 * A rectangle as a client at geo version 11 writes it: geo version 12 added `flipX` and
 * `flipY`. For tests of migrating from an older doc schema.
 */
export function olderGeoShape(name: string): TestRecord {
  const { flipX: _x, flipY: _y, ...props } = geoShape(name).props as Record<string, unknown>
  return { ...geoShape(name), props }
}

/** A `wt-interest` card ("kom halen" by default), id `shape:<name>`. */
export function interestCard(name: string, props: Record<string, unknown> = {}): TestRecord {
  return {
    ...geoShape(name),
    type: INTEREST_SHAPE,
    props: { ...getWijktafelDefaultProps(INTEREST_SHAPE), ...props },
  }
}

/** A `wt-action` card with the given indicators, id `shape:<name>` (shared/src/impact). */
export function actionCard(name: string, props: Record<string, unknown> = {}): TestRecord {
  return {
    ...geoShape(name),
    type: 'wt-action',
    props: { ...getWijktafelDefaultProps('wt-action'), ...props },
  }
}

/** A `wt-dream` card (a five-year horizon by default), id `shape:<name>`. */
export function dreamCard(name: string, props: Record<string, unknown> = {}): TestRecord {
  return {
    ...geoShape(name),
    type: DREAM_SHAPE,
    props: { ...getWijktafelDefaultProps(DREAM_SHAPE), ...props },
  }
}

/**
 * Every key that appears in the doc's `records` map from now on, as a tldraw store bridge
 * sees it: a key added and removed again within one update never appears.
 */
export function keysAdded(doc: Y.Doc): Set<string> {
  const added = new Set<string>()
  doc.getMap('records').observe((event) => {
    for (const [key, { action }] of event.changes.keys) if (action === 'add') added.add(key)
  })
  return added
}

/** The label geoShape() put into a record, or undefined for anything else. */
export function labelOf(record: unknown): string | undefined {
  const props = (record as { props?: { richText?: { content?: unknown[] } } } | undefined)?.props
  const paragraph = props?.richText?.content?.[0] as { content?: { text?: string }[] } | undefined
  return paragraph ? (paragraph.content?.map((node) => node.text ?? '').join('') ?? '') : undefined
}

/** What the first writer of a new board puts: the document and its first page. */
export function boardBasics(): TestRecord[] {
  return [documentRecord(), pageRecord()]
}

/** Writes records into a client's doc in one transaction: one update on the wire. */
export function putRecords(doc: Y.Doc, ...records: TestRecord[]): void {
  doc.transact(() => {
    for (const record of records) doc.getMap('records').set(record.id, record)
  })
}
