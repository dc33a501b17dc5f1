import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { createWijktafelSchema, validateWijktafelRecord } from '@wijktafel/shared'

/** Outcome of validating one record against the board schema. */
export type RecordValidation = { ok: true } | { ok: false; error: string }

/**
 * The tldraw schema the server validates board records with [1]: tldraw's default shapes
 * plus our `wt-*` cards, the same schema the client builds its store from, so what the
 * server accepts, every client can load.
 */
export function createBoardSchema(): TLSchema {
  return createWijktafelSchema()
}

/**
 * Validates a record whose type the schema knows and which is already at the schema's
 * version (migrated if needed), including the meta of exchange arrows. Never throws.
 */
export function validateBoardRecord(schema: TLSchema, record: TLRecord): RecordValidation {
  return validateWijktafelRecord(schema, record)
}

// [1] The one place that names a schema: everything else in the server gets it from here.
//     With tldraw's plain schema, `createTLSchema()` from '@tldraw/tlschema' would go here.
