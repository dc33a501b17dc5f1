import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { REFUSED_PREFIX, parseRefusal } from '@wijktafel/shared'
import { readMetrics } from '../helpers/metrics.js'
import {
  boardBasics,
  dreamCard,
  geoShape,
  interestCard,
  keysAdded,
  putRecords,
} from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

const REASON =
  'invalid record shape:bogus: At shape(type = wt-dream).props.horizonYears: Expected a horizon of 1 to 50 years, got 0'
/** The message is cut to 123 bytes, like a close reason. */
const TOLD = `${REFUSED_PREFIX}${REASON.slice(0, 112)}…`

describe('an invalid record', () => {
  it('is put back on the writer’s board, who is told why and keeps syncing; nobody else ever sees it', async () => {
    const first = await startServer()
    const board = await createBoard(first, 'De Horst')
    const offender = connectClient(first, board.id, board.tokens.editor)
    const other = connectClient(first, board.id, board.tokens.editor)
    const third = connectClient(first, board.id, board.tokens.facilitator)
    await Promise.all([offender, other, third].map((client) => waitForSynced(client.provider)))
    putRecords(other.doc, ...boardBasics(), interestCard('speeltuin', { text: 'Een speeltuin' }))
    await waitFor(() => offender.doc.getMap('records').has('shape:speeltuin'), {
      message: 'the offender has the board',
    })
    const seenByOthers = [other, third].map((client) => keysAdded(client.doc))

    // What a modified client could send: a dream card with no horizon.
    putRecords(offender.doc, dreamCard('bogus', { text: 'GEHEIM', horizonYears: 0 }))
    expect(offender.doc.getMap('records').has('shape:bogus')).toBe(true)
    await waitFor(() => !offender.doc.getMap('records').has('shape:bogus'), {
      message: 'the offender’s board converges to the server’s',
    })
    await waitFor(() => offender.denied.length > 0, { message: 'the offender is told' })
    expect(offender.denied).toEqual([TOLD])
    expect(Buffer.byteLength(TOLD)).toBe(123)
    expect(REASON.startsWith(parseRefusal(TOLD)!.slice(0, -1))).toBe(true)
    expect(first.logs).toContain(`corrected an update on board ${board.id}: ${REASON}`)

    // Still connected, and its next edits reach the others.
    putRecords(offender.doc, dreamCard('droom', { text: 'Een groene wijk', horizonYears: 10 }))
    await waitFor(() => other.doc.getMap('records').has('shape:droom'), {
      message: 'the offender’s later edit reaches the other editor',
    })
    putRecords(third.doc, interestCard('daarna', { text: 'Daarna' }))
    await waitFor(() => offender.doc.getMap('records').has('shape:daarna'), {
      message: 'the offender still hears the room',
    })
    expect([offender, other, third].map((client) => client.closes)).toEqual([[], [], []])
    for (const seen of seenByOthers) expect(seen.has('shape:bogus')).toBe(false)
    for (const client of [offender, other, third]) {
      expect(Buffer.from(Y.encodeStateAsUpdate(client.doc)).includes('GEHEIM')).toBe(false)
    }
    const expected = third.doc.getMap('records').toJSON()
    expect(Object.keys(expected).sort()).toEqual([
      'document:document',
      'page:page',
      'shape:daarna',
      'shape:droom',
      'shape:speeltuin',
    ])
    await waitFor(() => offender.doc.getMap('records').has('shape:droom'), { message: 'synced' })
    expect(offender.doc.getMap('records').toJSON()).toEqual(expected)
    const metrics = await readMetrics(first.url)
    expect(metrics.get('wijktafel_refused_messages_total{reason="corrected_record"}')).toBe(1)

    // What was stored is what everyone saw, without a trace of the refused text.
    for (const client of [offender, other, third]) client.provider.destroy()
    await first.server.close()
    const second = await startServer({ dataDir: first.dataDir })
    const stored = second.server.store.loadDoc(board.id)
    for (const update of [stored.state, ...stored.updates]) {
      if (update) expect(Buffer.from(update).includes('GEHEIM')).toBe(false)
    }
    const reader = connectClient(second, board.id, board.tokens.viewer)
    await waitForSynced(reader.provider)
    expect(reader.doc.getMap('records').toJSON()).toEqual(expected)
  })

  it('in an update with a valid record, only the invalid one is put back', async () => {
    const server = await startServer()
    const board = await createBoard(server, 'De Horst')
    const writer = connectClient(server, board.id, board.tokens.editor)
    const other = connectClient(server, board.id, board.tokens.editor)
    await Promise.all([writer, other].map((client) => waitForSynced(client.provider)))
    putRecords(writer.doc, ...boardBasics())
    await waitFor(() => other.doc.getMap('records').has('page:page'), { message: 'B has it' })
    const seen = keysAdded(other.doc)

    putRecords(
      writer.doc,
      geoShape('goed', 'Een bankje'),
      interestCard('fout', { text: 'Kom halen', category: 'bogus' }),
    )
    await waitFor(() => other.doc.getMap('records').has('shape:goed'), {
      message: 'the valid record reaches the other editor',
    })
    await waitFor(() => !writer.doc.getMap('records').has('shape:fout'), {
      message: 'the invalid one is put back on the writer’s board',
    })
    expect(seen).toEqual(new Set(['shape:goed']))
    expect(writer.denied.map(parseRefusal)).toEqual([
      'invalid record shape:fout: At shape(type = wt-interest).props.category: Expected one of 4 values, got bogus',
    ])
    expect(writer.doc.getMap('records').toJSON()).toEqual(other.doc.getMap('records').toJSON())
    expect([writer.closes, other.closes]).toEqual([[], []])
  })
})
