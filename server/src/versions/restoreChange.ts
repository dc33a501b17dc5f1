import { isDeepStrictEqual } from 'node:util'
import type { TLSchema } from '@tldraw/tlschema'
import {
  YDOC_IMPACT,
  YDOC_META,
  YDOC_META_SCHEMA,
  YDOC_RECORDS,
  docSchemaStatus,
  MEASUREMENT_PREFIX,
  migrateDocRecords,
  readDocSchema,
  schemaToWrite,
} from '@wijktafel/shared'
import type * as Y from 'yjs'
import type { DocContent } from './docContent.js'

/** Why a version cannot be written back onto its board. */
export class RestoreError extends Error {
  constructor(
    readonly code: 'newer_schema' | 'migration_failed' | 'incomplete_version' | 'storage_failed',
    message: string,
  ) {
    super(message)
    this.name = 'RestoreError'
  }
}

/**
 * Returns the change that makes `doc`'s records those of `version`, to run inside one
 * transaction: the version's records, migrated to the server's schema, are set where they
 * differ, and records the version does not have are deleted [1]. The `impact` map is not
 * taken back: measurements are never lost, so the board keeps every measurement it has and
 * gets back any the version has that it lacks; rounds and round statuses stay as they are [3].
 * Everything is worked out before the change runs, so a version that cannot be restored
 * changes nothing.
 */
export function restoreChange(
  schema: TLSchema,
  doc: Y.Doc,
  version: DocContent,
): (doc: Y.Doc) => void {
  const ours = schema.serialize()
  const docSchema = readDocSchema(doc.getMap(YDOC_META).get(YDOC_META_SCHEMA))
  if (
    docSchemaStatus(schema, docSchema) === 'newer' ||
    docSchemaStatus(schema, version.schema) === 'newer'
  ) {
    throw new RestoreError(
      'newer_schema',
      'The board or the version was saved by a newer Wijktafel than this server.',
    )
  }
  const migrated = migrateDocRecords(schema, version.schema ?? ours, version.records, () => {})
  if (migrated.failed.size > 0) {
    const [first] = migrated.failed
    throw new RestoreError(
      'migration_failed',
      `Record ${String(first)} of the version could not be migrated.`,
    )
  }
  const target = migrated.records
  // tldraw cannot show a board without them (a version of a board nobody had opened yet).
  const values = [...target.values()] as { typeName?: unknown }[]
  if (!target.has('document:document') || !values.some((r) => r.typeName === 'page')) {
    throw new RestoreError('incomplete_version', 'The version holds no page to show.')
  }
  // Records the doc keeps as they are are the same at every schema version, so raising
  // `meta.schema` to ours leaves no record behind [2].
  const raise = schemaToWrite(schema, docSchema)
  return (doc) => {
    const records = doc.getMap(YDOC_RECORDS)
    for (const key of [...records.keys()]) if (!target.has(key)) records.delete(key)
    for (const [key, record] of target) {
      if (!isDeepStrictEqual(records.get(key), record)) records.set(key, record)
    }
    if (raise) doc.getMap(YDOC_META).set(YDOC_META_SCHEMA, raise)
    const impact = doc.getMap(YDOC_IMPACT)
    for (const [key, value] of version.impact) {
      if (key.startsWith(MEASUREMENT_PREFIX) && !impact.has(key)) impact.set(key, value)
    }
  }
}

// [1] Setting only the records that differ gives the same board as setting all of them, in
//     a smaller update that every client applies as one change; the meeting state (follow,
//     timer, vote) is not part of a version's board and stays as it is.
// [2] A record that the board holds at an older schema and the version (migrated) holds
//     with the same value is valid at ours as it is; every other record is written anew.
// [3] A restore takes back what happened on the canvas (a card deleted or moved by mistake);
//     measurements and evaluation rounds are a log of what happened in the neighbourhood and
//     at the table since, which a restore must not erase: a measurement is never deleted by
//     anyone (impactRule), and a round held since the version stays with its statuses. A
//     measurement whose action card the restore removes stays in the map; no card shows it
//     until a later restore brings the card back. A measurement is never deleted, so the
//     version's are normally all on the board already; adding the missing ones is for a doc
//     that lost some another way.
