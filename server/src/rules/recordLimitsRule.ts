import { TOO_BIG_REFUSAL } from '@wijktafel/shared'
import { recordRule } from './recordRule.js'
import type { Rule } from './Rule.js'

/** Per-record limits for every record type (server/src/config.ts). */
export interface RecordLimits {
  /** The whole record as JSON, in UTF-8 bytes. */
  maxRecordBytes: number
  /** One text: a rich text's characters together, or any other string. */
  maxTextChars: number
  /** The record's free-form `meta` as JSON, in UTF-8 bytes. */
  maxMetaBytes: number
  /** Points of one freehand drawing (draw, highlight) or line. */
  maxDrawPoints: number
}

/**
 * Every record an update writes, of any type (tldraw's own notes, texts, labels, drawings,
 * pages and assets as well as our cards), stays within generous sizes [1]: its JSON, its
 * `meta`, each text and each drawing. A record past one is put back like any invalid record,
 * with a reason that starts `too big:` after the record's id so the writer's screen can say
 * it in plain words. Runs after the record shape rule (the value is a JSON object) and before
 * the validity rule, so an oversized record never reaches migration and validation [2].
 */
export function recordLimitsRule(limits: RecordLimits): Rule {
  return recordRule('record limits', (_key, value) => {
    const record = value as Record<string, unknown>
    const json = JSON.stringify(record)
    if (utf8Bytes(json) > limits.maxRecordBytes) {
      return `${TOO_BIG_REFUSAL} over ${limits.maxRecordBytes} bytes`
    }
    if (record.meta !== undefined && utf8Bytes(JSON.stringify(record.meta)) > limits.maxMetaBytes) {
      return `${TOO_BIG_REFUSAL} meta over ${limits.maxMetaBytes} bytes`
    }
    // Every field but `meta` (limited as a whole above): props, and a page's or document's name.
    const { meta: _meta, ...fields } = record
    return tooLong(fields, '', limits)
  })
}

/** The first text or drawing in `value` past its limit, as a phrase; null when all fit. */
function tooLong(value: unknown, path: string, limits: RecordLimits): string | null {
  if (typeof value === 'string') {
    return value.length > limits.maxTextChars
      ? `${TOO_BIG_REFUSAL} ${path} over ${limits.maxTextChars} characters`
      : null
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = tooLong(value[i], `${path}.${i}`, limits)
      if (found) return found
    }
    return null
  }
  if (value === null || typeof value !== 'object') return null
  const object = value as Record<string, unknown>
  if (path === 'props') {
    const points = drawingPoints(object)
    if (points > limits.maxDrawPoints) {
      return `${TOO_BIG_REFUSAL} a drawing of over ${limits.maxDrawPoints} points`
    }
  }
  for (const [key, child] of Object.entries(object)) {
    const childPath = path ? `${path}.${key}` : key
    if (key === 'richText') {
      if (richTextLength(child) > limits.maxTextChars) {
        return `${TOO_BIG_REFUSAL} ${childPath} over ${limits.maxTextChars} characters`
      }
      continue
    }
    // A drawing's points travel as base64 in `segments[].path`, counted as points above.
    if (key === 'segments' && path === 'props') continue
    const found = tooLong(child, childPath, limits)
    if (found) return found
  }
  return null
}

/**
 * Points of a drawing: tldraw 5 keeps a draw or highlight shape's points as base64 in
 * `segments[].path` (a Float32 first point, then Float16 deltas: 6 bytes a point with
 * pressure, 4 without), and a line shape's in `points` (one entry per point). Counted as
 * points with pressure (12 bytes for the first, 6 for each next); 0 for anything else.
 */
function drawingPoints(props: Record<string, unknown>): number {
  let points = 0
  if (Array.isArray(props.segments)) {
    for (const segment of props.segments) {
      const path = (segment as { path?: unknown } | null)?.path
      if (typeof path === 'string') points += Math.ceil((base64Bytes(path) - 6) / 6)
      const legacy = (segment as { points?: unknown } | null)?.points
      if (Array.isArray(legacy)) points += legacy.length
    }
  }
  if (props.points && typeof props.points === 'object') {
    points += Object.keys(props.points).length
  }
  return points
}

function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  return Math.floor((text.length * 3) / 4) - padding
}

/** The characters of a rich text (a TipTap document): all its text nodes together. */
function richTextLength(node: unknown): number {
  if (typeof node === 'string') return node.length
  if (Array.isArray(node))
    return node.reduce((sum: number, child) => sum + richTextLength(child), 0)
  if (node === null || typeof node !== 'object') return 0
  let length = 0
  for (const [key, child] of Object.entries(node)) {
    // Marks (links) and attributes are not text; a link's href is short by the record limit.
    if (key === 'text' || key === 'content') length += richTextLength(child)
  }
  return length
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

// [1] Defaults (config.ts): 256 KiB a record, 10,000 characters a text (about three A4
//     pages on one note), 8 KiB of meta, 10,000 points a drawing (a long, slow scribble is
//     about 2,000). The De Horst example's biggest card is about 2 KB. Before these, only
//     our own cards had lengths (their field validators); tldraw's shapes, every record's
//     meta and asset props were limited only by the 4 MiB message size.
// [2] JSON.stringify of one record is cheap next to tldraw's validator, which walks it too.
