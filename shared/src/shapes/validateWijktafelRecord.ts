import type { UnknownRecord } from '@tldraw/store'
import type { TLSchema } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { exchangeMetaValidator } from './exchangeArrow.js'

export type RecordCheck = { ok: true } | { ok: false; error: string }

/**
 * Validates one store record (a shape, a binding, a page...) against the schema, and the meta
 * of exchange arrows. Never throws: a bad record gives a readable error such as
 * `At shape(type = wt-dream).props.horizonYears: Expected a horizon of 1 to 50 years, got 0`.
 */
export function validateWijktafelRecord(schema: TLSchema, record: unknown): RecordCheck {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, error: `Expected a record object, got ${describe(record)}` }
  }
  const typeName = (record as Partial<UnknownRecord>).typeName
  if (typeof typeName !== 'string') {
    return { ok: false, error: 'Expected a record with a typeName' }
  }
  const recordType = Object.hasOwn(schema.types, typeName)
    ? schema.types[typeName as keyof typeof schema.types]
    : undefined
  if (!recordType) return { ok: false, error: `Unknown record type '${typeName.slice(0, 40)}'` }
  try {
    recordType.validate(record)
    const shape = record as { typeName: string; type?: unknown; meta?: Record<string, unknown> }
    if (shape.typeName === 'shape' && shape.type === 'arrow' && shape.meta && 'wt' in shape.meta) {
      try {
        exchangeMetaValidator.validate(shape.meta)
      } catch (error) {
        if (error instanceof T.ValidationError) {
          throw new T.ValidationError(error.rawMessage, [
            'shape(type = arrow)',
            'meta',
            ...error.path,
          ])
        }
        throw error
      }
    }
    return { ok: true }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'an array' : typeof value
}
