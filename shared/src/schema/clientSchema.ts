import type { SerializedSchemaV2 } from '@tldraw/store'
import { readDocSchema, type DocSchema } from './readDocSchema.js'

/**
 * The query parameter of `/sync/<boardId>` in which a client says which schema it speaks:
 * the compact JSON of its schema's `sequences` (`{"com.tldraw.store":5,...}`), URL-encoded.
 * Optional: a client without it (a stock y-websocket client) is treated as before.
 */
export const SCHEMA_PARAM = 'schema'

/** Longer than any honest value by far (about 2 KB today), shorter than Node's header limit. */
const MAX_SCHEMA_PARAM_LENGTH = 8_192

/** The value of the `schema` parameter for a schema (before URL encoding). */
export function schemaParam(schema: SerializedSchemaV2): string {
  return JSON.stringify(schema.sequences)
}

/**
 * The schema a `schema` parameter declares, or null when it is not a JSON object of sequence
 * ids to whole versions from 0 (read like a doc's `meta.schema`, by readDocSchema).
 */
export function readSchemaParam(value: string): DocSchema | null {
  if (value.length > MAX_SCHEMA_PARAM_LENGTH) return null
  let sequences: unknown
  try {
    sequences = JSON.parse(value)
  } catch {
    return null
  }
  return readDocSchema({ schemaVersion: 2, sequences })
}

/**
 * The first sequence a client knows at a lower version than the board's schema, or null:
 * such a client cannot read the board's newer records, and what it writes would be refused
 * or migrated again [1]. Sequences only one side knows do not count.
 */
export function lowerSequence(client: DocSchema, board: DocSchema | null): string | null {
  if (!board) return null
  for (const [sequence, version] of Object.entries(board.sequences)) {
    if (!Object.hasOwn(client.sequences, sequence)) continue
    if (client.sequences[sequence]! < version) return sequence
  }
  return null
}

// [1] A client with an older app version learns it from the close code 4426 (reload) before
//     it has read or written anything, instead of finding out record by record.
