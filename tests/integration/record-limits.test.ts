import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TOO_BIG_REFUSAL, parseRefusal } from '@wijktafel/shared'
import { boardBasics, geoShape, pageRecord, putRecords } from '../helpers/records.js'
import { createBoard, testContext } from '../helpers/testContext.js'
import { waitFor, waitForSynced } from '../helpers/waitFor.js'

const { startServer, connectClient } = testContext()

/** A rectangle's label of `chars` characters, as tldraw writes a long pasted text. */
const labelled = (name: string, chars: number) =>
  geoShape(name, `${'Een lange tekst. '.repeat(Math.ceil(chars / 17))}`.slice(0, chars))

describe('per-record limits on tldraw’s own shapes, pages and meta', () => {
  it('puts back a label past MAX_TEXT_CHARS, a page name past it and a big meta; the writer is told in words, the others never see it', async () => {
    const started = await startServer()
    const board = await createBoard(started, 'De Horst')
    const writer = connectClient(started, board.id, board.tokens.editor)
    const other = connectClient(started, board.id, board.tokens.editor)
    await Promise.all([writer, other].map((client) => waitForSynced(client.provider)))
    putRecords(other.doc, ...boardBasics())
    await waitFor(() => writer.doc.getMap('records').has('page:page'), { message: 'synced' })

    // Exactly at the default limit (10,000 characters) is fine: about three A4 pages.
    putRecords(writer.doc, labelled('precies', 10_000))
    await waitFor(() => other.doc.getMap('records').has('shape:precies'), {
      message: 'a label of 10,000 characters reaches the other editor',
    })

    putRecords(writer.doc, { ...labelled('teveel', 10_001), meta: {} })
    putRecords(writer.doc, pageRecord('page:lang', 'P'.repeat(10_001)))
    putRecords(writer.doc, { ...geoShape('meta'), meta: { blob: 'M'.repeat(9000) } })
    await waitFor(
      () =>
        !['shape:teveel', 'page:lang', 'shape:meta'].some((key) =>
          writer.doc.getMap('records').has(key),
        ),
      { message: 'the writer’s board converges to the server’s' },
    )
    await waitFor(() => writer.denied.length >= 3, { message: 'the writer is told, each time' })
    const reasons = writer.denied.map((told) => parseRefusal(told) ?? '')
    expect(reasons[0]).toContain(`shape:teveel: ${TOO_BIG_REFUSAL} props.richText over 10000`)
    expect(reasons[1]).toContain(`page:lang: ${TOO_BIG_REFUSAL} name over 10000 characters`)
    expect(reasons[2]).toContain(`shape:meta: ${TOO_BIG_REFUSAL} meta over 8192 bytes`)

    // Still connected and syncing; nobody else ever held the oversized records.
    putRecords(writer.doc, geoShape('daarna', 'Daarna'))
    await waitFor(() => other.doc.getMap('records').has('shape:daarna'), {
      message: 'the writer’s next edit reaches the other',
    })
    expect(writer.closes).toEqual([])
    const others = Buffer.from(Y.encodeStateAsUpdate(other.doc))
    expect(others.includes('PPPPPPPPPP')).toBe(false)
    expect(others.includes('MMMMMMMMMM')).toBe(false)
  })

  it('takes the limits from the configuration', async () => {
    const started = await startServer({ maxTextChars: 20 })
    const board = await createBoard(started, 'De Horst')
    const writer = connectClient(started, board.id, board.tokens.editor)
    await waitForSynced(writer.provider)
    putRecords(
      writer.doc,
      ...boardBasics(),
      geoShape('kort', 'Twintig tekens precies'.slice(0, 20)),
    )
    putRecords(writer.doc, geoShape('lang', 'Eenentwintig tekens!!'))
    await waitFor(() => writer.denied.length === 1, { message: 'the longer label is refused' })
    expect(parseRefusal(writer.denied[0]!)).toContain('props.richText over 20 characters')
    await waitFor(() => !writer.doc.getMap('records').has('shape:lang'), { message: 'put back' })
    expect(writer.doc.getMap('records').has('shape:kort')).toBe(true)
  })
})
