/**
 * The records every benchmark writes: a tldraw 5.4.2 geo shape (about 400 bytes of JSON,
 * valid under tldraw's own schema, so TLSocketRoom and our validation accept it) and a
 * presence record for tldraw's cursor channel.
 */
import {
  InstancePresenceRecordType,
  createTLSchema,
  type TLGeoShape,
  type TLInstancePresence,
} from '@tldraw/tlschema'

export const PAGE_ID = 'page:page'
export const tlSchema = createTLSchema()

/** What every edit carries so the receiver can compute latency on the same clock. */
export interface Stamp {
  sentAt: number
  seq: number
}

export function shapeId(n: number): string {
  return `shape:bench${n}`
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/** The n-th fractional index key in order: a0..az, then b00..bzz (3,906 keys in all). */
function indexKey(n: number): string {
  if (n < 62) return `a${DIGITS[n]}`
  const m = n - 62
  if (m >= 62 * 62) throw new Error(`no index key for shape ${n}`)
  return `b${DIGITS[Math.floor(m / 62)]}${DIGITS[m % 62]}`
}

export function geoShape(n: number, x: number, y: number, stamp?: Stamp): TLGeoShape {
  return {
    id: shapeId(n) as TLGeoShape['id'],
    typeName: 'shape',
    type: 'geo',
    parentId: PAGE_ID as TLGeoShape['parentId'],
    index: indexKey(n) as TLGeoShape['index'],
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: stamp ? { sentAt: stamp.sentAt, seq: stamp.seq } : {},
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: 240,
      h: 160,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'blue',
      fill: 'semi',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: `Kaart ${n}` }] }],
      },
    },
  }
}

export function presenceRecord(clientNo: number): TLInstancePresence {
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(`bench${clientNo}`),
    userId: `user:bench${clientNo}` as TLInstancePresence['userId'],
    userName: `Bench ${clientNo}`,
    currentPageId: PAGE_ID as TLInstancePresence['currentPageId'],
    cursor: { x: 0, y: 0, type: 'default', rotation: 0 },
  })
}

/** Finds `meta.sentAt` in a whole record, a put of one, or a tldraw network patch of one. */
export function stampOf(op: unknown): number | undefined {
  // ['put', record] | ['patch', { meta: ['patch', { sentAt: ['put', n] }] }] | record
  const body = unwrap(op) as { meta?: unknown } | undefined
  const meta = unwrap(body?.meta) as { sentAt?: unknown } | undefined
  const sentAt = unwrap(meta?.sentAt)
  return typeof sentAt === 'number' ? sentAt : undefined
}

function unwrap(value: unknown): unknown {
  return Array.isArray(value) ? value[1] : value
}
